package io.sygnify.server.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One Sygnify instance in its own JVM, started from the packaged jar in cluster mode (or, with
 * {@link #startEmbedded}, with the embedded defaults): what an operator runs, stopped as an operator stops it
 * ({@code SIGTERM}) or killed as an operator's machine dies ({@code kill -9}).
 */
public final class ClusterNode implements AutoCloseable {

    /** Shared by every node of one test's cluster. */
    public record Shared(String postgresUrl, String schema, String redisUrl, String redisPrefix, Path dataDir,
                         Duration lease) {
    }

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;

    private ClusterNode(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** Starts a node and waits until it is ready; {@code extra} are further --name=value arguments. */
    public static ClusterNode start(String name, Shared shared, String... extra) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.shutdown=immediate",
                "--sygnify.data-dir=" + shared.dataDir(),
                "--sygnify.cluster.enabled=true",
                "--sygnify.cluster.instance-id=" + name,
                "--sygnify.cluster.redis-url=" + shared.redisUrl(),
                "--sygnify.cluster.key-prefix=" + shared.redisPrefix(),
                "--sygnify.cluster.lease=" + shared.lease().toMillis() + "ms",
                "--spring.datasource.url=" + shared.postgresUrl() + "?currentSchema=" + shared.schema(),
                "--spring.datasource.username=postgres",
                "--spring.datasource.hikari.connection-timeout=3000",
                "--spring.flyway.schemas=" + shared.schema(),
                "--spring.flyway.create-schemas=true",
                "--logging.level.io.sygnify.server.realtime=DEBUG"));
        arguments.addAll(List.of(extra));
        return launch(name, arguments);
    }

    /** Starts a single node with the embedded defaults (H2, in-process events) on {@code dataDir}. */
    public static ClusterNode startEmbedded(String name, Path dataDir, String... extra) {
        List<String> arguments = new ArrayList<>(List.of("--sygnify.data-dir=" + dataDir));
        arguments.addAll(List.of(extra));
        return launch(name, arguments);
    }

    private static ClusterNode launch(String name, List<String> arguments) {
        int port = freePort();
        Path jar = Path.of(System.getProperty("sygnify.jar", "target/sygnify.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: these tests run after `package` (./mvnw verify)");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-XX:+UseSerialGC",
                "-jar", jar.toString(),
                "--server.port=" + port,
                "--sygnify.admin.password=" + TestAccounts.ADMIN_PASSWORD,
                "--sygnify.admin.token=" + TestAccounts.ADMIN_TOKEN,
                "--sygnify.jobs.workers=1",
                "--sygnify.engine.threads=1",
                "--sygnify.monitoring.sample-interval=500ms"));
        command.addAll(arguments);
        try {
            Path logs = Files.createDirectories(Path.of("target", "cluster-logs"));
            Path log = logs.resolve(name + "-" + port + ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            ClusterNode node = new ClusterNode(name, port, log, process);
            node.awaitReady(Duration.ofSeconds(90));
            return node;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public TestHttp http() {
        return new TestHttp(port);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Writes the node's thread dump beside its log (for a failed test), and returns where. */
    public Path dumpThreads() {
        Path dump = log.resolveSibling(log.getFileName().toString().replace(".log", ".threads.txt"));
        if (process.isAlive()) {
            try {
                Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        Long.toString(process.pid()), "Thread.print").redirectErrorStream(true)
                        .redirectOutput(dump.toFile()).start();
                jcmd.waitFor(30, java.util.concurrent.TimeUnit.SECONDS);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return dump;
    }

    public Path log() {
        return log;
    }

    /** SIGKILL: no shutdown hook, no lease release, no goodbye to anyone. */
    public void kill() {
        process.destroyForcibly();
        waitFor();
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited at start-up; see " + log);
            }
            try {
                if (new TestHttp(port).anonymous().get("/actuator/health/liveness").status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // still starting
            }
            sleep(200);
        }
        throw new IllegalStateException(name + " not ready within " + timeout + "; see " + log);
    }

    /** SIGTERM, as an operator stops it, and waits (at most 30 s) for the process to end. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            waitFor();
        }
    }

    private void waitFor() {
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
