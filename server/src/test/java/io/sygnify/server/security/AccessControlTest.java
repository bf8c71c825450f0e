package io.sygnify.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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

/** Who may see a job, by REST, WebSocket and SSE; sharing, share links and revocation on live connections. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Timeout(120)
class AccessControlTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** "Within seconds": revocations must reach live connections at least this fast. */
    private static final Duration REVOCATION = Duration.ofSeconds(5);
    private static final Path DATA = TempDataDir.create("access");
    private static final String MISSING = "00000000-0000-0000-0000-000000000000";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("sygnify.data-dir", DATA::toString);
    }

    @Value("${local.server.port}")
    int port;
    TestHttp admin;
    TestAccounts.User alice;
    TestAccounts.User bob;

    @BeforeEach
    void users() {
        admin = new TestHttp(port);
        alice = TestAccounts.create(admin, "ANALYST");
        bob = TestAccounts.create(admin, "ANALYST");
    }

    private TestHttp as(TestAccounts.User user) {
        return admin.as(user.token());
    }

    private String finishedJobOf(TestAccounts.User owner) {
        String jobId = as(owner).createJob("private.csv", Csv.sales(50));
        as(owner).awaitTerminal(jobId, WAIT);
        return jobId;
    }

    @Test
    void anotherUsersJobIsAnsweredExactlyLikeAMissingOne() {
        String jobId = finishedJobOf(alice);
        TestHttp intruder = as(bob);
        for (String path : List.of("", "/insights", "/timeline", "/rows", "/rejects", "/rows.csv", "/events",
                "/shares")) {
            TestHttp.Response theirs = intruder.get("/api/jobs/" + jobId + path);
            TestHttp.Response missing = intruder.get("/api/jobs/" + MISSING + path);
            assertThat(theirs.status()).as(path).isEqualTo(404).isEqualTo(missing.status());
            assertThat(theirs.json().path("code").asString()).as(path).isEqualTo("job_not_found")
                    .isEqualTo(missing.json().path("code").asString());
        }
        assertThat(intruder.post("/api/jobs/" + jobId + "/cancel").status()).isEqualTo(404);
        assertThat(intruder.get("/api/jobs?size=200").json().path("items").toString()).doesNotContain(jobId);
        // Administrators run the system; they do not read other people's data either.
        assertThat(admin.get("/api/jobs/" + jobId).status()).isEqualTo(404);
        assertThat(as(alice).get("/api/jobs/" + jobId).json().path("access").asString()).isEqualTo("owner");
    }

    @Test
    void anotherUsersJobOverWebSocketIsJobNotFound() {
        String jobId = finishedJobOf(alice);
        try (TestSocket general = TestSocket.connectAs(port, "/ws", bob.token());
             TestSocket onPath = TestSocket.connectAs(port, "/ws/job/" + jobId, bob.token())) {
            general.send(Map.of("type", "subscribe_job", "job_id", jobId, "last_seq", 0));
            assertThat(general.awaitType("error", WAIT).path("code").asString()).isEqualTo("job_not_found");
            assertThat(onPath.awaitType("error", WAIT).path("code").asString()).isEqualTo("job_not_found");
            general.send(Map.of("type", "ping"));
            general.awaitType("pong", WAIT);
            assertThat(general.received()).noneMatch(m -> m.path("type").asString().startsWith("job_"));
            assertThat(onPath.received()).noneMatch(m -> m.path("type").asString().startsWith("job_"));
        }
    }

    @Test
    void socketWithoutValidCredentialIsClosedWith4401() {
        try (TestSocket anonymous = TestSocket.connectWithout(port, "/ws", Map.of());
             TestSocket forged = TestSocket.connectWithout(port, "/ws", Map.of("Authorization", "Bearer syg_forged"))) {
            assertThat(anonymous.awaitClose(WAIT)).isEqualTo(4401);
            assertThat(forged.awaitClose(WAIT)).isEqualTo(4401);
        }
    }

    @Test
    void browsersMayPresentTheirTokenAsASubprotocol() {
        String jobId = finishedJobOf(alice);
        try (TestSocket socket = TestSocket.connectWithSubprotocols(port, "/ws/job/" + jobId, "sygnify.v1",
                "bearer." + alice.token())) {
            assertThat(socket.subprotocol()).isEqualTo("sygnify.v1");
            assertThat(socket.awaitType("job_complete", WAIT).path("job_id").asString()).isEqualTo(jobId);
        }
    }

    @Test
    void revokedTokenClosesItsLiveSocketWithinSeconds() {
        TestAccounts.User carol = TestAccounts.create(admin, "ANALYST");
        String tokenId = as(carol).get("/api/tokens").json().get(0).path("id").asString();
        try (TestSocket socket = TestSocket.connectAs(port, "/ws", carol.token())) {
            socket.send(Map.of("type", "ping"));
            socket.awaitType("pong", WAIT);

            assertThat(as(carol).delete("/api/tokens/" + tokenId).status()).isEqualTo(204);

            assertThat(socket.awaitClose(REVOCATION)).isEqualTo(4401);
        }
        TestHttp.Response afterwards = as(carol).get("/api/jobs");
        assertThat(afterwards.status()).isEqualTo(401);
        assertThat(afterwards.json().path("code").asString()).isEqualTo("invalid_token");
    }

    @Test
    void disabledUserIsClosedWith4403AndCannotSignIn() {
        TestAccounts.User dave = TestAccounts.create(admin, "ANALYST");
        String daveId = admin.get("/api/admin/users").json().valueStream()
                .filter(u -> u.path("username").asString().equals(dave.username())).findFirst().orElseThrow()
                .path("id").asString();
        try (TestSocket socket = TestSocket.connectAs(port, "/ws", dave.token())) {
            socket.send(Map.of("type", "ping"));
            socket.awaitType("pong", WAIT);

            assertThat(admin.patchJson("/api/admin/users/" + daveId, "{\"enabled\":false}").status()).isEqualTo(200);

            assertThat(socket.awaitClose(REVOCATION)).isEqualTo(4403);
        }
        assertThat(as(dave).get("/api/jobs").status()).isEqualTo(401);
        assertThat(admin.anonymous().signIn(dave.username(), dave.password()).status()).isEqualTo(401);
    }

    @Test
    void sharedJobIsWatchedLiveTogetherWithPresenceButStaysReadOnly() {
        String jobId = as(alice).createJob("shared.csv", Csv.sales(150_000));
        assertThat(as(alice).postJson("/api/jobs/" + jobId + "/shares", "{\"username\":\"" + bob.username() + "\"}")
                .status()).isEqualTo(201);
        try (TestSocket owner = TestSocket.connectAs(port, "/ws", alice.token());
             TestSocket guest = TestSocket.connectAs(port, "/ws", bob.token())) {
            owner.send(Map.of("type", "subscribe_job", "job_id", jobId, "last_seq", 0));
            owner.awaitType("subscribed", WAIT);
            guest.send(Map.of("type", "subscribe_job", "job_id", jobId, "last_seq", 0));

            JsonNode seenByOwner = owner.await(m -> m.path("type").asString().equals("presence")
                    && m.path("viewers").size() == 2, WAIT);
            assertThat(seenByOwner.path("viewers").findValuesAsString("username"))
                    .containsExactlyInAnyOrder(alice.username(), bob.username());
            assertThat(guest.awaitType("job_complete", WAIT).path("job_id").asString()).isEqualTo(jobId);
            assertThat(guest.received()).anyMatch(m -> m.path("type").asString().equals("job_update"));
        }
        JsonNode asGuest = as(bob).get("/api/jobs/" + jobId).json();
        assertThat(asGuest.path("access").asString()).isEqualTo("shared");
        assertThat(asGuest.path("owner").asString()).isEqualTo(alice.username());
        assertThat(as(bob).get("/api/jobs/" + jobId + "/insights").status()).isEqualTo(200);
        assertThat(as(bob).get("/api/jobs?size=200").json().path("items").toString()).contains(jobId);
        TestHttp.Response reshare = as(bob).postJson("/api/jobs/" + jobId + "/share-links", "{}");
        assertThat(reshare.status()).isEqualTo(403);
        assertThat(reshare.json().path("code").asString()).isEqualTo("read_only");
    }

    @Test
    void removedShareEndsTheLiveSubscriptionAndAccess() {
        String jobId = finishedJobOf(alice);
        as(alice).postJson("/api/jobs/" + jobId + "/shares", "{\"username\":\"" + bob.username() + "\"}");
        try (TestSocket guest = TestSocket.connectAs(port, "/ws", bob.token())) {
            guest.send(Map.of("type", "subscribe_job", "job_id", jobId));
            guest.awaitType("job_complete", WAIT);

            assertThat(as(alice).delete("/api/jobs/" + jobId + "/shares/" + bob.username()).status()).isEqualTo(204);

            JsonNode ended = guest.awaitType("unsubscribed", REVOCATION);
            assertThat(ended.path("job_id").asString()).isEqualTo(jobId);
            assertThat(ended.path("reason").asString()).isEqualTo("access_revoked");
        }
        assertThat(as(bob).get("/api/jobs/" + jobId).status()).isEqualTo(404);
    }

    @Test
    void revokedShareLinkTakesAccessAwayFromEveryoneWhoCameThroughIt() {
        String jobId = finishedJobOf(alice);
        JsonNode link = as(alice).postJson("/api/jobs/" + jobId + "/share-links", "{}").json();
        String token = link.path("token").asString();
        assertThat(link.path("url").asString()).isEqualTo("/shared/" + token);
        assertThat(as(bob).get("/api/jobs/" + jobId).status()).as("before opening the link").isEqualTo(404);

        TestHttp.Response opened = as(bob).post("/api/share-links/" + token + "/open");
        assertThat(opened.json().path("job_id").asString()).isEqualTo(jobId);
        assertThat(as(bob).get("/api/jobs/" + jobId).status()).isEqualTo(200);

        try (TestSocket guest = TestSocket.connectAs(port, "/ws", bob.token())) {
            guest.send(Map.of("type", "subscribe_job", "job_id", jobId));
            guest.awaitType("job_complete", WAIT);
            assertThat(as(alice).delete("/api/jobs/" + jobId + "/share-links/" + link.path("id").asString())
                    .status()).isEqualTo(204);
            assertThat(guest.awaitType("unsubscribed", REVOCATION).path("reason").asString())
                    .isEqualTo("access_revoked");
        }
        assertThat(as(bob).get("/api/jobs/" + jobId).status()).isEqualTo(404);
        TestHttp.Response reopened = as(bob).post("/api/share-links/" + token + "/open");
        assertThat(reopened.status()).isEqualTo(404);
        assertThat(reopened.json().path("code").asString()).isEqualTo("share_link_not_found");
    }

    @Test
    void viewerCannotUpload() {
        TestAccounts.User viewer = TestAccounts.create(admin, "VIEWER");
        TestHttp.Response response = as(viewer).upload("v.csv", Csv.sales(5));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().path("code").asString()).isEqualTo("forbidden");
        assertThat(as(viewer).get("/api/jobs").status()).isEqualTo(200);
    }

    @Test
    void nonAdminCannotOpenTheMonitorOrItsStream() {
        for (String path : List.of("/api/system/health", "/api/system/metrics", "/api/system/alerts",
                "/api/activity", "/api/admin/users", "/actuator/prometheus")) {
            TestHttp.Response response = as(alice).get(path);
            assertThat(response.status()).as(path).isEqualTo(403);
            assertThat(admin.get(path).status()).as(path + " as admin").isIn(200, 503);
        }
        try (TestSocket socket = TestSocket.connectAs(port, "/ws", alice.token())) {
            socket.send(Map.of("type", "subscribe_system"));
            assertThat(socket.awaitType("error", WAIT).path("code").asString()).isEqualTo("forbidden");
            socket.send(Map.of("type", "ping"));
            socket.awaitType("pong", WAIT);
            assertThat(socket.received()).noneMatch(m -> m.path("type").asString().equals("system_metrics")
                    || m.path("type").asString().equals("jobs_snapshot"));
        }
        try (TestSocket socket = TestSocket.connect(port, "/ws")) {
            socket.send(Map.of("type", "subscribe_system"));
            assertThat(socket.awaitType("jobs_snapshot", WAIT)).isNotNull();
        }
    }

    @Test
    void unauthenticatedRequestsGet401ButPublicPagesStayOpen() {
        TestHttp anonymous = admin.anonymous();
        for (String path : List.of("/api/jobs", "/api/jobs/" + MISSING, "/api/auth/me", "/api/tokens")) {
            TestHttp.Response response = anonymous.get(path);
            assertThat(response.status()).as(path).isEqualTo(401);
            assertThat(response.json().path("code").asString()).as(path).isEqualTo("unauthenticated");
        }
        assertThat(anonymous.upload("a.csv", Csv.sales(3)).status()).isEqualTo(401);
        for (String path : List.of("/", "/login", "/actuator/health/liveness", "/api-docs")) {
            assertThat(anonymous.get(path).status()).as(path).isEqualTo(200);
        }
        assertThat(anonymous.get("/actuator/health").body()).doesNotContain("details");
    }
}
