package io.sygnify.bench.realtime;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Random;

/** The CSV the benchmark uploads: sales-like rows from a fixed seed, written once per row count and reused. */
final class CsvFixture {

    private static final String[] REGIONS = {"north", "south", "east", "west", "central"};

    private CsvFixture() {
    }

    static Path sales(Path dir, int rows) throws IOException {
        Path file = dir.resolve("sales-" + rows + ".csv");
        if (Files.isRegularFile(file)) {
            return file;
        }
        Files.createDirectories(dir);
        // Written aside and moved, so an interrupted run never leaves a short file behind to be reused.
        Path partial = dir.resolve(file.getFileName() + ".partial");
        Random random = new Random(42);
        try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            out.write("id,date,region,product,quantity,unit_price,amount,customer\n");
            for (int i = 1; i <= rows; i++) {
                int quantity = 1 + random.nextInt(50);
                int cents = 100 + random.nextInt(50_000);
                out.write(i + ",2024-" + twoDigits(1 + random.nextInt(12)) + "-" + twoDigits(1 + random.nextInt(28))
                        + "," + REGIONS[random.nextInt(REGIONS.length)] + ",P" + (1 + random.nextInt(400))
                        + "," + quantity + "," + money(cents) + "," + money((long) cents * quantity)
                        + ",C" + (1 + random.nextInt(20_000)) + "\n");
            }
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    private static String twoDigits(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
    }

    private static String money(long cents) {
        long rest = cents % 100;
        return cents / 100 + "." + (rest < 10 ? "0" + rest : rest);
    }
}
