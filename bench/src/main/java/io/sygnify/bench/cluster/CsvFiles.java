package io.sygnify.bench.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import io.sygnify.bench.TransactionsGenerator;

/** The uploaded files: card-transaction CSVs of about the asked size, one seed each, written once and reused. */
final class CsvFiles {

    private CsvFiles() {
    }

    /** Rows per file, from the bytes per row of a sample. */
    static long rowsFor(Path dir, int megabytes) throws IOException {
        Path sample = file(dir, 20_000, 0);
        double bytesPerRow = (double) Files.size(sample) / 20_000;
        return Math.max(1_000, Math.round(megabytes * 1_000_000 / bytesPerRow));
    }

    /** {@code count} files of {@code rows} rows, with seeds 1..count: different contents, same shape. */
    static List<Path> generate(Path dir, int count, long rows) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int seed = 1; seed <= count; seed++) {
            files.add(file(dir, rows, seed));
        }
        return files;
    }

    private static Path file(Path dir, long rows, long seed) throws IOException {
        Path file = dir.resolve("transactions-" + rows + "-" + seed + ".csv");
        if (Files.isRegularFile(file)) {
            return file;
        }
        Files.createDirectories(dir);
        // Written aside and moved, so an interrupted run never leaves a short file behind to be reused.
        Path partial = dir.resolve(file.getFileName() + ".partial");
        TransactionsGenerator.write(partial, rows, seed);
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }
}
