package io.sygnify.server.jobs;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import io.sygnify.server.config.SygnifyProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Deletes upload spools that a stopped or crashed process left in the uploads directory. A running upload
 * deletes its own spool whatever happens, so only a process that died mid-upload leaves one, and nobody else
 * would ever remove it. In cluster mode the directory is shared, so a spool counts as abandoned only once it has
 * not been written for {@link #ABANDONED_AFTER}: another instance may be receiving into it right now.
 */
@Component
class AbandonedSpools {

    static final String PREFIX = "incoming-";
    static final String SUFFIX = ".part";
    static final Duration ABANDONED_AFTER = Duration.ofHours(1);

    private static final Logger log = LoggerFactory.getLogger(AbandonedSpools.class);

    private final SygnifyProperties properties;

    AbandonedSpools(SygnifyProperties properties) {
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void sweepOnStart() {
        try {
            int deleted = sweep(properties.uploadsDir(), Instant.now().minus(ABANDONED_AFTER));
            if (deleted > 0) {
                log.info("Deleted {} abandoned upload spool(s) from {}", deleted, properties.uploadsDir());
            }
        } catch (IOException e) {
            log.warn("Could not sweep abandoned upload spools from {}: {}", properties.uploadsDir(), e.toString());
        }
    }

    /** Deletes the spools in {@code directory} last written before {@code untouchedSince}; returns how many. */
    static int sweep(Path directory, Instant untouchedSince) throws IOException {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        int deleted = 0;
        try (DirectoryStream<Path> spools = Files.newDirectoryStream(directory, PREFIX + "*" + SUFFIX)) {
            for (Path spool : spools) {
                try {
                    if (Files.getLastModifiedTime(spool).toInstant().isBefore(untouchedSince)
                            && Files.deleteIfExists(spool)) {
                        deleted++;
                    }
                } catch (NoSuchFileException alreadyGone) {
                    // its own upload finished and deleted it meanwhile
                }
            }
        }
        return deleted;
    }
}
