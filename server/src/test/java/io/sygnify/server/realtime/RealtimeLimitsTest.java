package io.sygnify.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionException;

import io.sygnify.server.support.Csv;
import io.sygnify.server.support.RawWebSocket;
import io.sygnify.server.support.TempDataDir;
import io.sygnify.server.support.TestAccounts;
import io.sygnify.server.support.TestHttp;
import io.sygnify.server.support.TestSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Heartbeat, inbound limits and the Origin check, with short intervals and small limits. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Timeout(90)
class RealtimeLimitsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Path DATA = TempDataDir.create("limits");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("sygnify.data-dir", DATA::toString);
        registry.add("sygnify.realtime.heartbeat-interval", () -> "300ms");
        registry.add("sygnify.realtime.max-inbound-message-bytes", () -> "4KB");
        registry.add("sygnify.realtime.max-subscriptions", () -> "2");
        // A slow refill, so that the flood test does not depend on how fast this machine runs it.
        registry.add("sygnify.realtime.inbound-rate-per-second", () -> "0.2");
        registry.add("sygnify.realtime.inbound-burst", () -> "20");
        registry.add("sygnify.realtime.allowed-origins", () -> "https://trusted.example");
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void silentClientGetsPingsThenIsClosedAfterTwoIntervals() {
        try (RawWebSocket silent = RawWebSocket.connect(port, "/ws", 64 * 1024)) {
            RawWebSocket.Frame first = silent.read(2000);
            assertThat(first).isNotNull();
            assertThat(first.opcode()).as("ping frame").isEqualTo(0x9);
            RawWebSocket.Frame close = silent.readUntilClose(5000);
            assertThat(close).isNotNull();
            assertThat(close.closeCode()).isEqualTo(4000);
        }
    }

    @Test
    void clientThatAnswersPingsStaysOpenPastTheWindow() throws Exception {
        try (TestSocket socket = TestSocket.connect(port, "/ws")) {
            Thread.sleep(1500); // five heartbeat intervals; the JDK client answers pings with pongs
            socket.send(Map.of("type", "ping"));
            socket.awaitType("pong", WAIT);
            assertThat(socket.closeCode()).isNull();
        }
    }

    @Test
    void oversizedMessageClosesWith1009() {
        try (TestSocket socket = TestSocket.connect(port, "/ws")) {
            socket.send("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(10_000) + "\"}");
            assertThat(socket.awaitClose(WAIT)).isEqualTo(1009);
        }
    }

    /** The budget is per user: a second socket of the flooder is out of messages too; others are unaffected. */
    @Test
    void floodingClosesWith1008AndTheBudgetIsPerUser() {
        TestAccounts.User flooder = TestAccounts.create(new TestHttp(port), "ANALYST");
        try (TestSocket first = TestSocket.connectAs(port, "/ws", flooder.token());
             TestSocket second = TestSocket.connectAs(port, "/ws", flooder.token());
             TestSocket bystander = TestSocket.connect(port, "/ws")) {
            flood(first, 60);
            assertThat(first.awaitClose(WAIT)).isEqualTo(1008);
            // 19 fit in a fresh budget (burst 20); the flooder's refills at 0.2/s, so it holds 19 again only after
            // 95 s, longer than this test may run.
            flood(second, 19);
            assertThat(second.awaitClose(WAIT)).isEqualTo(1008);
            bystander.send(Map.of("type", "ping"));
            assertThat(bystander.awaitType("pong", WAIT)).isNotNull();
        }
    }

    /**
     * A client that keeps sending after its budget is gone, and is busy sending rather than reading when the server
     * closes, still finds the 1008 close frame when it reads: the frame is not lost behind the client's own traffic.
     */
    @Test
    void aClientStillSendingReadsThe1008() throws Exception {
        TestAccounts.User flooder = TestAccounts.create(new TestHttp(port), "ANALYST");
        try (RawWebSocket socket = RawWebSocket.connectAs(port, "/ws", flooder.token(), 64 * 1024)) {
            Thread sender = new Thread(() -> {
                try {
                    while (!Thread.currentThread().isInterrupted()) {
                        socket.sendText("{\"type\":\"ping\"}", 50);
                    }
                } catch (java.io.UncheckedIOException closed) {
                    // the server is gone: nothing more to send
                }
            }, "flooder");
            sender.setDaemon(true);
            sender.start();
            Thread.sleep(1000); // busy sending, not reading: the close frame waits in the client's buffer
            RawWebSocket.Frame close = socket.readUntilClose(WAIT.toMillis());
            sender.interrupt();
            assertThat(close).as(socket.readSummary()).isNotNull();
            assertThat(close.closeCode()).isEqualTo(1008);
        }
    }

    /**
     * Pings one at a time, each after the last one's pong, until the server closes. Nothing is in flight when the
     * budget runs out: a JDK client whose send meets the closed socket can report that failure instead of the close
     * it received (seen with unanswered floods; a raw client reads the close, see above).
     */
    private static void flood(TestSocket socket, int messages) {
        for (int i = 0; i < messages && socket.closeCode() == null; i++) {
            try {
                socket.send(Map.of("type", "ping"));
                socket.awaitType("pong", WAIT);
            } catch (CompletionException | AssertionError closedMeanwhile) {
                break;
            }
        }
    }

    @Test
    void subscriptionsPastTheCapAreRefusedWithoutClosing() {
        TestHttp http = new TestHttp(port);
        String a = http.createJob("a.csv", Csv.sales(3));
        String b = http.createJob("b.csv", Csv.sales(3));
        String c = http.createJob("c.csv", Csv.sales(3));
        try (TestSocket socket = TestSocket.connect(port, "/ws")) {
            socket.send(Map.of("type", "subscribe_job", "job_id", a));
            socket.send(Map.of("type", "subscribe_job", "job_id", b));
            socket.send(Map.of("type", "subscribe_job", "job_id", c));
            var error = socket.awaitType("error", WAIT);
            assertThat(error.path("code").asString()).isEqualTo("too_many_subscriptions");
            assertThat(error.path("job_id").asString()).isEqualTo(c);
            socket.send(Map.of("type", "unsubscribe_job", "job_id", a));
            socket.awaitType("unsubscribed", WAIT);
            socket.send(Map.of("type", "subscribe_job", "job_id", c));
            socket.await(m -> "subscribed".equals(m.path("type").asString()) && c.equals(m.path("job_id").asString()),
                    WAIT);
        }
    }

    @Test
    void foreignOriginIsRefusedAtTheHandshake() {
        assertThatThrownBy(() -> TestSocket.connect(port, "/ws", Map.of("Origin", "https://evil.example")))
                .isInstanceOf(CompletionException.class)
                .satisfies(e -> assertThat(((java.net.http.WebSocketHandshakeException) e.getCause()).getResponse()
                        .statusCode()).isEqualTo(403));
    }

    @Test
    void ownAndAllowListedOriginsAreAccepted() {
        try (TestSocket own = TestSocket.connect(port, "/ws", Map.of("Origin", "http://localhost:" + port));
             TestSocket listed = TestSocket.connect(port, "/ws", Map.of("Origin", "https://trusted.example"))) {
            own.send(Map.of("type", "ping"));
            listed.send(Map.of("type", "ping"));
            own.awaitType("pong", WAIT);
            listed.awaitType("pong", WAIT);
        }
    }
}
