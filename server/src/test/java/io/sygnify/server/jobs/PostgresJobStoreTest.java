package io.sygnify.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import io.sygnify.server.support.Csv;
import io.sygnify.server.support.TempDataDir;
import io.sygnify.server.support.TestHttp;
import io.sygnify.server.support.TestSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The same Flyway migrations and SQL on the PostgreSQL that runs on this machine and in CI (127.0.0.1:5432,
 * database {@code test}), in a schema of its own that is dropped afterwards. Override with SYGNIFY_TEST_PG_URL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Timeout(120)
class PostgresJobStoreTest {

    private static final String BASE_URL = System.getenv().getOrDefault("SYGNIFY_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = System.getenv().getOrDefault("SYGNIFY_TEST_PG_USER", "postgres");
    private static final String SCHEMA = "sygnify_test_" + UUID.randomUUID().toString().replace("-", "");
    private static final Path DATA = TempDataDir.create("pg");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("sygnify.data-dir", DATA::toString);
        registry.add("spring.datasource.url", () -> BASE_URL + "?currentSchema=" + SCHEMA);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.flyway.schemas", () -> SCHEMA);
        registry.add("spring.flyway.create-schemas", () -> "true");
    }

    @Value("${local.server.port}")
    int port;

    @AfterAll
    static void dropSchema() throws Exception {
        try (var connection = DriverManager.getConnection(BASE_URL, USER, "");
             var statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
    }

    @Test
    void jobRunsToCompletionWithGaplessEventsOnPostgres() {
        TestHttp http = new TestHttp(port);
        String id = http.createJob("sales.csv", Csv.sales(1000));
        JsonNode job = http.awaitTerminal(id, Duration.ofSeconds(60));
        assertThat(job.path("status").asString()).isEqualTo("insights_ready");
        assertThat(http.get("/api/jobs/" + id + "/insights").json().path("dataset").path("rows").asLong())
                .isEqualTo(1000);

        try (TestSocket socket = TestSocket.connect(port, "/ws")) {
            socket.send(Map.of("type", "subscribe_job", "job_id", id, "last_seq", 0));
            socket.awaitType("job_complete", Duration.ofSeconds(30));
            var seqs = socket.received().stream().filter(m -> m.has("seq")).map(m -> m.path("seq").asLong()).toList();
            assertThat(seqs).isEqualTo(java.util.stream.LongStream.rangeClosed(1, seqs.size()).boxed().toList());
            assertThat(seqs.size()).isEqualTo(job.path("last_seq").asInt());
        }
    }
}
