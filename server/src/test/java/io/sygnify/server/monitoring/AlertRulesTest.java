package io.sygnify.server.monitoring;

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
import tools.jackson.databind.JsonNode;

/** The job failure rate rule, judged over the last finished job only, raises and clears for real outcomes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Timeout(90)
class AlertRulesTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Path DATA = TempDataDir.create("alerts");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("sygnify.data-dir", DATA::toString);
        registry.add("sygnify.monitoring.sample-interval", () -> "200ms");
        registry.add("sygnify.monitoring.alerts.failure-window", () -> "1");
        registry.add("sygnify.monitoring.alerts.failure-rate", () -> "0.5");
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void failedJobRaisesTheFailureRateAlertAndASuccessfulOneClearsIt() {
        TestHttp http = new TestHttp(port);
        http.awaitTerminal(http.createJob("bad.csv", "only,a,header\n"), WAIT);
        JsonNode raised = awaitAlerts(http, a -> hasActive(a, "job_failure_rate"));
        JsonNode alert = raised.path("active").get(0);
        assertThat(alert.path("value").asDouble()).isEqualTo(1.0);
        assertThat(alert.path("threshold").asDouble()).isEqualTo(0.5);

        http.awaitTerminal(http.createJob("good.csv", Csv.sales(5)), WAIT);
        JsonNode cleared = awaitAlerts(http, a -> !hasActive(a, "job_failure_rate"));
        assertThat(cleared.path("history")).anySatisfy(h -> {
            assertThat(h.path("rule").asString()).isEqualTo("job_failure_rate");
            assertThat(h.path("cleared_at").isNumber()).isTrue();
        });
        // The activity log is written in the background: wait for both entries.
        awaitActivityKinds(http, "alert_raised", "alert_cleared");
    }

    private static void awaitActivityKinds(TestHttp http, String... kinds) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        java.util.List<String> seen = java.util.List.of();
        while (System.nanoTime() < deadline) {
            java.util.List<String> current = new java.util.ArrayList<>();
            http.get("/api/activity?size=100").json().path("items").forEach(a -> current.add(a.path("kind").asString()));
            seen = current;
            if (current.containsAll(java.util.List.of(kinds))) {
                return;
            }
            pause();
        }
        throw new AssertionError("Activity never had " + java.util.List.of(kinds) + "; saw " + seen);
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static boolean hasActive(JsonNode alerts, String rule) {
        for (JsonNode a : alerts.path("active")) {
            if (rule.equals(a.path("rule").asString())) {
                return true;
            }
        }
        return false;
    }

    private static JsonNode awaitAlerts(TestHttp http, java.util.function.Predicate<JsonNode> condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode alerts = null;
        while (System.nanoTime() < deadline) {
            alerts = http.get("/api/system/alerts").json();
            if (condition.test(alerts)) {
                return alerts;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("Alerts never matched: " + alerts);
    }
}
