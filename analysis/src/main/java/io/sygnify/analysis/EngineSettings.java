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

    /** {@link #memoryLimit} in bytes (KB, MB … are powers of 1000, KiB, MiB … of 1024, as DuckDB reads them). */
    public long memoryLimitBytes() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)(\\d+(?:\\.\\d+)?)\\s*([KMGT]?)(I?)B")
                .matcher(memoryLimit.strip());
        if (!m.matches()) {
            throw new IllegalStateException("memoryLimit was validated: " + memoryLimit);
        }
        int power = "KMGT".indexOf(m.group(2).toUpperCase(java.util.Locale.ROOT)) + 1;
        double base = m.group(3).isEmpty() ? 1000 : 1024;
        return (long) (Double.parseDouble(m.group(1)) * Math.pow(base, power));
    }
}
