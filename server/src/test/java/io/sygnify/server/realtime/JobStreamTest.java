package io.sygnify.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.sygnify.server.support.Csv;
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
class JobStreamTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path DATA = TempDataDir.create("stream");
    private static final List<String> STAGE_ORDER = List.of("queued", "parsing", "profiling", "analyzing",
            "insights_ready");

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
    void subscriberFromSeqZeroReceivesEveryEventInOrderEndingInCompleteWithMatchingInsights() {
        String jobId = http.createJob("sales.csv", Csv.sales(5000));
        try (TestSocket socket = TestSocket.connect(port, "/ws")) {
            socket.send(Map.of("type", "subscribe_job", "job_id", jobId, "last_seq", 0));
            socket.awaitType("subscribed", WAIT);
            JsonNode complete = socket.awaitType("job_complete", WAIT);

            List<JsonNode> events = jobEvents(socket.received());
            assertThat(events).extracting(e -> e.path("seq").asLong())
                    .containsExactlyElementsOf(rangeClosed(1, events.size()));
            assertProgressNeverDecreases(events);
            assertStagesInOrder(events);
            assertThat(events.get(0).path("stage").asString()).isEqualTo("queued");
            assertThat(complete.path("progress").asInt()).isEqualTo(100);
            assertThat(complete.path("timestamp").isDouble() || complete.path("timestamp").isNumber()).isTrue();

            JsonNode insights = complete.path("insights");
            assertThat(insights.path("dataset").path("rows").asLong()).isEqualTo(5000);
            assertThat(insights.path("dataset").path("columns").asInt()).isEqualTo(4);
            assertThat(insights.path("columns")).extracting(c -> c.path("name").asString() + ":" + c.path("type").asString())
                    .containsExactly("id:integer", "amount:decimal", "category:text", "day:date");

            // protocol 1.4: a job event's payload comes after its header (the parsed node keeps the wire order)
            assertThat(fieldNames(complete)).endsWith("timestamp", "insights");
            JsonNode section = events.stream().filter(e -> e.has("partial")).findFirst().orElseThrow();
            assertThat(fieldNames(section)).endsWith("timestamp", "partial");
        }
    }

    private static List<String> fieldNames(JsonNode message) {
        List<String> names = new java.util.ArrayList<>();
        message.propertyNames().forEach(names::add);
        return names;
    }

    @Test
    void pathSubscriberGetsCurrentStateFirstThenAGaplessStreamToTheEnd() {
        String jobId = http.createJob("sales.csv", Csv.sales(20000));
        try (TestSocket socket = TestSocket.connect(port, "/ws/job/" + jobId)) {
            socket.awaitType("job_complete", WAIT);
            List<JsonNode> events = jobEvents(socket.received());
            long first = events.get(0).path("seq").asLong();
            assertThat(events).extracting(e -> e.path("seq").asLong())
                    .containsExactlyElementsOf(rangeClosed(first, first + events.size() - 1));
            assertProgressNeverDecreases(events);
            assertStagesInOrder(events);
        }
    }

    @Test
    void lateSubscriberToFinishedJobGetsCompleteAtOnce() {
        String jobId = http.createJob("sales.csv", Csv.sales(100));
        http.awaitTerminal(jobId, WAIT);
        try (TestSocket socket = TestSocket.connect(port, "/ws")) {
            socket.send(Map.of("type", "subscribe_job", "job_id", jobId));
            socket.awaitType("subscribed", WAIT);
            JsonNode first = socket.await(m -> m.has("seq"), Duration.ofSeconds(5));
            assertThat(first.path("type").asString()).isEqualTo("job_complete");
            assertThat(first.path("insights").path("dataset").path("rows").asLong()).isEqualTo(100);
        }
    }

    @Test
    void unknownJobGetsJobNotFoundAndTheConnectionStaysOpen() {
        try (TestSocket socket = TestSocket.connect(port, "/ws")) {
            socket.send(Map.of("type", "subscribe_job", "job_id", "00000000-0000-0000-0000-000000000000"));
            JsonNode error = socket.awaitType("error", WAIT);
            assertThat(error.path("code").asString()).isEqualTo("job_not_found");
            socket.send(Map.of("type", "ping"));
            assertThat(socket.awaitType("pong", WAIT).path("timestamp").asDouble()).isPositive();
        }
    }

    /**
     * Messages that arrive while a subscribe is still reading history wait their turn; each must still be read as
     * sent (a message's buffer belongs to Netty once it has been handed on, so it is read at once).
     */
    @Test
    void messagesQueuedBehindASubscribeAreEachAnsweredAsSent() {
        String jobId = http.createJob("sales.csv", Csv.sales(2000));
        http.awaitTerminal(jobId, WAIT);
        try (TestSocket socket = TestSocket.connect(port, "/ws")) {
            for (int round = 0; round < 5; round++) {
                socket.send(Map.of("type", "subscribe_job", "job_id", jobId, "last_seq", 0));
                for (int i = 0; i < 8; i++) {
                    socket.send(Map.of("type", "unsubscribe_job", "job_id", "job-" + round + "-" + i));
                }
            }
            for (int round = 0; round < 5; round++) {
                for (int i = 0; i < 8; i++) {
                    String id = "job-" + round + "-" + i;
                    socket.await(m -> "unsubscribed".equals(m.path("type").asString())
                            && id.equals(m.path("job_id").asString()), WAIT);
                }
            }
            assertThat(socket.received()).noneMatch(m -> "error".equals(m.path("type").asString()));
            assertThat(socket.closeCode()).isNull();
        }
    }

    @Test
    void invalidJsonAndUnknownTypeGetErrorsWithoutClosing() {
        try (TestSocket socket = TestSocket.connect(port, "/ws")) {
            socket.send("{not json");
            assertThat(socket.awaitType("error", WAIT).path("code").asString()).isEqualTo("invalid_json");
            socket.send(Map.of("type", "launch_rockets"));
            assertThat(socket.awaitType("error", WAIT).path("code").asString()).isEqualTo("unknown_type");
            socket.send(Map.of("type", "subscribe_job"));
            assertThat(socket.awaitType("error", WAIT).path("code").asString()).isEqualTo("invalid_message");
            socket.send(Map.of("type", "ping"));
            socket.awaitType("pong", WAIT);
            assertThat(socket.closeCode()).isNull();
        }
    }

    @Test
    void unknownJobOnPathGetsJobNotFound() {
        try (TestSocket socket = TestSocket.connect(port, "/ws/job/nope")) {
            assertThat(socket.awaitType("error", WAIT).path("code").asString()).isEqualTo("job_not_found");
        }
    }

    static List<JsonNode> jobEvents(List<JsonNode> messages) {
        return messages.stream().filter(m -> m.path("type").asString().startsWith("job_")).toList();
    }

    static void assertProgressNeverDecreases(List<JsonNode> events) {
        int last = -1;
        for (JsonNode event : events) {
            int progress = event.path("progress").asInt();
            assertThat(progress).as("progress of seq %s", event.path("seq")).isGreaterThanOrEqualTo(last);
            last = progress;
        }
    }

    static void assertStagesInOrder(List<JsonNode> events) {
        int last = -1;
        for (JsonNode event : events) {
            int index = STAGE_ORDER.indexOf(event.path("stage").asString());
            assertThat(index).as("stage of seq %s", event.path("seq")).isGreaterThanOrEqualTo(last);
            last = index;
        }
    }

    static List<Long> rangeClosed(long from, long to) {
        return java.util.stream.LongStream.rangeClosed(from, to).boxed().toList();
    }
}
