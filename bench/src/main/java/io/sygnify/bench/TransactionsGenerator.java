package io.sygnify.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Writes a realistic card-transactions CSV, the same bytes for the same seed and row count: 15 columns with
 * timestamps, identifiers, amounts with refunds and a heavy tail, categories, a fraud flag and quoted free text.
 *
 * <p>Usage: {@code TransactionsGenerator <file> [rows] [seed]} (default 1,000,000 rows, seed 42).
 */
public final class TransactionsGenerator {

    public static final String HEADER = "transaction_id,timestamp,customer_id,merchant_id,merchant_category,channel,"
            + "country,currency,quantity,unit_price,amount,discount_pct,payment_method,is_fraud,description";

    private static final String[] CATEGORIES = {"grocery", "restaurants", "fuel", "electronics", "clothing",
        "travel", "health", "entertainment", "home", "utilities", "education", "other"};
    private static final double[] CATEGORY_WEIGHTS = {22, 15, 12, 6, 9, 4, 6, 7, 8, 5, 2, 4};
    private static final String[] CHANNELS = {"in_store", "online", "mobile"};
    private static final double[] CHANNEL_WEIGHTS = {55, 30, 15};
    private static final String[] COUNTRIES = {"US", "GB", "DE", "FR", "ES", "IT", "NL", "CA", "AU", "JP", "BR", "MX",
        "IN", "SE", "CH", "PL", "BE", "AT", "IE", "PT"};
    private static final String[] PAYMENT = {"card", "card", "card", "paypal", "bank_transfer", "cash", "crypto"};
    private static final String[] WORDS = {"order", "refund", "gift", "monthly", "subscription", "express",
        "delivery", "coffee", "groceries", "ticket", "hotel", "repair", "invoice", "bundle", "promo", "loyalty"};
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private TransactionsGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "target/transactions.csv");
        long rows = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        long start = System.nanoTime();
        write(file, rows, seed);
        System.out.printf("Wrote %,d rows (%,d bytes) to %s in %.1f s%n", rows, Files.size(file), file,
                (System.nanoTime() - start) / 1e9);
    }

    /** Writes {@code rows} transactions; returns the file. */
    public static Path write(Path file, long rows, long seed) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        SplittableRandom random = new SplittableRandom(seed);
        // two years of transactions, evenly spread in time (exponential gaps)
        LocalDateTime time = LocalDateTime.of(2023, 1, 1, 0, 0);
        double secondsPerRow = 2.0 * 365 * 86400 / rows;
        StringBuilder line = new StringBuilder(256);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write('\n');
            for (long i = 0; i < rows; i++) {
                time = time.plusSeconds(Math.max(0, Math.round(random.nextExponential() * secondsPerRow)));
                line.setLength(0);
                appendRow(line, i, time, random);
                out.append(line);
            }
        }
        return file;
    }

    private static void appendRow(StringBuilder line, long i, LocalDateTime time, SplittableRandom random) {
        String category = pick(CATEGORIES, CATEGORY_WEIGHTS, random);
        int quantity = 1 + (int) Math.min(9, Math.floor(random.nextExponential() * 1.5));
        // log-normal unit price with a category-dependent level: most small, a few very large
        double level = switch (category) {
            case "electronics", "travel" -> 4.5;
            case "fuel", "utilities" -> 3.6;
            case "grocery", "restaurants" -> 2.8;
            default -> 3.2;
        };
        double unitPrice = Math.round(Math.exp(level + random.nextGaussian() * 0.9) * 100) / 100.0;
        boolean refund = random.nextDouble() < 0.02;
        double amount = Math.round(quantity * unitPrice * 100) / 100.0 * (refund ? -1 : 1);
        int hour = time.getHour();
        double fraudOdds = 0.003 + (Math.abs(amount) > 500 ? 0.02 : 0) + (hour < 5 ? 0.01 : 0);
        boolean fraud = random.nextDouble() < fraudOdds;
        line.append('T').append(String.format(Locale.ROOT, "%010d", 1_000_000_000L + i)).append(',')
                .append(TIMESTAMP.format(time)).append(',')
                .append('C').append(String.format(Locale.ROOT, "%06d", zipf(random, 50_000))).append(',')
                .append('M').append(String.format(Locale.ROOT, "%04d", random.nextInt(2000))).append(',')
                .append(category).append(',')
                .append(pick(CHANNELS, CHANNEL_WEIGHTS, random)).append(',')
                .append(COUNTRIES[(int) Math.min(COUNTRIES.length - 1, Math.floor(random.nextExponential() * 4))])
                .append(',')
                .append(random.nextDouble() < 0.7 ? "USD" : random.nextDouble() < 0.6 ? "EUR" : "GBP").append(',')
                .append(quantity).append(',')
                .append(String.format(Locale.ROOT, "%.2f", unitPrice)).append(',')
                .append(String.format(Locale.ROOT, "%.2f", amount)).append(',')
                .append(random.nextDouble() < 0.8 ? 0 : 5 * (1 + random.nextInt(3))).append(',')
                .append(PAYMENT[random.nextInt(PAYMENT.length)]).append(',')
                .append(fraud ? 1 : 0).append(',');
        appendDescription(line, refund, random);
        line.append('\n');
    }

    private static void appendDescription(StringBuilder line, boolean refund, SplittableRandom random) {
        double kind = random.nextDouble();
        if (kind < 0.1) {
            return; // empty
        }
        line.append('"');
        if (refund) {
            line.append("refund, ");
        }
        int words = 1 + random.nextInt(6);
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                line.append(random.nextDouble() < 0.2 ? ", " : " ");
            }
            line.append(WORDS[random.nextInt(WORDS.length)]);
        }
        if (kind > 0.97) {
            line.append(" \"\"priority\"\"");
        }
        line.append('"');
    }

    private static String pick(String[] values, double[] weights, SplittableRandom random) {
        double total = 0;
        for (double weight : weights) {
            total += weight;
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < values.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    /** A customer number, with a few customers buying far more often than most (about Zipf-distributed). */
    private static int zipf(SplittableRandom random, int customers) {
        double u = random.nextDouble();
        return (int) Math.min(customers - 1, Math.floor(Math.pow(customers, u) - 1));
    }
}
