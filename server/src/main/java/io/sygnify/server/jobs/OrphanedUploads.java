package io.sygnify.server.jobs;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Pattern;

import io.sygnify.server.config.SygnifyProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Deletes stored uploads that no job refers to. An upload is stored first and its job inserted next; a process
 * that dies between the two leaves a file nobody can read or remove. (A failed insert deletes its own file, see
 * {@link JobService#create}.) In cluster mode another instance may be between the two steps right now, so a file
 * counts as orphaned only once it is older than {@link AbandonedSpools#ABANDONED_AFTER}.
 */
@Component
class OrphanedUploads {

    // the names UploadStorage generates: nothing else in the directory is ever touched
    private static final Pattern STORED_NAME = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.csv");
    private static final Logger log = LoggerFactory.getLogger(OrphanedUploads.class);

    private final SygnifyProperties properties;
    private final JobRepository jobs;

    OrphanedUploads(SygnifyProperties properties, JobRepository jobs) {
        this.properties = properties;
        this.jobs = jobs;
    }

    @EventListener(ApplicationReadyEvent.class)
    void sweepOnStart() {
        Path uploads = properties.uploadsDir();
        try {
            int deleted = sweep(uploads, Instant.now().minus(AbandonedSpools.ABANDONED_AFTER), jobs.storedNames());
            if (deleted > 0) {
                log.info("Deleted {} stored upload(s) without a job from {}", deleted, uploads);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Could not sweep orphaned uploads from {}: {}", uploads, e.toString());
        }
    }

    /**
     * Deletes the uploads in {@code directory} whose name is not in {@code referenced}, last written before
     * {@code writtenBefore}; returns how many.
     */
    static int sweep(Path directory, Instant writtenBefore, Set<String> referenced) throws IOException {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.csv")) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                try {
                    if (STORED_NAME.matcher(name).matches() && !referenced.contains(name)
                            && Files.getLastModifiedTime(file).toInstant().isBefore(writtenBefore)
                            && Files.deleteIfExists(file)) {
                        deleted++;
                    }
                } catch (NoSuchFileException alreadyGone) {
                    // removed meanwhile
                }
            }
        }
        return deleted;
    }
}
