package io.sygnify.bench.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One server instance in cluster mode: a separate JVM from the executable jar, stopped with SIGTERM. */
final class Instance {

    /** Every instance's JVM flags; printed with the results. */
    static final List<String> JVM_FLAGS = List.of("-Xmx1g");

    /** The settings the contract asks of every instance of the measured cluster. */
    static final List<String> SIZING = List.of("--sygnify.jobs.workers=1", "--sygnify.engine.threads=1");

    private final Process process;
    private final int port;
    private final Path log;
    private final ClusterApi api;

    private Instance(Process process, int port, Path log, ClusterApi api) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.api = api;
    }

    record Shared(PostgresSchema schema, String redisUrl, String keyPrefix, Path dataDir, String token) {
    }

    static Instance start(ClusterOptions options, Shared shared, int port, Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        command.addAll(options.serverJvmArgs());
        command.addAll(List.of("-jar", options.serverJar().toString(),
                "--server.port=" + port,
                "--sygnify.data-dir=" + shared.dataDir(),
                "--sygnify.admin.token=" + shared.token(),
                "--sygnify.cluster.enabled=true",
                "--sygnify.cluster.redis-url=" + shared.redisUrl(),
                "--sygnify.cluster.key-prefix=" + shared.keyPrefix(),
                "--spring.datasource.url=" + shared.schema().instanceUrl(),
                "--spring.datasource.username=" + shared.schema().user(),
                "--spring.flyway.schemas=" + shared.schema().name(),
                "--spring.flyway.create-schemas=true",
                // K uploads in a few seconds from one user: the per-user upload budget must not bind.
                "--sygnify.security.uploads-per-minute=100000", "--sygnify.security.upload-burst=1000"));
        command.addAll(SIZING);
        command.addAll(options.serverArgs());
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        // A benchmark killed by Ctrl-C must not leave its instances running.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "bench-instance-reaper"));
        return new Instance(process, port, log, new ClusterApi(port, shared.token()));
    }

    int port() {
        return port;
    }

    /** The instance's own port, for its metrics: through nginx they would come from any instance. */
    ClusterApi api() {
        return api;
    }

    /** Waits until readiness answers 200; returns how long that took. */
    Duration awaitReady(Instant deadline) throws InterruptedException {
        long start = System.nanoTime();
        while (!api.ready()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("instance on port " + port + " (pid " + process.pid()
                        + ") exited with " + process.exitValue() + " before becoming ready; last log lines of "
                        + log + ":\n" + tail());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("instance on port " + port + " not ready after "
                        + Duration.ofNanos(System.nanoTime() - start).toSeconds() + " s; last log lines of " + log
                        + ":\n" + tail());
            }
            Thread.sleep(200);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** SIGTERM, up to a minute for the graceful drain, then SIGKILL. */
    void stop() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            ClusterBenchmark.log("instance on port " + port + " still running 60 s after SIGTERM; killing it");
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }
}
