package io.sygnify.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;

import io.sygnify.server.support.Csv;
import io.sygnify.server.support.TempDataDir;
import io.sygnify.server.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** sygnify.jobs.retention: a finished job is kept for that long after it ended, then deleted with its data. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Timeout(120)
class JobRetentionTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path DATA = TempDataDir.create("retention");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("sygnify.data-dir", DATA::toString);
        registry.add("sygnify.jobs.retention", () -> "3s");
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void aFinishedJobIsKeptForTheRetentionPeriodThenDeletedWithItsData() throws Exception {
        TestHttp http = new TestHttp(port);
        String jobId = http.createJob("kept-for-a-while.csv", Csv.sales(20));
        http.awaitTerminal(jobId, WAIT);
        assertThat(http.get("/api/jobs/" + jobId).status()).as("just finished").isEqualTo(200);
        assertThat(DATA.resolve("jobs").resolve(jobId).resolve("rows.parquet")).exists();

        long deadline = System.nanoTime() + WAIT.toNanos();
        while (http.get("/api/jobs/" + jobId).status() != 404) {
            assertThat(System.nanoTime()).as("the job is still there after %s", WAIT).isLessThan(deadline);
            Thread.sleep(200);
        }
        assertThat(DATA.resolve("jobs").resolve(jobId)).doesNotExist();
        try (var uploads = java.nio.file.Files.list(DATA.resolve("uploads"))) {
            assertThat(uploads.toList()).as("uploads left").isEmpty();
        }
        assertThat(JobDeletionTest.awaitActivity(http, "job_deleted", jobId.substring(0, 8)).path("message")
                .asString()).endsWith("deleted at the end of its retention period.");
    }
}
