package io.sygnify.analysis;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How the engine may use the machine.
 *
 * @param threads       DuckDB worker threads per analysis, at least 1
 * @param memoryLimit   DuckDB {@code memory_limit}, e.g. {@code "1GB"}; beyond it DuckDB spills to disk
 * @param tempDirectory where DuckDB spills; created if absent
 */
public record EngineSettings(int threads, String memoryLimit, Path tempDirectory) {

    public EngineSettings {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        Objects.requireNonNull(memoryLimit, "memoryLimit");
        if (!memoryLimit.matches("(?i)\\d+(\\.\\d+)?\\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)")) {
            throw new IllegalArgumentException("memoryLimit must look like 512MB or 2GB, was '" + memoryLimit + "'");
        }
        Objects.requireNonNull(tempDirectory, "tempDirectory");
    }
}
