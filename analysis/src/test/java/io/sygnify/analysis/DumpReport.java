package io.sygnify.analysis;

import java.nio.file.Path;

/**
 * Prints the report of a file, for looking at it by hand: {@code java ... DumpReport file.csv [compact]}, progress on
 * stderr. {@code -Dthreads=N}, {@code -Dout=dir} (write the Parquet files) and {@code -Dsygnify.traceSql=true}
 * (time every query) help when tuning.
 */
final class DumpReport {

    public static void main(String[] args) throws Exception {
        EngineSettings settings = new EngineSettings(Integer.getInteger("threads", 2), "1GB", Path.of("target/spill"));
        long start = System.nanoTime();
        ProgressListener listener = (stage, fraction, message) -> System.err.printf("%6d ms %s %.2f %s%n",
                (System.nanoTime() - start) / 1_000_000, stage, fraction, message);
        Path out = System.getProperty("out") == null ? null : Path.of(System.getProperty("out"));
        AnalysisReport report = new CsvAnalyzer(settings).analyze(Path.of(args[0]), listener, new CancellationToken(),
                out);
        long millis = (System.nanoTime() - start) / 1_000_000;
        String json = args.length > 1 ? ReportJson.write(report) : ReportJson.pretty(report);
        System.out.println(json);
        System.err.println("took " + millis + " ms, " + json.length() + " chars");
    }
}
