package io.sygnify.bench.realtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The server under test, a separate JVM started from the executable jar, stopped with SIGTERM (as an orchestrator
 * would), and observed from the outside through {@code /proc}. Or, with {@code --attach}, the JVMs of a server or
 * cluster started by someone else, observed together (CPU and memory summed) and never stopped from here.
 */
final class ServerProcess {

    /** The server's JVM flags; printed with the results. */
    static final List<String> JVM_FLAGS = List.of("-Xmx1g");

    /** Null when attached: the processes are not this benchmark's to stop. */
    private final Process process;
    private final List<Long> pids;
    private final Path log;
    private final long startedNanos = System.nanoTime();

    private ServerProcess(Process process, List<Long> pids, Path log) {
        this.process = process;
        this.pids = List.copyOf(pids);
        this.log = log;
    }

    /** Already running JVMs, e.g. the instances of {@code deploy/local-cluster.sh}. */
    static ServerProcess attach(List<Long> pids, Path log) {
        return new ServerProcess(null, pids, log);
    }

    static ServerProcess start(BenchOptions options, Path dataDir, Path log) throws IOException {
        Files.createDirectories(dataDir);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_FLAGS);
        command.addAll(options.serverJvmArgs());
        command.addAll(List.of("-jar", options.serverJar().toString(), "--server.port=" + options.port(),
                "--sygnify.data-dir=" + dataDir, "--sygnify.realtime.max-connections=30000",
                "--sygnify.admin.token=" + BenchAccount.TOKEN,
                // All N watchers are one user here, where in life they are many: per-user budgets must not bind.
                "--sygnify.realtime.inbound-burst=1000000", "--sygnify.realtime.inbound-rate-per-second=1000000",
                "--sygnify.security.uploads-per-minute=100000", "--sygnify.security.upload-burst=1000"));
        command.addAll(options.serverArgs());
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        ServerProcess server = new ServerProcess(process, List.of(process.pid()), log);
        // A benchmark killed by Ctrl-C must not leave its server running.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly, "bench-server-reaper"));
        return server;
    }

    /** "pid 123", or "pids 123, 456" when attached to several. */
    String pid() {
        return (pids.size() == 1 ? "pid " : "pids ") + pids.stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(", "));
    }

    boolean attached() {
        return process == null;
    }

    boolean isAlive() {
        return pids.stream().allMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }

    long startedNanos() {
        return startedNanos;
    }

    /** Waits until readiness answers 200; returns how long the server took from its start. */
    Duration awaitReady(ServerApi api, Deadline deadline) throws IOException, InterruptedException {
        while (!api.ready()) {
            if (!isAlive()) {
                throw new IllegalStateException("server (" + pid() + ") exited"
                        + (attached() ? "" : " with " + process.exitValue())
                        + " before becoming ready; last log lines:\n" + tail());
            }
            if (deadline.passed()) {
                throw new IllegalStateException("server (" + pid() + ") not ready after "
                        + Duration.ofNanos(System.nanoTime() - startedNanos).toSeconds() + " s; last log lines:\n"
                        + tail());
            }
            Thread.sleep(200);
        }
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /** SIGTERM, then up to {@code grace} for the graceful shutdown, then SIGKILL. Returns the time to exit. */
    Duration stop(Duration grace) throws InterruptedException {
        if (attached()) {
            throw new IllegalStateException("the server (" + pid() + ") was started by someone else; stop it there");
        }
        long start = System.nanoTime();
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            System.err.println("server " + pid() + " still running " + grace.toSeconds()
                    + " s after SIGTERM; killing it");
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Resident set now and at its peak (VmRSS, VmHWM), in bytes; summed over the processes when attached. */
    Memory memory() throws IOException {
        long rss = 0;
        long peak = 0;
        for (long pid : pids) {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss += kilobytes(line) * 1024;
                } else if (line.startsWith("VmHWM:")) {
                    peak += kilobytes(line) * 1024;
                }
            }
        }
        return new Memory(rss, peak);
    }

    record Memory(long rssBytes, long peakRssBytes) {
    }

    /**
     * CPU time of the process (every thread, living or gone) and of each living thread by name, from
     * {@code /proc/PID/stat} and {@code /proc/PID/task/TID/stat}; of all the processes together when attached.
     */
    CpuTimes cpu() throws IOException {
        long total = 0;
        Map<Long, CpuTimes.Thread> threads = new HashMap<>();
        for (long pid : pids) {
            Path proc = Path.of("/proc", Long.toString(pid));
            // thread ids are unique across processes, so the threads of several JVMs share one map
            try (Stream<Path> tasks = Files.list(proc.resolve("task"))) {
                for (Path task : (Iterable<Path>) tasks::iterator) {
                    try {
                        String stat = Files.readString(task.resolve("stat"));
                        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                        threads.put(Long.parseLong(task.getFileName().toString()),
                                new CpuTimes.Thread(name, ticks(stat)));
                    } catch (IOException | RuntimeException e) {
                        // the thread ended between listing and reading
                    }
                }
            }
            total += ticks(Files.readString(proc.resolve("stat")));
        }
        return new CpuTimes(total, threads);
    }

    private static long ticks(String stat) {
        // Fields after the command name; utime and stime are fields 14 and 15 of the whole line.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static long kilobytes(String statusLine) {
        return Long.parseLong(statusLine.replaceAll("[^0-9]", ""));
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
        } catch (IOException e) {
            return "(log " + log + " unreadable: " + e.getMessage() + ")";
        }
    }
}
