package io.sygnify.analysis;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a large, valid CSV quickly, for tests that need a load long enough to watch or interrupt. */
final class LargeCsv {

    private LargeCsv() {
    }

    static Path write(Path file, int rows) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,amount,city,day\n");
            StringBuilder line = new StringBuilder(64);
            for (int i = 0; i < rows; i++) {
                line.setLength(0);
                line.append(i).append(',').append(i % 10_000).append(".25,city").append(i % 500)
                        .append(",2024-01-").append(10 + i % 19).append('\n');
                out.append(line);
            }
        }
        return file;
    }
}
