package io.sygnify.server.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lowers a job worker's CPU priority (Linux {@code nice}), so that on a busy machine the event loops that deliver
 * live events, answer requests and take uploads get the CPU first, and analysis gets what is left: its
 * throughput is unchanged on an idle machine, its latency matters less. DuckDB's own threads are created by the
 * worker when it opens its session and inherit the worker's niceness.
 *
 * <p>Linux lets any thread raise its own niceness; the JDK has no call for it, so {@code renice} does it for the
 * thread's id, read from {@code /proc/thread-self}. Elsewhere (or without {@code renice}) nothing changes.
 */
final class WorkerPriority {

    private static final Logger log = LoggerFactory.getLogger(WorkerPriority.class);

    private WorkerPriority() {
    }

    /** Adds {@code niceness} (1–19) to the calling thread's nice value; 0 leaves it alone. */
    static void lowerCurrentThread(int niceness) {
        if (niceness <= 0) {
            return;
        }
        Path self = Path.of("/proc/thread-self");
        try {
            if (!Files.exists(self)) {
                log.debug("No /proc/thread-self: job workers keep their priority");
                return;
            }
            String threadId = Files.readSymbolicLink(self).getFileName().toString();
            Process renice = new ProcessBuilder("renice", "-n", Integer.toString(niceness), "-p", threadId)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!renice.waitFor(5, TimeUnit.SECONDS) || renice.exitValue() != 0) {
                log.warn("renice of job worker thread {} did not succeed; it keeps its priority", threadId);
            }
        } catch (IOException e) {
            log.warn("Cannot lower the job workers' priority ({}); they keep it", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
