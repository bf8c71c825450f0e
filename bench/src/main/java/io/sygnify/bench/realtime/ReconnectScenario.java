package io.sygnify.bench.realtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/**
 * Scenario {@code reconnect}: N clients watch running jobs; the server is stopped with SIGTERM and started again
 * on the same port and data directory; every client reconnects with backoff and resumes with {@code last_seq}.
 * Measures how long until all are back and caught up, and checks that no event was lost.
 */
final class ReconnectScenario {

    private static final Duration CATCH_UP_LIMIT = Duration.ofSeconds(90);

    private final BenchOptions options;
    private final Deadline deadline;
    private final ServerUnderTest sut;
    private final ServerApi api;
    private final Path csv;

    ReconnectScenario(BenchOptions options, Deadline deadline, ServerUnderTest sut, Path csv) {
        this.options = options;
        this.deadline = deadline;
        this.sut = sut;
        this.api = sut.api();
        this.csv = csv;
    }

    void run(Report report) throws Exception {
        Warmup.run(options, api, deadline);
        try (WatcherFleet fleet = new WatcherFleet(options.port(), options.watchers(), deadline)) {
            Duration ramp = fleet.connectAll(options.connectConcurrency(), deadline);
            List<String> jobIds = new ArrayList<>();
            for (int i = 0; i < options.jobs(); i++) {
                jobIds.add(api.upload(csv));
            }
            fleet.subscribe(jobIds);
            int progressAtStop = awaitProgress(jobIds.get(0), 20);
            List<Watcher> watching = fleet.watchers().stream().filter(w -> !w.isDone()).toList();
            long deliveredBefore = fleet.stats().delivered.sum();
            RealtimeBenchmark.log(watching.size() + " watchers on running jobs (first job at " + progressAtStop
                    + " %); stopping the server with SIGTERM");

            long stopNanos = System.nanoTime();
            Duration stopTook = sut.current().stop(ServerUnderTest.STOP_GRACE);
            long downNanos = System.nanoTime();
            ServerProcess second = sut.start(deadline);
            long readyNanos = System.nanoTime();
            Map<String, Long> target = new TreeMap<>();
            for (String id : jobIds) {
                target.put(id, api.job(id).lastSeq());
            }
            Deadline catchUp = deadline.within(CATCH_UP_LIMIT);
            boolean allCaughtUp = WatcherFleet.awaitAll(watching,
                    w -> backAt(w, second) != 0 && w.lastSeq() >= target.get(w.jobId()), catchUp);
            RealtimeBenchmark.log((allCaughtUp ? "all watchers back and caught up" : "NOT all caught up")
                    + "; waiting for the jobs to finish");

            Histogram back = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
            Histogram caughtUp = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
            for (Watcher w : watching) {
                long backAt = backAt(w, second);
                if (backAt == 0 || w.lastSeq() < target.get(w.jobId())) {
                    continue;
                }
                long reached = Math.max(backAt, w.receivedAtNanos(target.get(w.jobId())));
                back.recordValue((backAt - stopNanos) / 1_000);
                caughtUp.recordValue((reached - stopNanos) / 1_000);
            }
            boolean allDone = fleet.awaitAll(Watcher::isDone, deadline);
            Map<String, Long> finalSeq = new TreeMap<>();
            for (String id : jobIds) {
                finalSeq.put(id, api.job(id).lastSeq());
            }
            DeliveryStats stats = fleet.stats();
            long incomplete = fleet.count(w -> w.lastSeq() != finalSeq.get(w.jobId()));
            Map<String, Double> ws = api.prometheus("sygnify_ws_");
            long coalesced = Math.round(ws.getOrDefault("sygnify_ws_messages_coalesced_total", 0.0));
            long lost = Math.max(0, stats.missingSeqs.sum() - coalesced) + incomplete;

            report.section("before the restart");
            report.row("watchers / jobs", Report.count(options.watchers()) + " / " + jobIds.size()
                    + " (" + watching.size() + " on jobs not yet finished at SIGTERM)");
            report.row("connect time", Report.percentiles(stats.connectMicros, 50, 99) + ", ramp "
                    + Report.millis(ramp.toNanos() / 1_000));
            report.row("events delivered before SIGTERM", Report.count(deliveredBefore) + " (first job at "
                    + progressAtStop + " %)");

            report.section("restart");
            report.row("SIGTERM → old process exited", Report.millis(stopTook.toNanos() / 1_000));
            report.row("new process start → ready", Report.millis((readyNanos - downNanos) / 1_000));
            report.row("SIGTERM → first client back", back.getTotalCount() == 0 ? "n/a"
                    : Report.millis(back.getMinValue()) + " (the new server accepts and answers)");
            report.row("SIGTERM → client back (subscribed)", Report.percentiles(back, 50, 99));
            report.row("SIGTERM → client caught up", Report.percentiles(caughtUp, 50, 99));
            long all = caughtUp.getTotalCount() == 0 ? -1 : caughtUp.getMaxValue();
            report.row("ALL back and caught up after SIGTERM", allCaughtUp
                    ? Report.millis(all) + (all <= 30_000_000 ? " (target ≤ 30 s met)" : " (ABOVE the 30 s target)")
                    : "NOT within " + CATCH_UP_LIMIT.toSeconds() + " s: " + caughtUp.getTotalCount() + " of "
                    + watching.size());
            report.row("  of which after the server was ready", allCaughtUp
                    ? Report.millis(all - (readyNanos - stopNanos) / 1_000) : "n/a");
            report.row("disconnects seen by clients", Report.counts(DeliveryStats.counts(stats.disconnects)));
            report.row("failed connect attempts", Report.count(stats.failedAttempts.sum()) + " "
                    + Report.counts(DeliveryStats.counts(stats.failures)) + ", most by one client "
                    + fleet.watchers().stream().mapToInt(Watcher::failedAttempts).max().orElse(0) + ", gave up "
                    + stats.gaveUp.sum());
            report.row("reconnect handshake time", Report.percentiles(stats.reconnectMicros, 50, 99));
            report.row("backoff", "full jitter, base " + Watcher.BACKOFF_BASE_MILLIS + " ms, cap "
                    + Watcher.BACKOFF_CAP_MILLIS + " ms");

            report.section("delivery over the whole run");
            report.row("jobs finished for every watcher", allDone ? "yes" : "NO (deadline)");
            report.row("events delivered", Report.count(stats.delivered.sum()) + " (live "
                    + Report.count(stats.live.sum()) + ", history replayed " + Report.count(stats.replayed.sum())
                    + "); events per job " + finalSeq.values());
            report.row("seq gaps / coalesced (server)", Report.count(stats.missingSeqs.sum()) + " / "
                    + Report.count(coalesced));
            report.row("LOST events", Report.count(lost) + " (" + Report.count(incomplete)
                    + " watchers short of their job's last seq)");
            report.row("duplicates", Report.count(stats.duplicates.sum()));
            report.row("errors", Report.counts(DeliveryStats.counts(stats.errors)));
            report.row("delivery latency (live events)", Report.percentiles(stats.latencyMicros, 50, 95, 99));
            report.row("  of job_complete/job_error", Report.percentiles(stats.terminalLatencyMicros, 50, 99));
            Histogram[] spread = stats.firstAndLastRecipient();
            report.row("  per event, to its first watcher", Report.percentiles(spread[0], 50, 99));
            report.row("  per event, to its last watcher", Report.percentiles(spread[1], 50, 99));
            report.figure("all_caught_up_micros", all);
            report.figure("lost", lost);
        }
    }

    /** When the watcher's subscription on the new server was answered, or 0. */
    private static long backAt(Watcher watcher, ServerProcess second) {
        return watcher.subscribedAtOrAfter(second.startedNanos());
    }

    private int awaitProgress(String jobId, int progress) throws Exception {
        Deadline wait = deadline.within(Duration.ofSeconds(90));
        ServerApi.JobState state = api.job(jobId);
        while (!wait.passed() && state.progress() < progress && !isFinished(state)) {
            Thread.sleep(100);
            state = api.job(jobId);
        }
        if (isFinished(state)) {
            throw new IllegalStateException("job " + jobId + " ended (" + state.status() + ") before the restart;"
                    + " use more --rows so it runs longer");
        }
        return state.progress();
    }

    private static boolean isFinished(ServerApi.JobState state) {
        return List.of("insights_ready", "error", "cancelled").contains(state.status());
    }
}
