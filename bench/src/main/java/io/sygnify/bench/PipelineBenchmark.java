package io.sygnify.bench;

import io.sygnify.analysis.AnalysisReport;
import io.sygnify.analysis.CancellationToken;
import io.sygnify.analysis.CsvAnalyzer;
import io.sygnify.analysis.EngineSettings;
import io.sygnify.analysis.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Times the complete analysis of the generated 1,000,000-row transactions file next to a bare DuckDB
 * {@code SUMMARIZE} of the same file, in one JVM with the same threads and memory limit: one warm-up run of
 * each, then {@value #RUNS} timed runs, alternating.
 *
 * <p>Usage: {@code PipelineBenchmark [rows] [threads] [memoryLimit]} (defaults 1000000, 2, 2GB). System property
 * {@code bench.parquet=false} leaves out writing rows.parquet and rejects.parquet.
 */
public final class PipelineBenchmark {

    private static final int RUNS = 3;

    private PipelineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        String memoryLimit = args.length > 2 ? args[2] : "2GB";
        boolean parquet = !"false".equals(System.getProperty("bench.parquet"));
        Path work = Path.of("target", "bench").toAbsolutePath();
        Path file = work.resolve("transactions-" + rows + ".csv");
        if (!Files.exists(file)) {
            System.out.printf("Generating %,d rows...%n", rows);
            TransactionsGenerator.write(file, rows, 42);
        }
        System.out.printf(Locale.ROOT, "File %s: %,d rows, %,d bytes; %d threads, memory_limit %s, cores %d%n", file,
                rows, Files.size(file), threads, memoryLimit, Runtime.getRuntime().availableProcessors());
        EngineSettings settings = new EngineSettings(threads, memoryLimit, work.resolve("spill"));
        CsvAnalyzer analyzer = new CsvAnalyzer(settings);

        summarize(file, threads, memoryLimit);
        AnalysisReport report = analyze(analyzer, file, parquet ? work.resolve("out") : null);
        List<Double> summarize = new ArrayList<>();
        List<Double> pipeline = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            long start = System.nanoTime();
            summarize(file, threads, memoryLimit);
            summarize.add((System.nanoTime() - start) / 1e9);
            start = System.nanoTime();
            PhaseTimer phases = new PhaseTimer();
            report = analyzer.analyze(file, phases, new CancellationToken(), parquet ? work.resolve("out") : null);
            pipeline.add((System.nanoTime() - start) / 1e9);
            System.out.printf(Locale.ROOT, "run %d: SUMMARIZE %.2f s, full report %.2f s%n", run + 1,
                    summarize.get(run), pipeline.get(run));
            System.out.println("  phases: " + phases.summary());
        }
        byte[] json = ReportJson.bytes(report);
        System.out.printf(Locale.ROOT, "bare SUMMARIZE: min %.2f s, median %.2f s%n", min(summarize),
                median(summarize));
        System.out.printf(Locale.ROOT, "full report%s: min %.2f s, median %.2f s%n",
                parquet ? " (with rows.parquet)" : "", min(pipeline), median(pipeline));
        System.out.printf(Locale.ROOT, "ratio (median / median): %.2f (target ≤ 2.0)%n",
                median(pipeline) / median(summarize));
        System.out.printf(Locale.ROOT, "report JSON: %,d bytes; %d key findings; %d columns%n", json.length,
                report.keyFindings().size(), report.columns().size());
    }

    private static AnalysisReport analyze(CsvAnalyzer analyzer, Path file, Path out) throws Exception {
        return analyzer.analyze(file, ProgressListener.NONE, new CancellationToken(), out);
    }

    /** A fresh DuckDB, configured like the engine's, running SUMMARIZE over the file. */
    static void summarize(Path file, int threads, String memoryLimit) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            statement.execute("SET threads = " + threads);
            statement.execute("SET memory_limit = '" + memoryLimit + "'");
            try (ResultSet result = statement.executeQuery("SUMMARIZE SELECT * FROM read_csv('" + file + "')")) {
                while (result.next()) {
                    result.getString(1);
                }
            }
        }
    }

    private static double min(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    static String seconds(double[] values) {
        return Arrays.toString(values);
    }
}
