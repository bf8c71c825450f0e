package io.sygnify.bench.realtime;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs a small job with a few hundred watchers before measuring, so the server's JIT has compiled the handshake,
 * subscribe and fan-out paths and the first measured seconds are not its warm-up.
 */
final class Warmup {

    static final int WATCHERS = 300;
    static final int ROWS = 10_000;

    private Warmup() {
    }

    static void run(BenchOptions options, ServerApi api, Deadline deadline) throws IOException, InterruptedException {
        Deadline bound = deadline.within(Duration.ofSeconds(40));
        Path csv = CsvFixture.sales(options.workDir().resolve("csv"), ROWS);
        long start = System.nanoTime();
        try (WatcherFleet fleet = new WatcherFleet(options.port(), Math.min(WATCHERS, options.watchers()), bound)) {
            fleet.connectAll(options.connectConcurrency(), bound);
            fleet.subscribe(List.of(api.upload(csv)));
            fleet.awaitAll(Watcher::isDone, bound);
        }
        while (!bound.passed() && api.connections() > 0) {
            Thread.sleep(200);
        }
        RealtimeBenchmark.log("warm-up done in " + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms");
    }
}
