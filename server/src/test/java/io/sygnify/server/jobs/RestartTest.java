package io.sygnify.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.sygnify.server.SygnifyApplication;
import io.sygnify.server.support.Csv;
import io.sygnify.server.support.TempDataDir;
import io.sygnify.server.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Two real server runs on one data directory: what was queued or running at the stop is finished after it, and
 * upload spools and stored uploads without a job that the stopped process left behind are deleted.
 */
@Timeout(300)
class RestartTest {

    private static final Duration WAIT = Duration.ofSeconds(120);

    @Test
    void jobsQueuedOrRunningAtStopAreProcessedAfterRestart() throws Exception {
        Path data = TempDataDir.create("restart");
        Path large = Csv.largeSales(data, 1_500_000);
        String running;
        String queued;

        try (ConfigurableApplicationContext first = start(data)) {
            TestHttp http = new TestHttp(port(first));
            TestHttp.Response upload = http.upload("file", "large.csv", Files.readAllBytes(large));
            assertThat(upload.status()).isEqualTo(202);
            running = upload.json().path("job_id").asString();
            queued = http.createJob("small.csv", Csv.sales(50));
            http.awaitJob(running, j -> j.path("status").asString().matches("parsing|profiling|analyzing"), WAIT);
            assertThat(http.get("/api/jobs/" + queued).json().path("status").asString()).isEqualTo("queued");
        }

        // what a process killed mid-upload leaves, next to one another instance may still be writing
        Path abandoned = spool(data, Duration.ofHours(2));
        Path inFlight = spool(data, Duration.ZERO);
        // a file stored by a process that died before inserting its job; the jobs' own files are as old
        Path orphan = Files.writeString(data.resolve("uploads").resolve(java.util.UUID.randomUUID() + ".csv"), "a,b\n");
        List<Path> uploads;
        try (var files = Files.list(data.resolve("uploads"))) {
            uploads = files.filter(f -> f.toString().endsWith(".csv")).toList();
        }
        for (Path upload : uploads) {
            Files.setLastModifiedTime(upload, FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        }

        try (ConfigurableApplicationContext second = start(data)) {
            assertThat(abandoned).doesNotExist();
            assertThat(inFlight).exists();
            assertThat(orphan).doesNotExist();
            assertThat(uploads).hasSize(3);
            TestHttp http = new TestHttp(port(second));
            JsonNode queuedJob = http.awaitTerminal(queued, WAIT);
            JsonNode runningJob = http.awaitTerminal(running, WAIT);
            assertThat(queuedJob.path("status").asString()).isEqualTo("insights_ready");
            assertThat(runningJob.path("status").asString()).isEqualTo("insights_ready");
            assertThat(http.get("/api/jobs/" + running + "/insights").json().path("dataset").path("rows").asLong())
                    .isEqualTo(1_500_000);
        }
    }

    private static Path spool(Path data, Duration untouchedFor) throws java.io.IOException {
        Path spool = Files.writeString(data.resolve("uploads").resolve(AbandonedSpools.PREFIX
                + java.util.UUID.randomUUID() + AbandonedSpools.SUFFIX), "--boundary\r\nhalf an upload");
        Files.setLastModifiedTime(spool, java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(untouchedFor)));
        return spool;
    }

    private static ConfigurableApplicationContext start(Path data) {
        return new SpringApplicationBuilder(SygnifyApplication.class).run(
                "--server.port=0", "--sygnify.data-dir=" + data, "--sygnify.jobs.workers=1",
                "--sygnify.engine.threads=1");
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
