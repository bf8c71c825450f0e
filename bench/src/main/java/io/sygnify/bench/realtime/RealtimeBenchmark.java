package io.sygnify.bench.realtime;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Real-time load benchmark: {@code RealtimeBenchmark N M hold|stalled|reconnect [options]} starts the server jar as
 * a separate process, drives N WebSocket clients watching M jobs against it, prints a table and stops the server.
 * See {@link BenchOptions#USAGE} and bench/realtime-bench.sh.
 */
public final class RealtimeBenchmark {

    private RealtimeBenchmark() {
    }

    /** Held so the level sticks: java.util.logging keeps loggers only weakly. */
    private static final java.util.logging.Logger NETTY_LOG = java.util.logging.Logger.getLogger("reactor.netty");

    public static void main(String[] args) throws Exception {
        // Refused and cut-off attempts during a restart are expected and counted; Reactor Netty would log each.
        reactor.util.Loggers.useJdkLoggers();
        NETTY_LOG.setLevel(java.util.logging.Level.SEVERE);
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.exit(run(options) ? 0 : 1);
    }

    private static boolean run(BenchOptions options) throws Exception {
        Deadline deadline = Deadline.after(options.timeLimit());
        String scenario = options.scenario().name().toLowerCase(Locale.ROOT);
        Path runDir = options.workDir().resolve(scenario + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Files.createDirectories(runDir);
        log("run directory " + runDir);
        Path csv = CsvFixture.sales(options.workDir().resolve("csv"), options.rows());
        Report report = new Report("Sygnify real-time benchmark: " + scenario + ", N=" + options.watchers()
                + ", M=" + options.jobs() + ", " + options.rows() + " rows per job");
        String loadBefore = loadAverage();
        long start = System.nanoTime();
        boolean completed = false;
        try (ServerUnderTest sut = new ServerUnderTest(options, runDir)) {
            sut.start(deadline);
            report.section("setup");
            report.row("machine", Runtime.getRuntime().availableProcessors() + " cores, " + memTotal()
                    + " RAM, load average before " + loadBefore);
            if (options.attached()) {
                report.row("server", "attached, not started here: port " + options.port() + ", JVM "
                        + sut.current().pid() + " (CPU and memory below are their sums)");
            } else {
                report.row("server JVM", String.join(" ", ServerProcess.JVM_FLAGS) + " "
                        + String.join(" ", options.serverJvmArgs()) + ", start → ready "
                        + Report.millis(sut.lastStartup().toNanos() / 1_000) + ", flags "
                        + String.join(" ", options.serverArgs()));
            }
            report.row("bench JVM", String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments())
                    + ", " + WatcherFleet.EVENT_LOOP_THREADS + " event-loop threads");
            switch (options.scenario()) {
                case HOLD, STALLED -> new HoldScenario(options, deadline, sut, csv).run(report);
                case RECONNECT -> new ReconnectScenario(options, deadline, sut, csv).run(report);
            }
            completed = true;
        } finally {
            report.section("end");
            report.row("outcome", completed ? (deadline.passed() ? "time limit reached" : "completed")
                    : "FAILED (see the exception below)");
            report.row("wall time of the run", Report.seconds((System.nanoTime() - start) / 1e9) + " (limit "
                    + options.timeLimit().toSeconds() + " s; the server's stop included)");
            report.row("load average after", loadAverage());
            report.row("run directory", runDir.toString());
            report.print(System.out);
        }
        if (!deadline.passed()) {
            report.save(options.workDir().resolve("results-" + scenario + ".properties"));
        }
        return !deadline.passed();
    }

    static void log(String message) {
        System.err.println(LocalTime.now().withNano(0) + " " + message);
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "n/a";
        }
    }

    private static String memTotal() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                    .findFirst().map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024 / 1024 + " GiB")
                    .orElse("n/a");
        } catch (IOException e) {
            return "n/a";
        }
    }
}
