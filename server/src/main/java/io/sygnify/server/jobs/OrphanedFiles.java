package io.sygnify.server.jobs;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import io.sygnify.server.config.SygnifyProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Deletes, at start-up, files that no job refers to any more.
 * <ul>
 * <li>Stored uploads without a job: an upload is stored first and its job inserted next, and a process that dies
 * between the two leaves a file nobody can read or remove. (A failed insert deletes its own file, see
 * {@link JobService#create}.)</li>
 * <li>Job directories ({@code data/jobs/<id>/}) without a job: a run on another instance may finish its export
 * just after its job was cancelled and deleted, and a deletion whose file removal failed leaves its directory.</li>
 * </ul>
 * In cluster mode another instance may be between two such steps right now, so only names the server generates
 * count, and only once untouched for {@link AbandonedSpools#ABANDONED_AFTER}.
 */
@Component
class OrphanedFiles {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final Pattern STORED_NAME = Pattern.compile(UUID + "\\.csv");
    private static final Pattern JOB_ID = Pattern.compile(UUID);
    private static final Logger log = LoggerFactory.getLogger(OrphanedFiles.class);

    private final SygnifyProperties properties;
    private final JobRepository jobs;

    OrphanedFiles(SygnifyProperties properties, JobRepository jobs) {
        this.properties = properties;
        this.jobs = jobs;
    }

    @EventListener(ApplicationReadyEvent.class)
    void sweepOnStart() {
        Instant before = Instant.now().minus(AbandonedSpools.ABANDONED_AFTER);
        Path uploads = properties.uploadsDir();
        Path jobDirectories = properties.dataDir().resolve("jobs");
        sweepLogged("stored upload(s)", uploads, () -> sweepUploads(uploads, before, jobs.storedNames()));
        sweepLogged("job director(y/ies)", jobDirectories,
                () -> sweepJobDirectories(jobDirectories, before, jobs.ids()));
    }

    private static void sweepLogged(String what, Path directory, Callable<Integer> sweep) {
        try {
            int deleted = sweep.call();
            if (deleted > 0) {
                log.info("Deleted {} {} without a job from {}", deleted, what, directory);
            }
        } catch (Exception e) {
            log.warn("Could not sweep {} without a job from {}: {}", what, directory, e.toString());
        }
    }

    /** Deletes the stored uploads whose name is not in {@code referenced}; returns how many. */
    static int sweepUploads(Path directory, Instant writtenBefore, Set<String> referenced) throws IOException {
        return sweep(directory, STORED_NAME, writtenBefore, referenced);
    }

    /** Deletes the job directories whose job id is not in {@code existing}; returns how many. */
    static int sweepJobDirectories(Path root, Instant modifiedBefore, Set<String> existing) throws IOException {
        return sweep(root, JOB_ID, modifiedBefore, existing);
    }

    /** Deletes what {@code directory} holds under a name matching {@code named}, not kept, untouched since before. */
    private static int sweep(Path directory, Pattern named, Instant modifiedBefore, Set<String> kept)
            throws IOException {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        int deleted = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                try {
                    if (named.matcher(name).matches() && !kept.contains(name)
                            && Files.getLastModifiedTime(entry).toInstant().isBefore(modifiedBefore)
                            && JobDeletion.deleteTree(entry)) {
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
