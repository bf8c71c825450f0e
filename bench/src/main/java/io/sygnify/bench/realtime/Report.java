package io.sygnify.bench.realtime;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import io.sygnify.bench.ReportTable;
import org.HdrHistogram.Histogram;

/** The printed table of one run, and the few figures kept in a file so a later scenario can compare with them. */
final class Report {

    private final ReportTable table;
    private final Properties figures = new Properties();

    Report(String title) {
        this.table = new ReportTable(title);
    }

    void section(String name) {
        table.section(name);
    }

    void row(String label, String value) {
        table.row(label, value);
    }

    /** A figure saved with {@link #save} under {@code key}. */
    void figure(String key, Object value) {
        figures.setProperty(key, String.valueOf(value));
    }

    void print(PrintStream out) {
        table.print(out);
    }

    void save(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        try (Writer writer = Files.newBufferedWriter(file)) {
            figures.store(writer, table.title());
        }
    }

    static Optional<Properties> load(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (Reader reader = Files.newBufferedReader(file)) {
            Properties properties = new Properties();
            properties.load(reader);
            return Optional.of(properties);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** "p50 1.2 ms  p95 …  p99 …  max …  (n 12,345)" of a histogram in microseconds. */
    static String percentiles(Histogram micros, double... percentiles) {
        if (micros.getTotalCount() == 0) {
            return "no samples";
        }
        StringBuilder text = new StringBuilder();
        for (double p : percentiles) {
            text.append("p").append(p == (long) p ? Long.toString((long) p) : Double.toString(p)).append(' ')
                    .append(millis(micros.getValueAtPercentile(p))).append("   ");
        }
        return text.append("max ").append(millis(micros.getMaxValue())).append("   (n ")
                .append(count(micros.getTotalCount())).append(')').toString();
    }

    static String millis(long micros) {
        return micros < 10_000 ? String.format(Locale.ROOT, "%.2f ms", micros / 1000.0)
                : String.format(Locale.ROOT, "%,.0f ms", micros / 1000.0);
    }

    static String mib(long bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%,.0f MiB", bytes / 1048576.0);
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    static String seconds(double value) {
        return String.format(Locale.ROOT, "%.2f s", value);
    }

    /** The first {@code limit} entries of CPU seconds by thread family: "reactor-http-epoll 5.5 s, …". */
    static String top(Map<String, Double> secondsByFamily, int limit) {
        StringBuilder text = new StringBuilder();
        secondsByFamily.entrySet().stream().limit(limit).forEach(e -> text.append(e.getKey()).append(' ')
                .append(String.format(Locale.ROOT, "%.1f", e.getValue())).append(" s, "));
        return text.length() == 0 ? "n/a" : text.substring(0, text.length() - 2);
    }

    static String counts(Map<String, Long> counts) {
        return counts.isEmpty() ? "none" : counts.toString();
    }
}
