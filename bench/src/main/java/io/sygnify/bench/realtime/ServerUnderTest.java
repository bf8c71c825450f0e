package io.sygnify.bench.realtime;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The server of one run: one port, one data directory and one log across restarts. Whatever process is current
 * when the run ends is stopped by {@link #close}.
 */
final class ServerUnderTest implements AutoCloseable {

    static final Duration STOP_GRACE = Duration.ofSeconds(60);

    private final BenchOptions options;
    private final Path dataDir;
    private final Path log;
    private final ServerApi api;
    private ServerProcess current;
    private Duration lastStartup = Duration.ZERO;

    ServerUnderTest(BenchOptions options, Path runDir) {
        this.options = options;
        this.dataDir = runDir.resolve("data");
        this.log = runDir.resolve("server.log");
        this.api = new ServerApi(options.port());
    }

    /** Starts a server process and waits until it is ready. */
    ServerProcess start(Deadline deadline) throws IOException, InterruptedException {
        if (current != null && current.isAlive()) {
            throw new IllegalStateException("server " + current.pid() + " is still running on port "
                    + options.port());
        }
        if (options.attached()) {
            current = ServerProcess.attach(options.attachPids(), log);
            RealtimeBenchmark.log("attached to the server " + current.pid() + " answering on port " + options.port());
        } else {
            current = ServerProcess.start(options, dataDir, log);
            RealtimeBenchmark.log("server " + current.pid() + " starting on port " + options.port());
        }
        lastStartup = current.awaitReady(api, deadline);
        RealtimeBenchmark.log("server ready after " + lastStartup.toMillis() + " ms");
        return current;
    }

    ServerProcess current() {
        return current;
    }

    ServerApi api() {
        return api;
    }

    Path log() {
        return log;
    }

    /** How long the latest start took until readiness answered. */
    Duration lastStartup() {
        return lastStartup;
    }

    @Override
    public void close() throws InterruptedException {
        if (current != null && !current.attached() && current.isAlive()) {
            Duration took = current.stop(STOP_GRACE);
            RealtimeBenchmark.log("server " + current.pid() + " stopped in " + took.toMillis() + " ms");
        }
    }
}
