package io.sygnify.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;

import io.sygnify.server.support.Csv;
import io.sygnify.server.support.TempDataDir;
import io.sygnify.server.support.TestAccounts;
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

/** Resume by last_seq over WebSocket and by Last-Event-ID over SSE, on jobs that are really running. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Timeout(180)
class ResumeTest {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final Path DATA = TempDataDir.create("resume");
    private static final Path LARGE = Csv.largeSales(DATA, 600_000);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("sygnify.data-dir", DATA::toString);
        registry.add("sygnify.engine.threads", () -> "1");
    }

    @Value("${local.server.port}")
    int port;
    TestHttp http;

    @BeforeEach
    void client() {
        http = new TestHttp(port);
    }

    private String startLargeJob() throws Exception {
        TestHttp.Response upload = http.upload("file", "large.csv", Files.readAllBytes(LARGE));
        assertThat(upload.status()).isEqualTo(202);
        return upload.json().path("job_id").asString();
    }

    @Test
    void randomDisconnectsDuringAJobStillDeliverEveryEventExactlyOnceInOrder() throws Exception {
        String jobId = startLargeJob();
        Random random = new Random(42);
        List<Long> seen = new ArrayList<>();
        boolean complete = false;
        int connections = 0;
        while (!complete) {
            long lastSeq = seen.isEmpty() ? 0 : seen.get(seen.size() - 1);
            try (TestSocket socket = TestSocket.connect(port, "/ws/job/" + jobId + "?last_seq=" + lastSeq)) {
                connections++;
                int take = 1 + random.nextInt(4);
                for (int i = 0; i < take && !complete; i++) {
                    JsonNode event = socket.await(m -> m.has("seq"), WAIT);
                    seen.add(event.path("seq").asLong());
                    complete = !"job_update".equals(event.path("type").asString());
                }
            }
        }
        assertThat(connections).isGreaterThan(3);
        assertThat(seen).containsExactlyElementsOf(LongStream.rangeClosed(1, seen.size()).boxed().toList());
        assertThat(http.get("/api/jobs/" + jobId).json().path("last_seq").asLong()).isEqualTo(seen.size());
    }

    @Test
    void subscribersJoiningWhileEventsArePublishedMissNothing() throws Exception {
        String jobId = startLargeJob();
        List<TestSocket> sockets = new CopyOnWriteArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                TestSocket socket = TestSocket.connect(port, "/ws");
                socket.send(Map.of("type", "subscribe_job", "job_id", jobId, "last_seq", 0));
                sockets.add(socket);
                Thread.sleep(150); // join at different points of the running job
            }
            for (TestSocket socket : sockets) {
                socket.await(m -> "job_complete".equals(m.path("type").asString()), WAIT);
                List<Long> seqs = socket.received().stream().filter(m -> m.has("seq"))
                        .map(m -> m.path("seq").asLong()).toList();
                assertThat(seqs).containsExactlyElementsOf(LongStream.rangeClosed(1, seqs.size()).boxed().toList());
            }
        } finally {
            sockets.forEach(TestSocket::close);
        }
    }

    @Test
    void sseStreamResumesAfterLastEventIdAndEndsWithTheTerminalEvent() throws Exception {
        String jobId = http.createJob("sales.csv", Csv.sales(2000));
        long lastSeq = http.awaitTerminal(jobId, WAIT).path("last_seq").asLong();
        assertThat(lastSeq).isGreaterThan(3);

        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/jobs/" + jobId
                + "/events")).header("Accept", "text/event-stream").header("Last-Event-ID", "2")
                .header("Authorization", "Bearer " + TestAccounts.ADMIN_TOKEN).build();
        HttpResponse<java.io.InputStream> response = TestHttp.http11().send(request,
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        List<String> types = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("id:")) {
                    ids.add(Long.parseLong(line.substring(3).trim()));
                } else if (line.startsWith("event:")) {
                    types.add(line.substring(6).trim());
                }
            }
        }
        assertThat(ids).containsExactlyElementsOf(LongStream.rangeClosed(3, lastSeq).boxed().toList());
        assertThat(types.get(types.size() - 1)).isEqualTo("job_complete");
    }

    @Test
    void sseForAnUnknownJobIs404Problem() {
        TestHttp.Response response = http.get("/api/jobs/00000000-0000-0000-0000-000000000000/events");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().path("code").asString()).isEqualTo("job_not_found");
    }
}
