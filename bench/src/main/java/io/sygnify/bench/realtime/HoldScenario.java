package io.sygnify.bench.realtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.HdrHistogram.Histogram;

/**
 * Scenarios {@code hold} and {@code stalled}: N clients connect, M jobs are uploaded, every client watches one job
 * from its first event to its last. In {@code stalled}, a share of the clients are raw sockets that never read.
 */
final class HoldScenario {

    private final BenchOptions options;
    private final Deadline deadline;
    private final ServerProcess server;
    private final ServerApi api;
    private final Path csv;

    HoldScenario(BenchOptions options, Deadline deadline, ServerUnderTest sut, Path csv) {
        this.options = options;
        this.deadline = deadline;
        this.server = sut.current();
        this.api = sut.api();
        this.csv = csv;
    }

    void run(Report report) throws Exception {
        Warmup.run(options, api, deadline);
        int stalledCount = options.stalledWatchers();
        int healthyCount = options.watchers() - stalledCount;
        ServerProcess.Memory idleMemory = server.memory();
        long idleHeap = api.systemMetrics().path("heap_used_bytes").asLong(-1);
        List<StalledClient> stalled = new ArrayList<>();
        try (WatcherFleet fleet = new WatcherFleet(options.port(), healthyCount, deadline);
             ServerSampler sampler = new ServerSampler(server, api, options.port(), deadline)) {
            RealtimeBenchmark.log("opening " + healthyCount + " watching connections");
            CpuTimes beforeConnect = server.cpu();
            double benchCpuBeforeConnect = CpuTimes.ownSeconds();
            Duration ramp = fleet.connectAll(options.connectConcurrency(), deadline);
            long connected = fleet.count(Watcher::isConnected);
            long serverSees = awaitServerConnections(connected);
            CpuTimes afterConnect = server.cpu();
            double benchCpuAfterConnect = CpuTimes.ownSeconds();
            ServerProcess.Memory connectedMemory = server.memory();
            long connectedHeap = api.systemMetrics().path("heap_used_bytes").asLong(-1);
            RealtimeBenchmark.log(connected + " connected in " + ramp.toMillis() + " ms (server counts " + serverSees
                    + "); uploading " + options.jobs() + " jobs of " + options.rows() + " rows");

            JobGate gate = JobGate.close(api, options.workDir(), deadline);
            long uploadStart = System.nanoTime();
            List<String> jobIds = new ArrayList<>();
            for (int i = 0; i < options.jobs(); i++) {
                jobIds.add(api.upload(csv));
            }
            RealtimeBenchmark.log(jobIds.size() + " jobs uploaded in "
                    + Duration.ofNanos(System.nanoTime() - uploadStart).toMillis() + " ms");
            // Opened only now: a client that sends nothing is closed after two heartbeat intervals (4000), and
            // it should be stalled while events flow, not before.
            for (int i = 0; i < stalledCount; i++) {
                stalled.add(StalledClient.open(options.port()));
            }
            long subscribeStartNanos = System.nanoTime();
            fleet.subscribe(jobIds);
            for (int i = 0; i < stalled.size(); i++) {
                List<String> watched = options.stalledWatchAll() ? jobIds : List.of(jobIds.get(i % jobIds.size()));
                for (String id : watched) {
                    stalled.get(i).subscribe(id);
                }
            }
            // Subscribed, and the job's history (its "queued" event) received.
            boolean allSubscribed = fleet.awaitAll(w -> w.lastSeq() >= 1, deadline);
            double subscribeSeconds = (System.nanoTime() - subscribeStartNanos) / 1e9;
            RealtimeBenchmark.log((allSubscribed ? "all" : "NOT all") + " subscribed in "
                    + Report.seconds(subscribeSeconds) + "; opening the job gate");
            CpuTimes runStart = server.cpu();
            double benchCpuRunStart = CpuTimes.ownSeconds();
            long runStartNanos = System.nanoTime();
            gate.open();
            boolean allDone = false;
            while (!allDone && !deadline.passed()) {
                allDone = fleet.awaitAll(Watcher::isDone, deadline.within(Duration.ofSeconds(10)));
                RealtimeBenchmark.log(fleet.count(Watcher::isDone) + " watchers done, "
                        + Report.count(fleet.stats().delivered.sum()) + " events delivered");
            }
            double runSeconds = (System.nanoTime() - runStartNanos) / 1e9;
            CpuTimes runEnd = server.cpu();
            double benchCpuRun = CpuTimes.ownSeconds() - benchCpuRunStart;
            RealtimeBenchmark.log((allDone ? "every watcher saw its job end" : "deadline reached") + " after "
                    + Report.seconds(runSeconds));

            Map<String, Long> finalSeq = new TreeMap<>();
            for (String id : jobIds) {
                finalSeq.put(id, api.job(id).lastSeq());
            }
            Map<String, Double> ws = api.prometheus("sygnify_ws_");
            DeliveryStats stats = fleet.stats();
            long expected = fleet.watchers().stream().mapToLong(w -> finalSeq.get(w.jobId())).sum();
            long incomplete = fleet.count(w -> w.lastSeq() != finalSeq.get(w.jobId()));
            long[] kernelQueues = KernelSocketQueues.measure(options.port(),
                    stalled.stream().map(StalledClient::localPort).collect(Collectors.toSet()));
            StalledClient.Summary stalledSummary = StalledClient.drainAll(stalled);

            report.section("connections");
            report.row("watching clients / stalled", Report.count(healthyCount) + " / " + Report.count(stalledCount)
                    + (stalledCount > 0 && options.stalledWatchAll() ? " (each stalled one watching all jobs)" : ""));
            report.row("watchers connected (server's count)", Report.count(connected) + " (" + Report.count(serverSees)
                    + "), peak sampled " + Report.count(sampler.peakConnections()));
            report.row("ramp (" + options.connectConcurrency() + " handshakes in flight)",
                    Report.millis(ramp.toNanos() / 1_000) + ", failed attempts "
                            + Report.count(stats.failedAttempts.sum()));
            report.row("connect time", Report.percentiles(stats.connectMicros, 50, 99));
            report.row("server CPU for the handshakes", Report.seconds(afterConnect.secondsSince(beforeConnect))
                    + " (" + Report.top(afterConnect.secondsByFamilySince(beforeConnect), 3) + "), bench CPU "
                    + Report.seconds(benchCpuAfterConnect - benchCpuBeforeConnect));

            report.row("subscribe (all " + Report.count(options.watchers()) + ")", Report.seconds(subscribeSeconds)
                    + (allSubscribed ? "" : " (DEADLINE)") + "; per client, until `subscribed`: "
                    + Report.percentiles(stats.subscribeMicros, 50, 99));

            report.section("delivery");
            report.row("jobs / events per job", jobIds.size() + " / " + finalSeq.values());
            report.row("run (jobs start → last job end)", Report.seconds(runSeconds) + (allDone ? "" : " (DEADLINE)"));
            report.row("events delivered / expected", Report.count(stats.delivered.sum()) + " / "
                    + Report.count(expected) + " (live " + Report.count(stats.live.sum()) + ", history replayed "
                    + Report.count(stats.replayed.sum()) + ")");
            long coalesced = Math.round(ws.getOrDefault("sygnify_ws_messages_coalesced_total", 0.0));
            long lost = Math.max(0, stats.missingSeqs.sum() - coalesced) + incomplete;
            report.row("seq gaps / coalesced (server)", Report.count(stats.missingSeqs.sum()) + " / "
                    + Report.count(coalesced));
            report.row("LOST events", Report.count(lost) + " (gaps not explained by coalescing, plus "
                    + Report.count(incomplete) + " watchers short of their job's last seq)");
            report.row("duplicates", Report.count(stats.duplicates.sum()));
            report.row("disconnects / errors", Report.counts(DeliveryStats.counts(stats.disconnects)) + " / "
                    + Report.counts(DeliveryStats.counts(stats.errors)));
            report.row("delivery latency (live events)", Report.percentiles(stats.latencyMicros, 50, 95, 99));
            report.row("  of job_complete/job_error", Report.percentiles(stats.terminalLatencyMicros, 50, 99));
            Histogram[] spread = stats.firstAndLastRecipient();
            report.row("  per event, to its first watcher", Report.percentiles(spread[0], 50, 99));
            report.row("  per event, to its last watcher", Report.percentiles(spread[1], 50, 99));
            report.row("server frames sent / dropped" + (options.attachPids().size() > 1
                    ? " (whichever instance answered)" : ""), Report.count(Math.round(
                    ws.getOrDefault("sygnify_ws_messages_sent_total", 0.0))) + " / " + Report.count(Math.round(
                    ws.getOrDefault("sygnify_ws_messages_dropped_total", 0.0))));

            report.section("server resources");
            report.row("RSS idle → N connected → peak", Report.mib(idleMemory.rssBytes()) + " → "
                    + Report.mib(connectedMemory.rssBytes()) + " → " + Report.mib(Math.max(sampler.peakRssBytes(),
                    server.memory().peakRssBytes())));
            report.row("heap used idle → N connected → peak" + (options.attachPids().size() > 1
                    ? " (whichever instance answered)" : ""), Report.mib(idleHeap) + " → "
                    + Report.mib(connectedHeap) + " → " + Report.mib(sampler.peakHeapBytes()) + " (max "
                    + Report.mib(sampler.heapMaxBytes()) + ")");
            long perConnection = (connectedMemory.rssBytes() - idleMemory.rssBytes()) / Math.max(1, serverSees);
            report.row("RSS growth per connection", Report.count(perConnection) + " B");
            report.row("kernel socket queues, peak", Report.mib(sampler.peakServerSendQueue()) + " in the server's send "
                    + "queues, " + Report.mib(sampler.peakClientReceiveQueue()) + " unread by the clients");
            double cpu = runEnd.secondsSince(runStart);
            Map<String, Double> families = runEnd.secondsByFamilySince(runStart);
            double io = families.entrySet().stream().filter(e -> e.getKey().startsWith("reactor-http"))
                    .mapToDouble(Map.Entry::getValue).sum();
            long delivered = Math.max(1, stats.delivered.sum());
            int cores = Runtime.getRuntime().availableProcessors();
            report.row("server CPU during the run", Report.seconds(cpu) + " of " + Report.seconds(runSeconds * cores)
                    + " available on " + cores + " cores (analysis included)");
            report.row("  by thread family", Report.top(families, 6));
            report.row("bench (client) CPU during the run", Report.seconds(benchCpuRun) + ", its event loops late by "
                    + Report.percentiles(fleet.loopLagMicros(), 50, 99) + " (latency above includes this)");
            report.row("bytes delivered", Report.mib(stats.bytes.sum()) + ", "
                    + Report.count(stats.bytes.sum() / Math.max(1, stats.delivered.sum())) + " B per event on average");
            report.row("CPU per delivered message", String.format(Locale.ROOT,
                    "%.1f µs all threads, %.1f µs reactor-http I/O threads", cpu * 1e6 / delivered,
                    io * 1e6 / delivered));
            if (stalledCount > 0) {
                report.section("stalled clients");
                report.row("how they ended", Report.counts(stalledSummary.endings()));
                report.row("backlog read when drained at the end", Report.count(stalledSummary.textFrames())
                        + " text frames, " + Report.count(stalledSummary.bytes()) + " bytes (all stalled clients)");
                long inKernel = kernelQueues[0] + kernelQueues[1];
                report.row("  of which in kernel socket buffers", Report.count(inKernel) + " bytes (server send "
                        + Report.count(kernelQueues[0]) + ", client receive " + Report.count(kernelQueues[1])
                        + "); the rest, " + Report.count(Math.max(0, stalledSummary.bytes() - inKernel))
                        + " bytes, waited in the server's JVM");
                compareWithHold(report, stats.latencyMicros);
            }
            report.figure("latency_p99_micros", stats.latencyMicros.getValueAtPercentile(99));
            report.figure("lost", lost);
        } finally {
            stalled.forEach(StalledClient::close);
        }
    }

    private long awaitServerConnections(long expected) throws Exception {
        Deadline wait = deadline.within(Duration.ofSeconds(15));
        long seen = -1;
        while (!wait.passed()) {
            seen = api.connections();
            if (seen >= expected) {
                return seen;
            }
            Thread.sleep(500);
        }
        return seen;
    }

    private void compareWithHold(Report report, Histogram latency) {
        Path holdFigures = options.workDir().resolve("results-hold.properties");
        Properties hold = Report.load(holdFigures).orElse(null);
        if (hold == null || latency.getTotalCount() == 0) {
            report.row("healthy p99 vs hold", "no hold result in " + holdFigures + " to compare with");
            return;
        }
        long holdP99 = Long.parseLong(hold.getProperty("latency_p99_micros"));
        long p99 = latency.getValueAtPercentile(99);
        double ratio = p99 / (double) Math.max(1, holdP99);
        report.row("healthy p99 vs hold", Report.millis(p99) + " vs " + Report.millis(holdP99) + " = "
                + String.format("%.2f×", ratio) + (ratio <= 1.2 ? " (within 1.2×)" : " (ABOVE 1.2×)"));
    }
}
