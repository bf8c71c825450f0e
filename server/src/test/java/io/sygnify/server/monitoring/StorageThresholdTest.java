package io.sygnify.server.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import io.sygnify.server.support.TempDataDir;
import io.sygnify.server.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** A free-space threshold larger than the disk: storage health must turn DOWN and say why. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Timeout(60)
class StorageThresholdTest {

    private static final Path DATA = TempDataDir.create("storage");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("sygnify.data-dir", DATA::toString);
        registry.add("sygnify.monitoring.storage-min-free", () -> "100000TB");
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void storageBelowThresholdIsDown() {
        TestHttp http = new TestHttp(port);
        TestHttp.Response system = http.get("/api/system/health");
        assertThat(system.status()).isEqualTo(503);
        JsonNode storage = component(system.json(), "storage");
        assertThat(storage.path("status").asString()).isEqualTo("DOWN");
        assertThat(storage.path("details").path("reason").asString()).contains("free under");
        assertThat(component(system.json(), "database").path("status").asString()).isEqualTo("UP");

        TestHttp.Response actuator = http.get("/actuator/health/readiness");
        assertThat(actuator.status()).isEqualTo(503);
        assertThat(http.get("/actuator/health/liveness").status()).isEqualTo(200);
    }

    static JsonNode component(JsonNode report, String name) {
        for (JsonNode c : report.path("components")) {
            if (name.equals(c.path("name").asString())) {
                return c;
            }
        }
        throw new AssertionError("No component " + name + " in " + report);
    }
}
