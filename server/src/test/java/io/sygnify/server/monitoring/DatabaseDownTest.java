package io.sygnify.server.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.SQLException;

import io.sygnify.server.support.TcpProxy;
import io.sygnify.server.support.TempDataDir;
import io.sygnify.server.support.TestHttp;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The database runs as a separate H2 server reached through a TCP proxy; the test cuts the proxy, so the database
 * is gone at once for the server: health says so, the server stays up.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Timeout(90)
// Closed after the test: a cached server whose database is gone keeps its pools, samplers and workers retrying,
// and their blocked threads (Reactor's shared boundedElastic among them) starve the tests that follow.
@DirtiesContext
class DatabaseDownTest {

    private static final Path DATA = TempDataDir.create("dbdown");
    private static final Server DATABASE = startDatabase();
    private static final TcpProxy LINK = startProxy();

    private static Server startDatabase() {
        try {
            return Server.createTcpServer("-tcpPort", "0", "-ifNotExists", "-baseDir", DATA.toString()).start();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TcpProxy startProxy() {
        try {
            return new TcpProxy(DATABASE.getPort());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("sygnify.data-dir", DATA::toString);
        registry.add("spring.datasource.url", () -> "jdbc:h2:tcp://localhost:" + LINK.port()
                + "/sygnify;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }

    @AfterAll
    static void stopDatabase() {
        LINK.close();
        // H2's stop can wait on its connection threads; the test's verdict does not depend on it.
        Thread stopper = new Thread(DATABASE::stop, "h2-stop");
        stopper.setDaemon(true);
        stopper.start();
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void stoppedDatabaseTurnsDatabaseHealthDownWhileTheServerKeepsAnswering() {
        TestHttp http = new TestHttp(port);
        assertThat(StorageThresholdTest.component(http.get("/api/system/health").json(), "database")
                .path("status").asString()).isEqualTo("UP");

        LINK.close();

        TestHttp.Response health = http.get("/api/system/health");
        assertThat(health.status()).isEqualTo(503);
        assertThat(StorageThresholdTest.component(health.json(), "database").path("status").asString())
                .isEqualTo("DOWN");
        assertThat(StorageThresholdTest.component(health.json(), "database").path("details").path("error")
                .asString()).isNotBlank();
        assertThat(StorageThresholdTest.component(health.json(), "engine").path("status").asString()).isEqualTo("UP");
        assertThat(http.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(503);
        TestHttp.Response jobs = http.get("/api/jobs");
        assertThat(jobs.status()).isEqualTo(503);
        assertThat(jobs.json().path("code").asString()).isEqualTo("database_unavailable");
    }
}
