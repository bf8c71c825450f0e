package io.sygnify.server.support;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** CSV files written by tests. */
public final class Csv {

    private Csv() {
    }

    /** {@code rows} rows of id,amount,category,day with known types: integer, decimal, text, date. */
    public static String sales(int rows) {
        StringBuilder csv = new StringBuilder("id,amount,category,day\n");
        String[] categories = {"books", "games", "music"};
        for (int i = 1; i <= rows; i++) {
            csv.append(i).append(',')
                    .append(String.format(Locale.ROOT, "%.2f", 10 + (i % 97) * 1.25)).append(',')
                    .append(categories[i % 3]).append(',')
                    .append(String.format(Locale.ROOT, "2024-%02d-%02d", 1 + i % 12, 1 + i % 28)).append('\n');
        }
        return csv.toString();
    }

    /** Writes a large sales file straight to disk, for jobs that must run for a while. */
    public static Path largeSales(Path dir, int rows) {
        Path file = dir.resolve("large-" + rows + ".csv");
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("id,amount,category,day,note\n");
            for (int i = 1; i <= rows; i++) {
                out.write(i + "," + (i % 1000) + "." + (i % 100) + ",cat" + (i % 50) + ",2024-"
                        + String.format(Locale.ROOT, "%02d-%02d", 1 + i % 12, 1 + i % 28) + ",note number " + i + "\n");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }
}
