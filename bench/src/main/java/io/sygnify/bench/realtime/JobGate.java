package io.sygnify.bench.realtime;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps every job worker busy with throwaway jobs, so that the measured jobs wait queued until all watchers have
 * subscribed; {@link #open} cancels them and the measured jobs start. Without it, the first events of a job would
 * be measured while thousands of subscriptions are still being set up, which is the subscribe cost, not the
 * delivery latency.
 */
final class JobGate {

    static final int ROWS = 1_000_000;
    private static final int MAX_GATES = 12;
    /** Queued gates beyond the first that stays queued: each worker then has about two gate jobs of cover. */
    private static final int EXTRA_QUEUED = 2;

    private final ServerApi api;
    private final List<String> gates;

    private JobGate(ServerApi api, List<String> gates) {
        this.api = api;
        this.gates = gates;
    }

    /** Uploads gate jobs until one stays queued (every worker is busy), plus a few more. */
    static JobGate close(ServerApi api, Path workDir, Deadline deadline) throws IOException, InterruptedException {
        Path csv = CsvFixture.sales(workDir.resolve("csv"), ROWS);
        List<String> gates = new ArrayList<>();
        int extra = -1;
        while (gates.size() < MAX_GATES && extra < EXTRA_QUEUED && !deadline.passed()) {
            String id = api.upload(csv);
            gates.add(id);
            if (extra >= 0 || staysQueued(api, id, deadline.within(Duration.ofSeconds(2)))) {
                extra++;
            }
        }
        RealtimeBenchmark.log("job gate closed with " + gates.size() + " gate jobs");
        return new JobGate(api, gates);
    }

    private static boolean staysQueued(ServerApi api, String id, Deadline until)
            throws IOException, InterruptedException {
        while (!until.passed()) {
            if (!"queued".equals(api.job(id).status())) {
                return false;
            }
            Thread.sleep(100);
        }
        return "queued".equals(api.job(id).status());
    }

    /** Cancels every gate job; the measured jobs queued behind them start. */
    void open() throws IOException, InterruptedException {
        for (String id : gates) {
            api.cancel(id);
        }
    }
}
