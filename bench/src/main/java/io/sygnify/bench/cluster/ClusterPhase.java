package io.sygnify.bench.cluster;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;

/**
 * One phase: N fresh instances (own PostgreSQL schema, Redis prefix and shared data directory) behind nginx,
 * K uploads through nginx, timed from the first upload to the last insights_ready. Everything it started is
 * stopped and its schema and keys are deleted however it ends.
 */
final class ClusterPhase {

    private static final Duration POLL = Duration.ofMillis(200);

    private final ClusterOptions options;
    private final int instanceCount;
    private final Path dir;
    private final Instant deadline;
    private final Instance.Shared shared;
    private final List<Instance> instances = new ArrayList<>();
    private NginxBalancer nginx;

    ClusterPhase(ClusterOptions options, int instanceCount, Path runDir, String runId, String token) {
        this.options = options;
        this.instanceCount = instanceCount;
        this.dir = runDir.resolve(instanceCount + (instanceCount == 1 ? "-instance" : "-instances"));
        this.deadline = Instant.now().plus(options.phaseTimeLimit());
        String suffix = runId.replace('-', '_') + "_" + instanceCount + "i";
        this.shared = new Instance.Shared(new PostgresSchema(options.pgUrl(), options.pgUser(), "bench_cluster_" + suffix),
                options.redisUrl().toString(), "bench-cluster-" + runId + "-" + instanceCount + "i",
                dir.resolve("shared-data"), token);
    }

    /** A finished job of the timed batch. */
    record Finished(ClusterApi.Job job, long observedNanos) {
    }

    record Result(int instances, List<Duration> startups, Duration uploads, Map<String, Integer> uploadsByInstance,
                  Duration wall, List<Finished> jobs,
                  Map<Integer, MetricSample> metricsByPort, Optional<JsonNode> instancesView, Path dir) {

        double jobsPerMinute() {
            return jobs.size() * 60.0 / (wall.toNanos() / 1e9);
        }

        /** From the first job's created_at to the last one's finished_at, by the server's clock; null if unknown. */
        Duration serverSpan() {
            Instant first = null;
            Instant last = null;
            for (Finished finished : jobs) {
                ClusterApi.Job job = finished.job();
                if (job.createdAt() == null || job.finishedAt() == null) {
                    return null;
                }
                first = first == null || job.createdAt().isBefore(first) ? job.createdAt() : first;
                last = last == null || job.finishedAt().isAfter(last) ? job.finishedAt() : last;
            }
            return first == null ? null : Duration.between(first, last);
        }

        MetricSample metricsTotal() {
            return metricsByPort.values().stream().reduce(MetricSample.empty(), MetricSample::plus);
        }
    }

    Result run(List<Path> csvs, int files) throws Exception {
        try {
            return measure(csvs, files);
        } finally {
            tearDown();
        }
    }

    private Result measure(List<Path> csvs, int files) throws Exception {
        ClusterBenchmark.log(instanceCount + " instance(s): schema " + shared.schema().name() + ", Redis prefix "
                + shared.keyPrefix() + ", logs in " + dir);
        List<Duration> startups = new ArrayList<>();
        // One after the other: the first creates the schema and the admin token, the next ones find them.
        for (int i = 1; i <= instanceCount; i++) {
            int port = freePort();
            Instance instance = Instance.start(options, shared, port, dir.resolve("instance-" + i + ".log"));
            instances.add(instance);
            Duration startup = instance.awaitReady(deadline);
            startups.add(startup);
            ClusterBenchmark.log("instance " + i + " ready on port " + port + " after " + startup.toMillis() + " ms");
        }
        nginx = NginxBalancer.start(options, dir, freePort(), instances.stream().map(Instance::port).toList(),
                deadline);
        ClusterApi balancer = new ClusterApi(nginx.port(), shared.token());
        while (!balancer.ready()) {
            failIfPast("readiness through nginx on port " + nginx.port());
            Thread.sleep(100);
        }
        ClusterBenchmark.log("nginx on port " + nginx.port());

        int warmup = options.warmupPerInstance() * instanceCount;
        if (warmup > 0) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < warmup; i++) {
                ids.add(balancer.upload(csvs.get(i % csvs.size())).jobId());
            }
            awaitAll(balancer, ids);
            ClusterBenchmark.log("warm-up: " + warmup + " job(s) done");
        }

        Map<Integer, MetricSample> before = metrics();
        long start = System.nanoTime();
        List<String> ids = new ArrayList<>();
        Map<String, Integer> uploadsByInstance = new TreeMap<>();
        for (int i = 0; i < files; i++) {
            ClusterApi.Upload upload = balancer.upload(csvs.get(i % csvs.size()));
            ids.add(upload.jobId());
            uploadsByInstance.merge(upload.instance(), 1, Integer::sum);
        }
        Duration uploads = Duration.ofNanos(System.nanoTime() - start);
        ClusterBenchmark.log(files + " uploads through nginx in " + uploads.toMillis() + " ms; waiting for insights");
        List<Finished> finished = awaitAll(balancer, ids);
        long end = finished.stream().mapToLong(Finished::observedNanos).max().orElse(start);
        Map<Integer, MetricSample> after = metrics();

        Map<Integer, MetricSample> delta = new LinkedHashMap<>();
        after.forEach((port, sample) -> delta.put(port, sample.minus(before.getOrDefault(port, MetricSample.empty()))));
        return new Result(instanceCount, startups, uploads, uploadsByInstance, Duration.ofNanos(end - start),
                finished, delta, balancer.instances(), dir);
    }

    /**
     * Polls the jobs in upload order until all are insights_ready; a failed job fails the phase. Only the first
     * unfinished job is asked about: polling every job twice a second cost the instances more CPU than the Redis
     * hops being measured, on the same two cores as the analyses.
     */
    private List<Finished> awaitAll(ClusterApi balancer, List<String> ids) throws IOException, InterruptedException {
        Map<String, Finished> done = new LinkedHashMap<>();
        for (String id : ids) {
            while (true) {
                ClusterApi.Job job = balancer.job(id);
                if (job.succeeded()) {
                    done.put(id, new Finished(job, System.nanoTime()));
                    break;
                }
                if (job.failed()) {
                    throw new IllegalStateException("job " + id + " ended " + job.status() + ": " + job.error()
                            + " (" + done.size() + " of " + ids.size() + " done)");
                }
                failIfPast(done.size() + " of " + ids.size() + " jobs done; waiting for " + id + ", "
                        + job.status());
                Thread.sleep(POLL.toMillis());
            }
        }
        List<Finished> inOrder = new ArrayList<>();
        ids.forEach(id -> inOrder.add(done.get(id)));
        return inOrder;
    }

    /** Each instance's metrics on its own port; an instance whose metrics cannot be read counts as exporting none. */
    private Map<Integer, MetricSample> metrics() throws InterruptedException {
        Map<Integer, MetricSample> samples = new LinkedHashMap<>();
        for (Instance instance : instances) {
            try {
                samples.put(instance.port(), MetricSample.parse(instance.api().prometheus()));
            } catch (IOException e) {
                ClusterBenchmark.log("metrics of port " + instance.port() + " unreadable: " + e.getMessage());
                samples.put(instance.port(), MetricSample.empty());
            }
        }
        return samples;
    }

    private void failIfPast(String state) {
        if (Instant.now().isAfter(deadline)) {
            throw new IllegalStateException("phase with " + instanceCount + " instance(s) passed its time limit of "
                    + options.phaseTimeLimit().toSeconds() + " s: " + state);
        }
    }

    private void tearDown() throws InterruptedException {
        if (nginx != null) {
            nginx.close();
        }
        // In parallel: each instance drains on its own, and with nothing running that is quick.
        List<Thread> stopping = new ArrayList<>();
        for (Instance instance : instances) {
            Thread thread = new Thread(() -> {
                try {
                    instance.stop();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "stop-instance-" + instance.port());
            thread.start();
            stopping.add(thread);
        }
        for (Thread thread : stopping) {
            thread.join();
        }
        try {
            shared.schema().drop();
            ClusterBenchmark.log("dropped schema " + shared.schema().name());
        } catch (Exception e) {
            ClusterBenchmark.log("could not drop schema " + shared.schema().name() + ": " + e.getMessage());
        }
        try (RedisKeys redis = RedisKeys.connect(options.redisUrl())) {
            long deleted = redis.deletePrefix(shared.keyPrefix());
            ClusterBenchmark.log("deleted " + deleted + " Redis key(s) " + shared.keyPrefix() + "*");
        } catch (IOException e) {
            ClusterBenchmark.log("could not delete Redis keys " + shared.keyPrefix() + "*: " + e.getMessage());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
