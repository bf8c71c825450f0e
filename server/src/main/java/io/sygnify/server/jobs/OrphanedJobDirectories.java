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
 * Deletes, at start-up, what the engine wrote for jobs that no longer exist ({@code data/jobs/<id>/} without a
 * job row): a run on another instance may finish writing just after its job was cancelled and deleted, and a
 * deletion whose file removal failed leaves its directory. Like {@link OrphanedUploads}, only directories named
 * like a job id and untouched for {@link AbandonedSpools#ABANDONED_AFTER}.
 */
@Component
class OrphanedJobDirectories {

    private static final Pattern JOB_ID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Logger log = LoggerFactory.getLogger(OrphanedJobDirectories.class);

    private final SygnifyProperties properties;
    private final JobRepository jobs;

    OrphanedJobDirectories(SygnifyProperties properties, JobRepository jobs) {
        this.properties = properties;
        this.jobs = jobs;
    }

    @EventListener(ApplicationReadyEvent.class)
    void sweepOnStart() {
        Path root = properties.dataDir().resolve("jobs");
        try {
            int deleted = sweep(root, Instant.now().minus(AbandonedSpools.ABANDONED_AFTER), jobs.ids());
            if (deleted > 0) {
                log.info("Deleted {} job director(y/ies) without a job from {}", deleted, root);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Could not sweep job directories without a job from {}: {}", root, e.toString());
        }
    }

    /** Deletes the directories in {@code root} named like a job id not in {@code existing}; returns how many. */
    static int sweep(Path root, Instant modifiedBefore, Set<String> existing) throws IOException {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        int deleted = 0;
        try (DirectoryStream<Path> directories = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path directory : directories) {
                String name = directory.getFileName().toString();
                try {
                    if (JOB_ID.matcher(name).matches() && !existing.contains(name)
                            && Files.getLastModifiedTime(directory).toInstant().isBefore(modifiedBefore)
                            && JobDeletion.deleteTree(directory)) {
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
