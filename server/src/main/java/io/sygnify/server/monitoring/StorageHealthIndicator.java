package io.sygnify.server.monitoring;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;

import io.sygnify.server.config.SygnifyProperties;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Free disk under the data directory, against {@code sygnify.monitoring.storage-min-free}. */
@Component
class StorageHealthIndicator implements HealthIndicator {

    private final SygnifyProperties properties;

    StorageHealthIndicator(SygnifyProperties properties) {
        this.properties = properties;
    }

    @Override
    public Health health() {
        Path dir = properties.dataDir().toAbsolutePath();
        long threshold = properties.monitoring().storageMinFree().toBytes();
        try {
            FileStore store = Files.getFileStore(Files.exists(dir) ? dir : dir.getRoot());
            long free = store.getUsableSpace();
            Health.Builder health = free >= threshold ? Health.up() : Health.down()
                    .withDetail("reason", "less than " + threshold + " bytes free under " + dir);
            return health.withDetail("path", dir.toString()).withDetail("free_bytes", free)
                    .withDetail("total_bytes", store.getTotalSpace()).withDetail("threshold_bytes", threshold).build();
        } catch (IOException e) {
            return Health.down().withDetail("path", dir.toString())
                    .withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
        }
    }

    long freeBytes() {
        try {
            return Files.getFileStore(properties.dataDir().toAbsolutePath()).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }
}
