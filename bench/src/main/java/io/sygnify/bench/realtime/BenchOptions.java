package io.sygnify.bench.realtime;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One benchmark run, parsed from {@code N M scenario [--name=value ...]}.
 *
 * @param watchers           N: WebSocket clients in total (stalled ones included)
 * @param jobs               M: jobs uploaded; client i watches job i mod M
 * @param scenario           what to measure
 * @param port               server port (a free one when not given); the reconnect scenario restarts on it
 * @param serverJar          the executable server jar
 * @param workDir            where CSV files, server data directories, logs and results go
 * @param rows               data rows of each uploaded CSV
 * @param stalledPercent     share of clients that never read (stalled scenario only)
 * @param stalledWatchAll    stalled clients watch every job instead of one, to push more bytes at them
 * @param timeLimit          wall-clock bound of the whole run, server start-up included
 * @param connectConcurrency handshakes in flight at once while ramping up
 * @param serverArgs         extra {@code --name=value} arguments for the server
 * @param serverJvmArgs      extra JVM flags for the server (after -Xmx1g), e.g. a flight recording
 * @param attachPids         when not empty, start no server: the one answering on {@code port} (a single server, or
 *                           nginx in front of a cluster) is already running, and these are its JVMs' process ids,
 *                           whose CPU and memory are measured together
 */
record BenchOptions(int watchers, int jobs, Scenario scenario, int port, Path serverJar, Path workDir, int rows,
                    double stalledPercent, boolean stalledWatchAll, Duration timeLimit, int connectConcurrency, List<String> serverArgs,
                    List<String> serverJvmArgs, List<Long> attachPids) {

    enum Scenario { HOLD, STALLED, RECONNECT }

    static final String USAGE = """
            usage: RealtimeBenchmark N M hold|stalled|reconnect [options]
              N                         WebSocket clients (stalled ones included)
              M                         jobs; client i watches job i mod M
              --jar=PATH                server jar (server/target/sygnify.jar)
              --work-dir=PATH           CSVs, data dirs, logs, results (bench/target/realtime)
              --port=P                  server port (a free one)
              --rows=R                  rows per uploaded CSV (200000)
              --stalled-percent=P       stalled share of N in the stalled scenario (1)
              --stalled-watch-all=B     stalled clients watch all M jobs, not one (false)
              --time-limit=SECONDS      bound of the whole run, server start-up included (300)
              --connect-concurrency=C   handshakes in flight while ramping up (200)
              --server-arg=--name=value extra server setting, repeatable
              --server-jvm-arg=FLAG     extra server JVM flag, repeatable
              --attach=PID[,PID...]     start no server: measure the one already answering on --port (for a
                                        cluster, nginx's port) whose JVMs have these pids; its admin token comes
                                        from SYGNIFY_ADMIN_TOKEN (see docs/cluster.md)""";

    static BenchOptions parse(String[] args) throws IOException {
        List<String> positional = new ArrayList<>();
        Path jar = Path.of("server/target/sygnify.jar");
        Path workDir = Path.of("bench/target/realtime");
        int port = 0;
        int rows = 200_000;
        double stalledPercent = 1;
        boolean stalledWatchAll = false;
        int timeLimitSeconds = 300;
        int connectConcurrency = 200;
        List<String> serverArgs = new ArrayList<>();
        List<String> serverJvmArgs = new ArrayList<>();
        List<Long> attachPids = new ArrayList<>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                positional.add(arg);
                continue;
            }
            int eq = arg.indexOf('=');
            require(eq > 2, "option '" + arg + "' needs a value (--name=value)\n" + USAGE);
            String name = arg.substring(2, eq);
            String value = arg.substring(eq + 1);
            switch (name) {
                case "jar" -> jar = Path.of(value);
                case "work-dir" -> workDir = Path.of(value);
                case "port" -> port = intOption(name, value, 1, 65_535);
                case "rows" -> rows = intOption(name, value, 1_000, 50_000_000);
                case "stalled-percent" -> stalledPercent = doubleOption(name, value, 0, 50);
                case "stalled-watch-all" -> stalledWatchAll = booleanOption(name, value);
                case "time-limit" -> timeLimitSeconds = intOption(name, value, 30, 3_600);
                case "connect-concurrency" -> connectConcurrency = intOption(name, value, 1, 10_000);
                case "server-arg" -> serverArgs.add(value);
                case "server-jvm-arg" -> serverJvmArgs.add(value);
                case "attach" -> attachPids.addAll(pids(value));
                default -> throw new IllegalArgumentException("unknown option --" + name + "\n" + USAGE);
            }
        }
        require(positional.size() == 3, "expected N, M and a scenario, got " + positional + "\n" + USAGE);
        int watchers = intOption("N", positional.get(0), 1, 50_000);
        int jobs = intOption("M", positional.get(1), 1, 1_000);
        require(jobs <= watchers, "M (" + jobs + ") must not exceed N (" + watchers + "): every job needs a watcher");
        Scenario scenario = switch (positional.get(2).toLowerCase(Locale.ROOT)) {
            case "hold" -> Scenario.HOLD;
            case "stalled" -> Scenario.STALLED;
            case "reconnect" -> Scenario.RECONNECT;
            default -> throw new IllegalArgumentException("unknown scenario '" + positional.get(2)
                    + "'; use hold, stalled or reconnect");
        };
        require(attachPids.isEmpty() || (port != 0 && System.getenv("SYGNIFY_ADMIN_TOKEN") != null),
                "--attach needs --port (the running server's or nginx's) and SYGNIFY_ADMIN_TOKEN in the environment");
        require(attachPids.isEmpty() || scenario != Scenario.RECONNECT,
                "the reconnect scenario restarts the server it started; it cannot run with --attach");
        require(!attachPids.isEmpty() || Files.isRegularFile(jar), "server jar " + jar.toAbsolutePath()
                + " not found; build it with ./mvnw -q -o install -DskipTests");
        return new BenchOptions(watchers, jobs, scenario, port == 0 ? freePort() : port, jar.toAbsolutePath(),
                workDir.toAbsolutePath(), rows, stalledPercent, stalledWatchAll, Duration.ofSeconds(timeLimitSeconds),
                connectConcurrency, List.copyOf(serverArgs), List.copyOf(serverJvmArgs), List.copyOf(attachPids));
    }

    /** Clients that never read: N × stalled-percent in the stalled scenario, none otherwise. */
    int stalledWatchers() {
        return scenario == Scenario.STALLED ? (int) Math.round(watchers * stalledPercent / 100) : 0;
    }

    boolean attached() {
        return !attachPids.isEmpty();
    }

    private static List<Long> pids(String value) {
        List<Long> pids = new ArrayList<>();
        for (String pid : value.split(",")) {
            try {
                pids.add(Long.parseLong(pid.trim()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--attach takes process ids separated by commas (got '" + value
                        + "')");
            }
            require(ProcessHandle.of(pids.get(pids.size() - 1)).map(ProcessHandle::isAlive).orElse(false),
                    "no running process with pid " + pid.trim() + " to attach to");
        }
        return pids;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static int intOption(String name, String value, int min, int max) {
        try {
            int parsed = Integer.parseInt(value.replace("_", "").replace(",", ""));
            require(parsed >= min && parsed <= max, name + " must be between " + min + " and " + max
                    + " (got " + value + ")");
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be an integer (got '" + value + "')");
        }
    }

    private static double doubleOption(String name, String value, double min, double max) {
        try {
            double parsed = Double.parseDouble(value);
            require(parsed >= min && parsed <= max, name + " must be between " + min + " and " + max
                    + " (got " + value + ")");
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number (got '" + value + "')");
        }
    }

    private static boolean booleanOption(String name, String value) {
        require(value.equals("true") || value.equals("false"), name + " must be true or false (got '" + value + "')");
        return Boolean.parseBoolean(value);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
