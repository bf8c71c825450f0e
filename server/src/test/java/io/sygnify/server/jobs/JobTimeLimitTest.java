package io.sygnify.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
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
import tools.jackson.databind.JsonNode;

/** A job that runs past the configured time limit ends in a job_error that says so, with the stage it was in. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Timeout(120)
class JobTimeLimitTest {

    private static final Path DATA = TempDataDir.create("time-limit");
    private static final Duration WAIT = Duration.ofSeconds(60);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("sygnify.data-dir", DATA::toString);
        registry.add("sygnify.jobs.time-limit", () -> "1s");
        registry.add("sygnify.engine.threads", () -> "1");
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void aJobPastItsTimeLimitEndsWithATimeLimitError() throws Exception {
        TestHttp http = new TestHttp(port);
        // 1.5 million rows take several seconds on one DuckDB thread
        Path large = Csv.largeSales(DATA, 1_500_000);
        TestHttp.Response upload = http.upload("file", "large.csv", Files.readAllBytes(large));
        assertThat(upload.status()).isEqualTo(202);
        String id = upload.json().path("job_id").asString();

        JsonNode job = http.awaitTerminal(id, WAIT);
        assertThat(job.path("status").asString()).isEqualTo("error");
        assertThat(job.path("error_code").asString()).isEqualTo("time_limit");
        assertThat(job.path("error").asString()).matches("Processing failed: analysis of job " + id
                + " timed out after 1 s in stage (parsing|profiling|analyzing)\\.");
    }
}
