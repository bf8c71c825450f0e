package io.sygnify.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.LongStream;

import io.sygnify.server.support.ClusterNode;
import io.sygnify.server.support.Csv;
import io.sygnify.server.support.Nginx;
import io.sygnify.server.support.TempDataDir;
import io.sygnify.server.support.TcpProxy;
import io.sygnify.server.support.TestAccounts;
import io.sygnify.server.support.TestHttp;
import io.sygnify.server.support.TestSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import tools.jackson.databind.JsonNode;

/**
 * Two real instances in separate JVMs sharing this machine's PostgreSQL (own schema) and Redis (own key
 * prefix): events cross instances, jobs survive a killed instance, Redis and PostgreSQL outages end cleanly, and
 * access rules hold everywhere. Redis and PostgreSQL are reached through TCP proxies, so that "restarting"
 * them cuts this test's connections only, not those of anyone else using the machine's services.
 */
@Timeout(300)
@ExtendWith(ClusterIT.DumpNodesOnFailure.class)
class ClusterIT {

    /** A failed scenario leaves each live node's thread dump beside its log under target/cluster-logs. */
    static final class DumpNodesOnFailure implements TestExecutionExceptionHandler {
        @Override
        public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
            for (AutoCloseable resource : ((ClusterIT) context.getRequiredTestInstance()).resources) {
                if (resource instanceof ClusterNode node) {
                    failure.addSuppressed(new AssertionError("Node " + node.name() + ": log " + node.log()
                            + ", threads " + node.dumpThreads()));
                }
            }
            throw failure;
        }
    }

    private static final String PG = System.getenv().getOrDefault("SYGNIFY_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/test");
    private static final int REDIS_PORT = Integer.parseInt(System.getenv().getOrDefault("SYGNIFY_TEST_REDIS_PORT",
            "6379"));
    private static final Duration LEASE = Duration.ofSeconds(3);
    private static final Duration WAIT = Duration.ofSeconds(120);

    private final List<AutoCloseable> resources = new ArrayList<>();
    private String schema;
    private TcpProxy redisProxy;
    private TcpProxy postgresProxy;
    private ClusterNode.Shared shared;

    @BeforeEach
    void sharedServices() throws Exception {
        schema = "sygnify_cluster_" + UUID.randomUUID().toString().replace("-", "");
        redisProxy = new TcpProxy(REDIS_PORT);
        postgresProxy = new TcpProxy(5432);
        Path data = TempDataDir.create("cluster");
        shared = new ClusterNode.Shared("jdbc:postgresql://127.0.0.1:" + postgresProxy.port() + "/test", schema,
                "redis://127.0.0.1:" + redisProxy.port(), "sygnify-it-" + UUID.randomUUID(), data, LEASE);
    }

    @AfterEach
    void tearDown() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
        redisProxy.close();
        postgresProxy.close();
        try (var connection = DriverManager.getConnection(PG, "postgres", "");
             var statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private ClusterNode node(String name, String... extra) {
        ClusterNode node = ClusterNode.start(name, shared, extra);
        resources.add(node);
        return node;
    }

    private static String upload(ClusterNode node, Path csv) throws Exception {
        TestHttp.Response response = node.http().upload("file", csv.getFileName().toString(),
                Files.readAllBytes(csv));
        assertThat(response.status()).as(response.toString()).isEqualTo(202);
        return response.json().path("job_id").asString();
    }

    private static List<Long> seqsOf(TestSocket socket, String jobId) {
        return socket.received().stream().filter(m -> jobId.equals(m.path("job_id").asString()) && m.has("seq"))
                .map(m -> m.path("seq").asLong()).toList();
    }

    private static long lastSeq(TestHttp http, String jobId) {
        return http.get("/api/jobs/" + jobId).json().path("last_seq").asLong();
    }

    @Test
    void aClientOnOneInstanceFollowsAJobRunningOnAnotherAndResumesThereWhenItsInstanceGoesAway() throws Exception {
        ClusterNode a = node("a");
        ClusterNode b = node("b");
        String jobId = upload(a, Csv.largeSales(shared.dataDir(), 800_000));
        ClusterNode runner = awaitRunner(jobId, a, b);
        ClusterNode other = runner == a ? b : a;

        List<Long> seen = new ArrayList<>();
        try (TestSocket watcher = TestSocket.connect(other.port(), "/ws")) {
            watcher.send(Map.of("type", "subscribe_job", "job_id", jobId, "last_seq", 0));
            // Live events of a job running elsewhere arrive here.
            watcher.await(m -> jobId.equals(m.path("job_id").asString()) && m.path("seq").asLong() >= 4, WAIT);
            other.kill();
            seen.addAll(seqsOf(watcher, jobId));
        }
        try (TestSocket resumed = TestSocket.connect(runner.port(), "/ws")) {
            resumed.send(Map.of("type", "subscribe_job", "job_id", jobId, "last_seq", seen.get(seen.size() - 1)));
            resumed.awaitType("job_complete", WAIT);
            seen.addAll(seqsOf(resumed, jobId));
        }
        assertThat(seen).isEqualTo(LongStream.rangeClosed(1, lastSeq(runner.http(), jobId)).boxed().toList());
    }

    @Test
    void aKilledInstancesJobIsTakenOverAndReconnectingClientsSeeEveryEventOnce() throws Exception {
        ClusterNode a = node("a");
        ClusterNode b = node("b");
        String jobId = upload(a, Csv.largeSales(shared.dataDir(), 1_200_000));
        ClusterNode runner = awaitRunner(jobId, a, b);
        ClusterNode survivor = runner == a ? b : a;

        List<Long> onRunner = new ArrayList<>();
        try (TestSocket atSurvivor = TestSocket.connect(survivor.port(), "/ws")) {
            atSurvivor.send(Map.of("type", "subscribe_job", "job_id", jobId, "last_seq", 0));
            try (TestSocket atRunner = TestSocket.connect(runner.port(), "/ws")) {
                atRunner.send(Map.of("type", "subscribe_job", "job_id", jobId, "last_seq", 0));
                atRunner.await(m -> jobId.equals(m.path("job_id").asString()) && m.path("seq").asLong() >= 4, WAIT);
                runner.kill();
                onRunner.addAll(seqsOf(atRunner, jobId));
            }
            long killedAt = System.nanoTime();
            // The client of the dead instance reconnects to the survivor and resumes from its last seq.
            try (TestSocket reconnected = TestSocket.connect(survivor.port(), "/ws")) {
                reconnected.send(Map.of("type", "subscribe_job", "job_id", jobId, "last_seq",
                        onRunner.get(onRunner.size() - 1)));
                JsonNode takeover = reconnected.await(m -> m.path("message").asString().contains("stopped answering"),
                        WAIT);
                assertThat(Duration.ofNanos(System.nanoTime() - killedAt)).as("taken over within lease + a few s")
                        .isLessThan(LEASE.plusSeconds(10));
                assertThat(takeover.path("stage").asString()).isEqualTo("queued");
                reconnected.awaitType("job_complete", WAIT);
                onRunner.addAll(seqsOf(reconnected, jobId));
            }
            atSurvivor.awaitType("job_complete", WAIT);
            long last = lastSeq(survivor.http(), jobId);
            List<Long> everySeq = LongStream.rangeClosed(1, last).boxed().toList();
            assertThat(onRunner).as("reconnected client").isEqualTo(everySeq);
            assertThat(seqsOf(atSurvivor, jobId)).as("client of the survivor").isEqualTo(everySeq);
        }
        JsonNode finished = survivor.http().get("/api/jobs/" + jobId).json();
        assertThat(finished.path("status").asString()).isEqualTo("insights_ready");
        assertThat(finished.path("attempts").asInt()).isEqualTo(2);
    }

    @Test
    void aJobCancelledThroughTheOtherInstanceStopsWhereItRunsAtOnce() throws Exception {
        // A lease renewed every 100 s: what stops the run is the cancelled event, not a failed renewal.
        shared = new ClusterNode.Shared(shared.postgresUrl(), shared.schema(), shared.redisUrl(),
                shared.redisPrefix(), shared.dataDir(), Duration.ofMinutes(5));
        ClusterNode a = node("a");
        ClusterNode b = node("b");
        String jobId = upload(a, Csv.largeSales(shared.dataDir(), 2_500_000));
        ClusterNode runner = awaitRunner(jobId, a, b);
        ClusterNode other = runner == a ? b : a;

        TestHttp.Response cancel = other.http().post("/api/jobs/" + jobId + "/cancel");
        assertThat(cancel.status()).as(cancel.toString()).isEqualTo(202);
        assertThat(cancel.json().path("status").asString()).isEqualTo("cancelled");
        long cancelledAt = System.nanoTime();
        while (runningJobs(runner) > 0) {
            assertThat(Duration.ofNanos(System.nanoTime() - cancelledAt)).as("the runner still analyses the job")
                    .isLessThan(Duration.ofSeconds(5));
            sleep(100);
        }
        assertThat(runner.http().get("/api/jobs/" + jobId).json().path("status").asString()).isEqualTo("cancelled");
    }

    private static int runningJobs(ClusterNode node) {
        return node.http().get("/api/system/instances").json().path("instances").get(0).path("running_jobs").asInt();
    }

    @Test
    void redisRestartedDuringAJobLosesNoTerminalEventAndHealthFollowsIt() throws Exception {
        ClusterNode a = node("a");
        ClusterNode b = node("b");
        String jobId = upload(a, Csv.largeSales(shared.dataDir(), 600_000));
        ClusterNode runner = awaitRunner(jobId, a, b);
        ClusterNode other = runner == a ? b : a;
        try (TestSocket watcher = TestSocket.connect(other.port(), "/ws")) {
            watcher.send(Map.of("type", "subscribe_job", "job_id", jobId, "last_seq", 0));
            watcher.await(m -> jobId.equals(m.path("job_id").asString()) && m.path("seq").asLong() >= 2, WAIT);

            int port = redisProxy.port();
            redisProxy.close();
            awaitRedis(other, "DOWN");
            awaitRedis(runner, "DOWN");
            Thread.sleep(2000);
            redisProxy = new TcpProxy(REDIS_PORT, port);
            awaitRedis(other, "UP");

            watcher.awaitType("job_complete", WAIT);
            assertThat(seqsOf(watcher, jobId))
                    .isEqualTo(LongStream.rangeClosed(1, lastSeq(other.http(), jobId)).boxed().toList());
        }
    }

    @Test
    void postgresRestartedDuringAJobLeavesNothingRunning() throws Exception {
        ClusterNode a = node("a");
        ClusterNode b = node("b");
        List<String> jobs = List.of(upload(a, Csv.largeSales(shared.dataDir(), 500_000)),
                upload(b, Csv.largeSales(shared.dataDir(), 300_000)));
        awaitRunner(jobs.get(0), a, b);

        int port = postgresProxy.port();
        postgresProxy.close();
        Thread.sleep(LEASE.toMillis() + 2000);
        postgresProxy = new TcpProxy(5432, port);

        for (String jobId : jobs) {
            JsonNode job = a.http().awaitTerminal(jobId, WAIT);
            // Either the retry succeeded or the job says why it failed; it does not hang as "running".
            assertThat(job.path("status").asString()).isIn("insights_ready", "error");
            if (job.path("status").asString().equals("error")) {
                assertThat(job.path("error").asString()).isNotBlank();
            }
        }
    }

    @Test
    void accessRulesAndSharingHoldAcrossInstances() throws Exception {
        ClusterNode a = node("a");
        ClusterNode b = node("b");
        TestAccounts.User alice = TestAccounts.create(a.http(), "ANALYST");
        TestAccounts.User bob = TestAccounts.create(b.http(), "ANALYST");
        TestHttp aliceOnA = a.http().as(alice.token());
        TestHttp bobOnB = b.http().as(bob.token());
        String jobId = aliceOnA.createJob("private.csv", Csv.sales(200));
        aliceOnA.awaitTerminal(jobId, WAIT);

        assertThat(bobOnB.get("/api/jobs/" + jobId).status()).isEqualTo(404);
        assertThat(aliceOnA.postJson("/api/jobs/" + jobId + "/shares", "{\"username\":\"" + bob.username() + "\"}")
                .status()).isEqualTo(201);
        assertThat(bobOnB.get("/api/jobs/" + jobId).status()).isEqualTo(200);
        try (TestSocket guestOnB = TestSocket.connectAs(b.port(), "/ws", bob.token())) {
            guestOnB.send(Map.of("type", "subscribe_job", "job_id", jobId));
            guestOnB.awaitType("job_complete", WAIT);

            assertThat(aliceOnA.delete("/api/jobs/" + jobId + "/shares/" + bob.username()).status()).isEqualTo(204);

            assertThat(guestOnB.awaitType("unsubscribed", Duration.ofSeconds(10)).path("reason").asString())
                    .isEqualTo("access_revoked");
        }
        String tokenId = bobOnB.get("/api/tokens").json().get(0).path("id").asString();
        try (TestSocket bobSocketOnA = TestSocket.connectAs(a.port(), "/ws", bob.token())) {
            bobSocketOnA.send(Map.of("type", "ping"));
            bobSocketOnA.awaitType("pong", WAIT);
            assertThat(bobOnB.delete("/api/tokens/" + tokenId).status()).isEqualTo(204);
            assertThat(bobSocketOnA.awaitClose(Duration.ofSeconds(10))).isEqualTo(4401);
        }
    }

    @Test
    void uploadsThroughNginxReachEitherInstanceAndAreAnalysedByWhicheverClaimsThem() throws Exception {
        assumeTrue(Nginx.installed(), "nginx is not installed (.ci/run installs Debian's package)");
        ClusterNode a = node("a");
        ClusterNode b = node("b");
        Nginx nginx = Nginx.start(List.of(a.port(), b.port()));
        resources.add(nginx);
        TestHttp front = new TestHttp(nginx.port());
        Set<String> answeredBy = new HashSet<>();
        List<String> jobs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            TestHttp.Response response = front.upload("f" + i + ".csv", Csv.sales(20_000));
            assertThat(response.status()).as(response.toString()).isEqualTo(202);
            answeredBy.add(response.header("X-Sygnify-Instance"));
            jobs.add(response.json().path("job_id").asString());
        }
        assertThat(answeredBy).containsExactlyInAnyOrder("a", "b");
        for (String jobId : jobs) {
            assertThat(front.awaitTerminal(jobId, WAIT).path("status").asString()).isEqualTo("insights_ready");
        }
        // Live events through nginx's WebSocket proxying, resumable from any instance behind it.
        try (TestSocket socket = TestSocket.connect(nginx.port(), "/ws/job/" + jobs.get(0) + "?last_seq=0")) {
            socket.awaitType("job_complete", WAIT);
            assertThat(seqsOf(socket, jobs.get(0)))
                    .isEqualTo(LongStream.rangeClosed(1, lastSeq(front, jobs.get(0))).boxed().toList());
        }
    }

    @Test
    void theMonitorListsEveryInstanceWithTotals() {
        ClusterNode a = node("a");
        node("b");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode instances = null;
        while (System.nanoTime() < deadline) {
            instances = a.http().get("/api/system/instances").json();
            if (instances.path("instances").size() == 2) {
                break;
            }
            sleep(250);
        }
        assertThat(instances.path("instances").findValuesAsString("instance_id")).containsExactly("a", "b");
        assertThat(instances.path("instances").get(0).path("self").asBoolean()).isTrue();
        assertThat(instances.path("totals").path("instances").asInt()).isEqualTo(2);
        assertThat(instances.path("totals").path("workers").asInt()).isEqualTo(2);
    }

    /** The instance whose worker runs the job (the one with a running job in its own monitor figures). */
    private static ClusterNode awaitRunner(String jobId, ClusterNode... nodes) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode job = nodes[0].http().get("/api/jobs/" + jobId).json();
            if (job.path("status").asString().matches("parsing|profiling|analyzing")) {
                for (ClusterNode node : nodes) {
                    if (runningJobs(node) > 0) {
                        return node;
                    }
                }
            }
            sleep(100);
        }
        throw new AssertionError("Job " + jobId + " was not started by any instance");
    }

    private static void awaitRedis(ClusterNode node, String status) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            JsonNode health = node.http().get("/api/system/health").json();
            for (JsonNode component : health.path("components")) {
                if (component.path("name").asString().equals("redis")) {
                    last = component.path("status").asString();
                }
            }
            if (status.equals(last)) {
                return;
            }
            sleep(200);
        }
        throw new AssertionError("Redis health on " + node.name() + " did not become " + status + " (was " + last
                + ")");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
