package io.sygnify.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import io.sygnify.server.support.Csv;
import io.sygnify.server.support.Prometheus;
import io.sygnify.server.support.RawWebSocket;
import io.sygnify.server.support.TempDataDir;
import io.sygnify.server.support.TestHttp;
import io.sygnify.server.support.TestSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A client that stops reading is cut off with 4008 while a healthy one receives every event. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Timeout(120)
class SlowConsumerTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path DATA = TempDataDir.create("slow");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("sygnify.data-dir", DATA::toString);
        registry.add("sygnify.realtime.max-queued-bytes", () -> "256KB");
        registry.add("sygnify.realtime.lag-threshold-bytes", () -> "16KB");
        registry.add("sygnify.realtime.inbound-rate-per-second", () -> "10000");
        registry.add("sygnify.realtime.inbound-burst", () -> "10000");
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void stalledClientIsClosedAsTooSlowWhileAHealthyClientGetsEverything() {
        TestHttp http = new TestHttp(port);
        String wide = http.createJob("wide.csv", wideCsv(300, 20));
        http.awaitTerminal(wide, WAIT);
        int reportBytes = http.get("/api/jobs/" + wide + "/insights").body().length();
        assertThat(reportBytes).as("report size").isGreaterThan(10_000);

        try (RawWebSocket stalled = RawWebSocket.connect(port, "/ws", 4096)) {
            // Each subscribe answers with the whole report; the stalled client never reads them.
            long start = System.nanoTime();
            // More than the socket writer's prefetch (128 frames) plus the kernel's buffers (up to 4 MB here)
            // plus the 256 KB queue can hold.
            int subscribes = Math.max(200, (int) (12L * 1024 * 1024 / reportBytes) + 1);
            String subscribe = "{\"type\":\"subscribe_job\",\"job_id\":\"" + wide + "\"}";
            // The server may cut the client off before it has sent them all: its writes then fail (reset, or a
            // broken pipe).
            String cutOffWhileSending = null;
            for (int i = 0; i < subscribes && cutOffWhileSending == null; i++) {
                try {
                    stalled.sendText(subscribe);
                } catch (java.io.UncheckedIOException e) {
                    cutOffWhileSending = e.getCause().toString();
                }
            }
            String running = http.createJob("sales.csv", Csv.sales(20000));
            try (TestSocket healthy = TestSocket.connect(port, "/ws")) {
                healthy.send(Map.of("type", "subscribe_job", "job_id", running, "last_seq", 0));
                healthy.awaitType("job_complete", WAIT);
                List<Long> seqs = healthy.received().stream().filter(m -> m.has("seq"))
                        .map(m -> m.path("seq").asLong()).toList();
                assertThat(seqs).containsExactlyElementsOf(LongStream.rangeClosed(1, seqs.size()).boxed().toList());
            }
            // The server has cut the client off: it either still finds the 4008 close frame behind the data it
            // holds, or (Reactor Netty closes with unread input) its connection is reset. It never stays open.
            if (cutOffWhileSending != null) {
                assertThat(cutOffWhileSending).as("how the stalled connection ended")
                        .containsAnyOf("reset", "Broken pipe");
            } else {
                RawWebSocket.Frame close = stalled.readUntilClose(60_000);
                if (close != null) {
                    assertThat(close.closeCode()).isEqualTo(4008);
                } else {
                    assertThat(stalled.readSummary()).as("how the stalled connection ended").contains("reset");
                }
            }
        }
        String scrape = http.get("/actuator/prometheus").body();
        assertThat(Prometheus.value(scrape, "sygnify_ws_messages_dropped_total")).isPositive();
    }

    private static String wideCsv(int columns, int rows) {
        StringBuilder csv = new StringBuilder();
        for (int c = 0; c < columns; c++) {
            csv.append(c == 0 ? "" : ",").append("measure_").append(c);
        }
        csv.append('\n');
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                csv.append(c == 0 ? "" : ",").append((r * 31 + c * 17) % 1000).append('.').append(r % 10);
            }
            csv.append('\n');
        }
        return csv.toString();
    }
}
