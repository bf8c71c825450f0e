package io.sygnify.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.sygnify.server.accounts.Role;
import io.sygnify.server.accounts.Viewer;
import io.sygnify.server.support.Csv;
import io.sygnify.server.support.TempDataDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A new job becomes visible in the database together with its first event. In a cluster another instance polls
 * the table for queued jobs: when it could claim a job before the "Queued" event was stored, that event put the
 * job back in the queue under the claimer's run, and two instances analysed the same file.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Timeout(120)
class JobCreationVisibilityTest {

    private static final Path DATA = TempDataDir.create("creation");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("sygnify.data-dir", DATA::toString);
        registry.add("sygnify.jobs.workers", () -> "1");
    }

    @Autowired
    UploadStorage storage;
    @Autowired
    JobService jobs;
    @Autowired
    JdbcClient jdbc;

    @Test
    void noJobIsEverSeenWithoutItsQueuedEvent() throws Exception {
        Path body = Files.writeString(DATA.resolve("body.csv"), Csv.sales(3));
        Files.createDirectories(storage.newSpoolPath().getParent());
        Viewer viewer = new Viewer("nobody", "nobody", Role.ANALYST, "test", Instant.now().plusSeconds(600));

        AtomicBoolean creating = new AtomicBoolean(true);
        AtomicInteger polls = new AtomicInteger();
        AtomicInteger withoutEvent = new AtomicInteger();
        Thread watcher = new Thread(() -> {
            while (creating.get()) {
                // What another instance's queue poll sees: committed rows only.
                withoutEvent.addAndGet(jdbc.sql("SELECT COUNT(*) FROM jobs WHERE last_seq = 0")
                        .query(Integer.class).single());
                polls.incrementAndGet();
            }
        });
        watcher.start();
        try {
            for (int i = 0; i < 300; i++) {
                jobs.create(viewer, "sales.csv", storage.storeRange(body, 0, Files.size(body)));
            }
        } finally {
            creating.set(false);
            watcher.join();
        }
        assertThat(polls.get()).as("the watcher polled while jobs were created").isGreaterThan(100);
        assertThat(withoutEvent.get()).as("polls that saw a job without its first event").isZero();
    }
}
