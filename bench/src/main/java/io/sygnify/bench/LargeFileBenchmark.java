package io.sygnify.bench;

import io.sygnify.analysis.AnalysisReport;
import io.sygnify.analysis.AnalysisStage;
import io.sygnify.analysis.CancellationToken;
import io.sygnify.analysis.CsvAnalyzer;
import io.sygnify.analysis.EngineSettings;
import io.sygnify.analysis.ProgressListener;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Analyses a large generated transactions CSV (about 2 GB by default) with a given DuckDB memory limit, and prints
 * the elapsed time, the JVM's peak heap use (polled every 100 ms through {@link MemoryMXBean}) and the most DuckDB
 * spilled to its temp directory. Run it with the JVM heap the server would have, e.g.
 * {@code MAVEN_OPTS=-Xmx512m ../mvnw -q exec:java -Dexec.mainClass=io.sygnify.bench.LargeFileBenchmark}.
 *
 * <p>Usage: {@code LargeFileBenchmark [sizeBytes] [memoryLimit] [threads]} (defaults 2000000000, 1GB, 2).
 */
public final class LargeFileBenchmark {

    // the generator writes about 122 bytes a row
    private static final double BYTES_PER_ROW = 122;

    private LargeFileBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long size = args.length > 0 ? Long.parseLong(args[0]) : 2_000_000_000L;
        String memoryLimit = args.length > 1 ? args[1] : "1GB";
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        Path work = Path.of("target", "bench").toAbsolutePath();
        long rows = Math.round(size / BYTES_PER_ROW);
        Path file = work.resolve("transactions-" + rows + ".csv");
        if (!Files.exists(file)) {
            System.out.printf("Generating %,d rows (about %,d bytes)...%n", rows, size);
            long start = System.nanoTime();
            TransactionsGenerator.write(file, rows, 42);
            System.out.printf(Locale.ROOT, "Generated in %.0f s%n", (System.nanoTime() - start) / 1e9);
        }
        Path spill = work.resolve("spill-large");
        deleteContents(spill);
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.out.printf(Locale.ROOT, "File %s: %,d bytes; memory_limit %s, %d threads, max heap %,d MB%n", file,
                Files.size(file), memoryLimit, threads, memory.getHeapMemoryUsage().getMax() / 1_000_000);

        AtomicLong peakHeap = new AtomicLong();
        AtomicLong peakSpill = new AtomicLong();
        ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "bench-poller");
            thread.setDaemon(true);
            return thread;
        });
        poller.scheduleAtFixedRate(() -> {
            peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            peakSpill.accumulateAndGet(directorySize(spill), Math::max);
        }, 0, 100, TimeUnit.MILLISECONDS);

        long start = System.nanoTime();
        ProgressListener progress = new ProgressListener() {
            private AnalysisStage stage;

            @Override
            public void onProgress(AnalysisStage current, double fraction, String message) {
                if (current != stage) {
                    stage = current;
                    System.out.printf(Locale.ROOT, "%6.1f s  %s%n", (System.nanoTime() - start) / 1e9, current);
                }
            }
        };
        AnalysisReport report = new CsvAnalyzer(new EngineSettings(threads, memoryLimit, spill))
                .analyze(file, progress, new CancellationToken(), work.resolve("out-large"));
        double elapsed = (System.nanoTime() - start) / 1e9;
        poller.shutdownNow();
        byte[] json = ReportJson.bytes(report);
        System.out.printf(Locale.ROOT, "Analysed %,d rows (%,d rejected) in %.1f s%n", report.dataset().rows(),
                report.rejects().rowsRejected(), elapsed);
        System.out.printf(Locale.ROOT, "Peak JVM heap used: %,d MB (max %,d MB)%n", peakHeap.get() / 1_000_000,
                memory.getHeapMemoryUsage().getMax() / 1_000_000);
        System.out.printf(Locale.ROOT, "DuckDB temp files: %s (peak %,d MB in %s)%n",
                peakSpill.get() > 0 ? "used" : "not used", peakSpill.get() / 1_000_000, spill);
        System.out.printf(Locale.ROOT, "Engine table size reported: %,d MB; report JSON %,d bytes%n",
                report.dataset().memoryBytes() / 1_000_000, json.length);
    }

    private static long directorySize(Path directory) {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(path -> {
                try {
                    return Files.size(path);
                } catch (IOException e) {
                    return 0; // deleted between listing and sizing
                }
            }).sum();
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }

    private static void deleteContents(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                if (!path.equals(directory)) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }
}
