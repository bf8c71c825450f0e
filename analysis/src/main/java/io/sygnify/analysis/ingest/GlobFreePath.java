package io.sygnify.analysis.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A path DuckDB will open literally. DuckDB expands glob characters in {@code read_csv} paths, so
 * {@code sales[1].csv} would silently read {@code sales1.csv}; such a file is reached through a symbolic link
 * with a plain name in the temp directory instead.
 */
public final class GlobFreePath implements AutoCloseable {

    private static final String GLOB_CHARACTERS = "*?[]{}";

    private final Path path;
    private final Path linkDirectory;

    private GlobFreePath(Path path, Path linkDirectory) {
        this.path = path;
        this.linkDirectory = linkDirectory;
    }

    public static GlobFreePath of(Path file, Path tempDirectory) throws IOException {
        Path absolute = file.toAbsolutePath();
        if (absolute.toString().chars().noneMatch(c -> GLOB_CHARACTERS.indexOf(c) >= 0)) {
            return new GlobFreePath(absolute, null);
        }
        Files.createDirectories(tempDirectory);
        Path directory = Files.createTempDirectory(tempDirectory.toAbsolutePath(), "input-");
        return new GlobFreePath(Files.createSymbolicLink(directory.resolve("input.csv"), absolute), directory);
    }

    public Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        if (linkDirectory != null) {
            Files.deleteIfExists(path);
            Files.deleteIfExists(linkDirectory);
        }
    }
}
