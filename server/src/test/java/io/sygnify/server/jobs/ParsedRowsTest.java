package io.sygnify.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.sygnify.server.support.TempDataDir;
import io.sygnify.server.support.TestHttp;
import io.sygnify.server.support.TestSocket;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** What the engine understood, as typed rows, rejected rows and a clean CSV; report sections streamed early. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Timeout(120)
class ParsedRowsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path DATA = TempDataDir.create("rows");
    private static final String CSV = "name;amount;day\n"
            + "\"Smith, Anna\";12.50;2024-01-05\n"
            + "Lee;7;2024-01-06\n"
            + "broken;1;2;3\n"
            + "\"Quote \"\"Q\"\"\";3.25;2024-01-07\n";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("sygnify.data-dir", DATA::toString);
    }

    @Value("${local.server.port}")
    int port;
    TestHttp http;

    @BeforeEach
    void client() {
        http = new TestHttp(port);
    }

    @Test
    void rowsComeBackTypedAndNumberedInFileOrder() {
        String id = finishedJob();
        JsonNode page = http.get("/api/jobs/" + id + "/rows?offset=1&limit=2").json();
        assertThat(page.path("total").asLong()).isEqualTo(3);
        assertThat(page.path("columns")).extracting(c -> c.path("name").asString())
                .containsExactly("name", "amount", "day");
        JsonNode first = page.path("rows").get(0);
        assertThat(first.path("row_number").asLong()).isEqualTo(2);
        assertThat(first.path("name").asString()).isEqualTo("Lee");
        assertThat(first.path("amount").isNumber()).as("amount in %s", page).isTrue();
        assertThat(first.path("day").asString()).isEqualTo("2024-01-06");
        assertThat(page.path("rows").get(1).path("name").asString()).isEqualTo("Quote \"Q\"");
    }

    @Test
    void rejectedRowsAreListedWithTheirLineNumbers() {
        String id = finishedJob();
        JsonNode rejects = http.get("/api/jobs/" + id + "/rejects").json();
        assertThat(rejects.path("total").asLong()).isEqualTo(1);
        assertThat(rejects.path("rows").get(0).path("line").asLong()).isEqualTo(4);
        assertThat(rejects.path("rows").get(0).path("raw").asString()).contains("broken");
    }

    @Test
    void parsedTableStreamsAsRfc4180Csv() {
        String id = finishedJob();
        TestHttp.Response csv = http.get("/api/jobs/" + id + "/rows.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("name,amount,day\r\n\"Smith, Anna\",12.5");
        assertThat(csv.body()).contains("\r\nLee,7").contains("\"Quote \"\"Q\"\"\",3.25,2024-01-07\r\n");
        assertThat(csv.body().split("\r\n")).hasSize(4);
    }

    @Test
    void rowsOfAFailedJobAre409AndOfAnUnknownJob404() {
        String failed = http.createJob("header.csv", "a,b\n");
        http.awaitTerminal(failed, WAIT);
        assertThat(http.get("/api/jobs/" + failed + "/rows").json().path("code").asString())
                .isEqualTo("job_not_finished");
        assertThat(http.get("/api/jobs/" + failed + "/rows.csv").status()).isEqualTo(409);
        assertThat(http.get("/api/jobs/00000000-0000-0000-0000-000000000000/rows").status()).isEqualTo(404);
        assertThat(http.get("/api/jobs/" + failed + "/rows?limit=5000").json().path("code").asString())
                .isEqualTo("invalid_window");
    }

    @Test
    void reportSectionsArriveAsPartialUpdatesBeforeTheCompleteReport() {
        String id = http.createJob("sales.csv", CSV);
        try (TestSocket socket = TestSocket.connect(port, "/ws")) {
            socket.send(Map.of("type", "subscribe_job", "job_id", id, "last_seq", 0));
            JsonNode complete = socket.awaitType("job_complete", WAIT);
            JsonNode columnsPartial = socket.received().stream()
                    .filter(m -> m.path("partial").has("columns")).findFirst().orElseThrow();
            assertThat(columnsPartial.path("type").asString()).isEqualTo("job_update");
            assertThat(columnsPartial.path("seq").asLong()).isLessThan(complete.path("seq").asLong());
            assertThat(columnsPartial.path("partial").path("columns"))
                    .isEqualTo(complete.path("insights").path("columns"));
        }
    }

    private String finishedJob() {
        String id = http.createJob("people.csv", CSV);
        JsonNode job = http.awaitTerminal(id, WAIT);
        assertThat(job.path("status").asString()).as("job %s", job).isEqualTo("insights_ready");
        return id;
    }
}
