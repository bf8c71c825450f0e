package io.sygnify.bench.cluster;

import io.sygnify.bench.ReportTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

import tools.jackson.databind.JsonNode;

/**
 * Cluster scaling benchmark: {@code ClusterBenchmark [options]} analyses the same K files (about 10 MB each) on
 * one instance behind nginx, then on two, each instance with one worker and one DuckDB thread, and prints the
 * jobs per minute of each, their ratio (the target is 1.8× or better) and the coordination each job cost
 * (claims in PostgreSQL, Redis publishes) from the instances' own metrics. See {@link ClusterOptions#USAGE}
 * and bench/cluster-bench.sh.
 */
public final class ClusterBenchmark {

    static final double TARGET_RATIO = 1.8;

    private static final String CLAIMS = "sygnify_cluster_claims_total";
    private static final String CLAIM_TIMER = "sygnify_cluster_claim_seconds";
    private static final String PUBLISH_TIMER = "sygnify_cluster_redis_publish_seconds";
    private static final String MESSAGES = "sygnify_cluster_redis_messages_total";

    private final ReportTable table = new ReportTable("Sygnify cluster scaling benchmark");

    private ClusterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ClusterOptions options;
        try {
            options = ClusterOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(new ClusterBenchmark().run(options) ? 0 : 1);
    }

    private boolean run(ClusterOptions options) throws Exception {
        String runId = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path runDir = Files.createDirectories(options.workDir().resolve("run-" + runId));
        String token = "syg_cluster-benchmark-" + Long.toHexString(System.nanoTime());
        log("run directory " + runDir);
        PostgresSchema.check(options.pgUrl(), options.pgUser());
        RedisKeys.connect(options.redisUrl()).close();

        Path csvDir = options.workDir().resolve("csv");
        long rowsPerFile = CsvFiles.rowsFor(csvDir, options.fileMegabytes());
        int maxWarmup = options.warmupPerInstance() * options.phases().stream().mapToInt(Integer::intValue).max()
                .orElse(1);
        List<Path> csvs = CsvFiles.generate(csvDir, Math.max(options.files(), maxWarmup), rowsPerFile);
        long bytes = 0;
        for (Path csv : csvs.subList(0, options.files())) {
            bytes += Files.size(csv);
        }

        section("setup");
        int cores = Runtime.getRuntime().availableProcessors();
        row("machine", cores + " cores, load average before " + loadAverage());
        int mostInstances = options.phases().stream().mapToInt(Integer::intValue).max().orElse(1);
        // Each instance keeps one core busy (one worker, one DuckDB thread); nginx, PostgreSQL and Redis need some too.
        if (cores < mostInstances + 1 || loadOneMinute() > cores / 2.0) {
            row("CAUTION", "fewer than " + (mostInstances + 1) + " idle cores: instances compete for CPU and the"
                    + " ratio measures the machine, not the cluster (compare 'analysis per job' across phases)");
        }
        List<String> flags = new ArrayList<>(Instance.JVM_FLAGS);
        flags.addAll(options.serverJvmArgs());
        flags.addAll(Instance.SIZING);
        flags.addAll(options.serverArgs());
        row("each instance", String.join(" ", flags) + " (cluster mode, behind nginx " + options.nginx() + ")");
        row("files per phase", options.files() + " × " + String.format(Locale.ROOT, "%.1f MB", bytes / 1e6
                / options.files()) + " (card transactions, " + count(rowsPerFile) + " rows, 15 columns), uploaded"
                + " one after the other through nginx");
        row("warm-up", options.warmupPerInstance() + " job(s) per instance before the clock starts");
        row("PostgreSQL / Redis", options.pgUrl() + " (fresh schema per phase) / " + options.redisUrl()
                + " (fresh prefix per phase)");

        List<ClusterPhase.Result> results = new ArrayList<>();
        boolean completed = false;
        try {
            for (int instances : options.phases()) {
                ClusterPhase.Result result = new ClusterPhase(options, instances, runDir, runId, token)
                        .run(csvs, options.files());
                results.add(result);
                report(result);
                log(instances + " instance(s): " + String.format(Locale.ROOT, "%.2f", result.jobsPerMinute())
                        + " jobs/min");
            }
            completed = true;
        } finally {
            summary(results);
            section("end");
            row("outcome", completed ? "completed" : "FAILED (see the exception below)");
            row("load average after", loadAverage());
            row("run directory", runDir + " (instance logs, nginx logs)");
            table.print(System.out);
        }
        return completed;
    }

    private void report(ClusterPhase.Result result) {
        section(result.instances() + (result.instances() == 1 ? " instance" : " instances") + " behind nginx");
        row("start → ready", result.startups().stream().map(d -> d.toMillis() + " ms").toList().toString());
        row("uploads (all, through nginx)", seconds(result.uploads()) + ", taken by " + result.uploadsByInstance()
                + " (X-Sygnify-Instance)");
        row("first upload → last insights_ready", seconds(result.wall()) + "  →  "
                + String.format(Locale.ROOT, "%.2f jobs/min", result.jobsPerMinute()));
        Duration span = result.serverSpan();
        row("same by the server's clock", span == null ? "n/a (jobs lack created_at/finished_at)"
                : seconds(span) + " (first created_at → last finished_at)");
        row("analysis per job (started → finished)", analysisTimes(result.jobs()));
        row("/api/system/instances", result.instancesView().map(ClusterBenchmark::instancesText)
                .orElse("404: endpoint not there yet"));

        MetricSample total = result.metricsTotal();
        int jobs = result.jobs().size();
        StringBuilder claims = new StringBuilder();
        for (Map.Entry<Integer, MetricSample> entry : result.metricsByPort().entrySet()) {
            OptionalDouble value = entry.getValue().get(CLAIMS);
            claims.append("port ").append(entry.getKey()).append(": ")
                    .append(value.isPresent() ? count(Math.round(value.getAsDouble())) : "not exported").append("   ");
        }
        row("claims per instance (" + CLAIMS + ")", claims.toString().trim());
        row("claim time (" + CLAIM_TIMER + ")", timer(total, CLAIM_TIMER, "claims", jobs));
        row("Redis publish time (" + PUBLISH_TIMER + ")", timer(total, PUBLISH_TIMER, "publishes", jobs));
        row("Redis messages (" + MESSAGES + ")", messages(total, jobs));
        OptionalDouble claimSum = total.get(CLAIM_TIMER + "_sum");
        OptionalDouble publishSum = total.get(PUBLISH_TIMER + "_sum");
        if (claimSum.isPresent() || publishSum.isPresent()) {
            double perJob = (claimSum.orElse(0) + publishSum.orElse(0)) / jobs;
            double analysis = result.jobs().stream().filter(f -> f.job().startedAt() != null
                    && f.job().finishedAt() != null).mapToDouble(f -> Duration.between(f.job().startedAt(),
                    f.job().finishedAt()).toNanos() / 1e9).average().orElse(Double.NaN);
            row("coordination per job (claim + publish)", millis(perJob) + (Double.isNaN(analysis) ? ""
                    : String.format(Locale.ROOT, " (%.2f%% of the analysis time)", 100 * perJob / analysis)));
        }
    }

    private void summary(List<ClusterPhase.Result> results) {
        if (results.isEmpty()) {
            return;
        }
        section("scaling");
        ClusterPhase.Result base = results.get(0);
        for (ClusterPhase.Result result : results) {
            String text = String.format(Locale.ROOT, "%.2f jobs/min", result.jobsPerMinute());
            if (result != base) {
                double ratio = result.jobsPerMinute() / base.jobsPerMinute();
                // The target holds for twice the instances; other counts are shown against linear scaling.
                double target = TARGET_RATIO * (result.instances() / (double) base.instances()) / 2;
                text += String.format(Locale.ROOT, "   %.2f× of %d instance(s) (target ≥ %.1f×: %s)", ratio,
                        base.instances(), target, ratio >= target ? "met" : "NOT met");
            }
            row(result.instances() + (result.instances() == 1 ? " instance" : " instances"), text);
        }
    }

    private static String timer(MetricSample total, String name, String what, int jobs) {
        OptionalDouble count = total.get(name + "_count");
        OptionalDouble sum = total.get(name + "_sum");
        if (count.isEmpty() || sum.isEmpty()) {
            return "not exported";
        }
        double n = count.getAsDouble();
        return count(Math.round(n)) + " " + what + String.format(Locale.ROOT, " (%.1f per job)", n / jobs)
                + ", mean " + (n == 0 ? "n/a" : millis(sum.getAsDouble() / n)) + ", " + millis(sum.getAsDouble() / jobs)
                + " per job";
    }

    /** Published (direction out) and received (in) apart when the counter says which; else their sum. */
    private static String messages(MetricSample total, int jobs) {
        OptionalDouble all = total.get(MESSAGES);
        if (all.isEmpty()) {
            return "not exported";
        }
        List<String> parts = new ArrayList<>();
        for (String direction : List.of("out", "in")) {
            OptionalDouble value = total.get(MESSAGES + "|direction=" + direction);
            if (value.isPresent()) {
                parts.add(direction + " " + count(Math.round(value.getAsDouble())) + String.format(Locale.ROOT,
                        " (%.1f per job)", value.getAsDouble() / jobs));
            }
        }
        return parts.isEmpty() ? count(Math.round(all.getAsDouble())) + String.format(Locale.ROOT, " (%.1f per job)",
                all.getAsDouble() / jobs) : String.join(", ", parts);
    }

    private static String analysisTimes(List<ClusterPhase.Finished> jobs) {
        List<Double> seconds = jobs.stream().map(ClusterPhase.Finished::job)
                .filter(job -> job.startedAt() != null && job.finishedAt() != null)
                .map(job -> Duration.between(job.startedAt(), job.finishedAt()).toNanos() / 1e9).toList();
        if (seconds.isEmpty()) {
            return "n/a (jobs lack started_at/finished_at)";
        }
        double mean = seconds.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double max = seconds.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return String.format(Locale.ROOT, "mean %.2f s, max %.2f s", mean, max);
    }

    private static String instancesText(JsonNode view) {
        List<String> ids = new ArrayList<>();
        for (JsonNode instance : view.path("instances")) {
            ids.add(text(instance.path("instance_id")) + " " + text(instance.path("status")));
        }
        JsonNode totals = view.path("totals");
        return ids.size() + " listed " + ids + ", totals: instances " + totals.path("instances") + ", workers "
                + totals.path("workers");
    }

    private static String text(JsonNode node) {
        return node.isString() ? node.asString() : node.toString();
    }

    static void log(String message) {
        System.err.println(LocalTime.now().withNano(0) + " " + message);
    }

    private void section(String name) {
        table.section(name);
    }

    private void row(String label, String value) {
        table.row(label, value);
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.2f s", duration.toNanos() / 1e9);
    }

    private static String millis(double seconds) {
        return String.format(Locale.ROOT, "%.3f ms", seconds * 1000);
    }

    private static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    private static double loadOneMinute() {
        try {
            return Double.parseDouble(loadAverage().split(" ")[0]);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "n/a";
        }
    }
}
