package io.sygnify.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

/** On Linux, a job worker lowers its own priority, and only its own. */
class WorkerPriorityTest {

    @Test
    void aWorkerRaisesItsOwnNiceValueAndNoOtherThreads() throws Exception {
        Integer before = niceOfCurrentThread();
        assumeTrue(before != null && before <= 14, "needs Linux /proc and room to raise the nice value");

        CompletableFuture<Integer> worker = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            WorkerPriority.lowerCurrentThread(5);
            worker.complete(niceOfCurrentThread());
        });
        thread.start();
        thread.join();

        assertThat(worker.get()).isEqualTo(before + 5);
        assertThat(niceOfCurrentThread()).as("the calling thread").isEqualTo(before);
    }

    /** The calling thread's nice value as the kernel reports it, or null where that cannot be read. */
    private static Integer niceOfCurrentThread() {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/thread-self/stat"));
            // the fields after the parenthesised command name; nice is field 19 of the whole line
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[16]);
        } catch (java.io.IOException | RuntimeException e) {
            return null;
        }
    }
}
