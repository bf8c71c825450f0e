package io.sygnify.server.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.sygnify.server.support.Csv;
import io.sygnify.server.support.Prometheus;
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

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Timeout(120)
class MonitoringTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path DATA = TempDataDir.create("monitoring");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("sygnify.data-dir", DATA::toString);
        registry.add("sygnify.monitoring.sample-interval", () -> "200ms");
        registry.add("sygnify.monitoring.activity-retention", () -> "25");
    }

    @Value("${local.server.port}")
    int port;
    TestHttp http;

    @BeforeEach
    void client() {
        http = new TestHttp(port);
    }

    @Test
    void threeCompletedJobsRaiseTheCompletedCounterByThree() {
        double before = Prometheus.value(scrape(), "sygnify_jobs_finished_total", "outcome=\"insights_ready\"");
        for (int i = 0; i < 3; i++) {
            http.awaitTerminal(http.createJob("s" + i + ".csv", Csv.sales(20)), WAIT);
        }
        assertThat(Prometheus.value(scrape(), "sygnify_jobs_finished_total", "outcome=\"insights_ready\"")).isEqualTo(before + 3);
        assertThat(Prometheus.value(scrape(), "sygnify_jobs_processed_bytes_total")).isPositive();
        assertThat(Prometheus.exports(scrape(), "sygnify_jobs_stage_duration_seconds_count")).isTrue();
    }

    @Test
    void fiveOpenSocketsShowAsFiveConnections() {
        double before = Prometheus.value(scrape(), "sygnify_ws_connections");
        List<TestSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                TestSocket socket = TestSocket.connect(port, "/ws");
                socket.send(Map.of("type", "ping"));
                socket.awaitType("pong", WAIT);
                sockets.add(socket);
            }
            assertThat(Prometheus.value(scrape(), "sygnify_ws_connections")).isEqualTo(before + 5);
            awaitSampled(m -> m.path("ws_connections").asInt() >= before + 5);
        } finally {
            sockets.forEach(TestSocket::close);
        }
    }

    @Test
    void systemHealthListsEachComponentWithItsLatency() {
        TestHttp.Response response = http.get("/api/system/health");
        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("status").asString()).isEqualTo("UP");
        assertThat(body.path("components")).extracting(c -> c.path("name").asString())
                .contains("backend", "database", "engine", "storage");
        assertThat(body.path("components")).allSatisfy(c -> {
            assertThat(c.path("status").asString()).isEqualTo("UP");
            assertThat(c.has("latency_ms")).isTrue();
        });
        assertThat(http.get("/actuator/health/readiness").json().path("status").asString()).isEqualTo("UP");
        assertThat(http.get("/actuator/health/liveness").json().path("status").asString()).isEqualTo("UP");
    }

    @Test
    void systemStreamSendsSnapshotMetricsAndActivityAsJobsRun() {
        try (TestSocket socket = TestSocket.connect(port, "/ws")) {
            socket.send(Map.of("type", "subscribe_system"));
            assertThat(socket.awaitType("subscribed", WAIT).path("channel").asString()).isEqualTo("system");
            assertThat(socket.awaitType("jobs_snapshot", WAIT).path("jobs").isArray()).isTrue();
            JsonNode metrics = socket.awaitType("system_metrics", WAIT).path("metrics");
            assertThat(metrics.path("heap_used_bytes").asLong()).isPositive();
            assertThat(metrics.path("ws_connections").asInt()).isGreaterThanOrEqualTo(1);

            String jobId = http.createJob("sales.csv", Csv.sales(10));
            socket.await(m -> "activity".equals(m.path("type").asString())
                    && "job_created".equals(m.path("kind").asString()) && jobId.equals(m.path("job_id").asString()), WAIT);
            socket.await(m -> "activity".equals(m.path("type").asString())
                    && "job_completed".equals(m.path("kind").asString()) && jobId.equals(m.path("job_id").asString()), WAIT);
        }
    }

    @Test
    void activityIsPersistedAndPaginatedNewestFirst() {
        String jobId = http.createJob("sales.csv", Csv.sales(10));
        http.awaitTerminal(jobId, WAIT);
        JsonNode page = awaitActivity(jobId, "job_completed");
        List<Long> ids = new ArrayList<>();
        page.path("items").forEach(a -> ids.add(a.path("id").asLong()));
        assertThat(ids).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(http.get("/api/activity?size=1").json().path("items")).hasSize(1);
        assertThat(http.get("/api/activity?size=1000").status()).isEqualTo(400);
    }

    @Test
    void activityLogKeepsOnlyTheConfiguredNumberOfEntries() {
        for (int i = 0; i < 8; i++) {
            http.awaitTerminal(http.createJob("r" + i + ".csv", Csv.sales(5)), WAIT);
        }
        // 8 jobs write at least 8 × (created, parsing, profiling, analyzing, completed) = 40 entries.
        String last = http.createJob("last.csv", Csv.sales(5));
        http.awaitTerminal(last, WAIT);
        JsonNode page = awaitActivity(last, "job_completed");
        assertThat(page.path("total").asLong()).isLessThanOrEqualTo(25);
        assertThat(page.path("items").get(0).path("id").asLong()).isGreaterThan(40);
    }

    @Test
    void everyMetricUsedByTheShippedPrometheusRulesAndGrafanaDashboardIsExported() throws Exception {
        http.awaitTerminal(http.createJob("sales.csv", Csv.sales(10)), WAIT);
        String scrape = scrape();
        List<String> used = DeployedMetricNames.read(Path.of("..", "deploy"));
        assertThat(used).isNotEmpty();
        assertThat(used).allSatisfy(name -> assertThat(Prometheus.exports(scrape, name))
                .as("metric %s is exported", name).isTrue());
    }

    /** Request timings are kept; the per-request "active" long-task timer is not (see application.yml). */
    @Test
    void requestsAreTimedWithoutAPerRequestLongTaskTimer() {
        http.get("/api/jobs");
        String scrape = scrape();
        assertThat(Prometheus.exports(scrape, "http_server_requests_seconds_count")).isTrue();
        assertThat(Prometheus.exports(scrape, "http_server_requests_active_seconds_active_count")).isFalse();
        assertThat(scrape).doesNotContain("http_server_requests_active");
    }

    private JsonNode awaitActivity(String jobId, String kind) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode page = http.get("/api/activity?size=50").json();
            for (JsonNode a : page.path("items")) {
                if (jobId.equals(a.path("job_id").asString()) && kind.equals(a.path("kind").asString())) {
                    return page;
                }
            }
            sleepBriefly();
        }
        throw new AssertionError("No " + kind + " activity for job " + jobId);
    }

    /** The sampler runs every 200 ms here: wait for a sample taken after the change. */
    private void awaitSampled(java.util.function.Predicate<JsonNode> condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode current = null;
        while (System.nanoTime() < deadline) {
            current = http.get("/api/system/metrics").json().path("current");
            if (condition.test(current)) {
                return;
            }
            sleepBriefly();
        }
        throw new AssertionError("No sample matched; last: " + current);
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private String scrape() {
        TestHttp.Response response = http.get("/actuator/prometheus");
        assertThat(response.status()).isEqualTo(200);
        return response.body();
    }
}
