package io.sygnify.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import io.sygnify.server.support.TempDataDir;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An instance that lost a job's lease (a long pause, say) and kept analysing must not write into the run of the
 * instance that took the job over: its events and its report are dropped; the new run's are stored.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RunFencingTest {

    private static final Path DATA = TempDataDir.create("fencing");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("sygnify.data-dir", DATA::toString);
    }

    @Autowired
    JobRepository jobs;

    @Autowired
    JobEventLog events;

    @Test
    void aRunThatLostTheJobStoresNothingWhileTheRunThatTookItOverDoes() {
        OffsetDateTime now = OffsetDateTime.now();
        String id = UUID.randomUUID().toString();
        jobs.insert(new Job(id, "nobody", "fenced.csv", id + ".csv", 10, JobStage.QUEUED, 0, null, null, null, 0, 0,
                now, null, null));
        events.update(id, JobStage.QUEUED, 0, "Queued");

        String paused = jobs.claim(id, now, "instance-a", now.plusSeconds(15)).orElseThrow();
        JobEventLog.Run pausedRun = events.run(id, paused);
        assertThat(pausedRun.updateNow(JobStage.PARSING, 5, "a: reading")).isPresent();

        // instance a stops renewing; b finds the lease expired, puts the job back and claims it
        OffsetDateTime later = now.plus(Duration.ofMinutes(1));
        assertThat(jobs.takeExpiredLease(id, later, "recovering:instance-b", later.plusSeconds(15))).isTrue();
        assertThat(pausedRun.updateNow(JobStage.PROFILING, 50, "a: still going")).isEmpty();
        events.update(id, JobStage.QUEUED, 0, "b: taking over");
        String current = jobs.claim(id, later, "instance-b", later.plusSeconds(15)).orElseThrow();
        JobEventLog.Run currentRun = events.run(id, current);

        pausedRun.partial(JobStage.PROFILING, 60, "a: a section", "{\"columns\":[]}"); // stored later, or not
        assertThat(jobs.saveResult(id, paused, "{\"from\":\"a\"}", later)).isFalse();
        assertThat(pausedRun.complete("a: done")).isEmpty();
        currentRun.update(JobStage.PARSING, 5, "b: reading");
        currentRun.partial(JobStage.PROFILING, 60, "b: a section", "{\"columns\":[]}");
        assertThat(jobs.saveResult(id, current, "{\"from\":\"b\"}", later)).isTrue();
        assertThat(currentRun.complete("b: done")).isPresent();

        assertThat(jobs.findResult(id)).contains("{\"from\":\"b\"}");
        assertThat(events.after(id, 0)).extracting(JobEvent::message)
                .containsExactly("Queued", "a: reading", "b: taking over", "b: reading", "b: a section", "b: done");
        assertThat(events.after(id, 0)).extracting(JobEvent::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
    }
}
