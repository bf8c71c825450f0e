package io.sygnify.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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

/** DELETE /api/jobs/{id}: the owner removes a finished job and everything stored for it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Timeout(120)
class JobDeletionTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path DATA = TempDataDir.create("deletion");

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

    private static Set<Path> uploads() throws Exception {
        try (Stream<Path> all = Files.list(DATA.resolve("uploads"))) {
            return all.collect(Collectors.toSet());
        }
    }

    @Test
    void theOwnerDeletesAFinishedJobWithItsReportRowsAndUpload() throws Exception {
        Set<Path> before = Files.isDirectory(DATA.resolve("uploads")) ? uploads() : Set.of();
        String jobId = as(alice).createJob("sales.csv", Csv.sales(40));
        as(alice).awaitTerminal(jobId, WAIT);
        Set<Path> upload = new HashSet<>(uploads());
        upload.removeAll(before);
        Path engineOutput = DATA.resolve("jobs").resolve(jobId);
        assertThat(upload).as("the stored upload").hasSize(1);
        assertThat(engineOutput.resolve("rows.parquet")).exists();

        TestHttp.Response deleted = as(alice).delete("/api/jobs/" + jobId);

        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(204);
        for (String path : List.of("", "/insights", "/timeline", "/rows", "/rows.csv")) {
            assertThat(as(alice).get("/api/jobs/" + jobId + path).status()).as(path).isEqualTo(404);
        }
        assertThat(as(alice).get("/api/jobs?size=100").json().path("items").valueStream()
                .map(j -> j.path("id").asString()).toList()).doesNotContain(jobId);
        assertThat(upload.iterator().next()).doesNotExist();
        assertThat(engineOutput).doesNotExist();
        assertThat(as(alice).delete("/api/jobs/" + jobId).status()).as("deleted twice").isEqualTo(404);
        JsonNode deletion = awaitActivity(admin, "job_deleted", jobId.substring(0, 8));
        assertThat(deletion.path("message").asString())
                .isEqualTo("Job " + jobId.substring(0, 8) + " (sales.csv) deleted by its owner.");
        assertThat(deletion.path("job_id").asString()).as("the entry names the deleted job").isEqualTo(jobId);
        assertThat(admin.get("/api/activity?size=100").json().path("items").valueStream()
                .filter(entry -> entry.path("message").asString().contains(jobId.substring(0, 8)))
                .filter(entry -> !entry.path("kind").asString().equals("job_deleted"))
                .map(entry -> entry.path("kind").asString() + " " + entry.path("job_id").asString(null)))
                .as("the job's earlier entries, no longer linked").contains("job_created null", "job_completed null")
                .allMatch(entry -> entry.endsWith(" null"));
    }

    /** The activity entry of {@code kind} whose message mentions {@code text}; activity is written behind. */
    static JsonNode awaitActivity(TestHttp admin, String kind, String text) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            for (JsonNode entry : admin.get("/api/activity?size=100").json().path("items")) {
                if (kind.equals(entry.path("kind").asString()) && entry.path("message").asString().contains(text)) {
                    return entry;
                }
            }
            assertThat(System.nanoTime()).as("no %s activity about %s", kind, text).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    @Test
    void aRunningJobIsNotDeletedUntilItIsCancelled() throws Exception {
        String jobId = as(alice).createJob("large.csv", Files.readString(Csv.largeSales(DATA, 600_000)));
        TestHttp.Response refused = as(alice).delete("/api/jobs/" + jobId);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().path("code").asString()).isEqualTo("job_running");
        assertThat(refused.json().path("detail").asString()).contains("cancel it first");

        as(alice).post("/api/jobs/" + jobId + "/cancel");
        as(alice).awaitTerminal(jobId, WAIT);
        assertThat(as(alice).delete("/api/jobs/" + jobId).status()).isEqualTo(204);
    }

    @Test
    void onlyTheOwnerMayDeleteAndWatchersAreToldTheJobIsGone() {
        String jobId = as(alice).createJob("shared.csv", Csv.sales(30));
        as(alice).awaitTerminal(jobId, WAIT);
        assertThat(as(alice).postJson("/api/jobs/" + jobId + "/shares", "{\"username\":\"" + bob.username()
                + "\"}").status()).isEqualTo(201);
        TestAccounts.User carol = TestAccounts.create(admin, "ANALYST");

        TestHttp.Response byReader = as(bob).delete("/api/jobs/" + jobId);
        assertThat(byReader.status()).isEqualTo(403);
        assertThat(byReader.json().path("code").asString()).isEqualTo("read_only");
        assertThat(as(carol).delete("/api/jobs/" + jobId).status()).isEqualTo(404);
        assertThat(admin.delete("/api/jobs/" + jobId).status()).as("administrators do not own it").isEqualTo(404);

        try (TestSocket reader = TestSocket.connectAs(port, "/ws", bob.token())) {
            reader.send(Map.of("type", "subscribe_job", "job_id", jobId));
            reader.awaitType("job_complete", WAIT);
            assertThat(as(alice).delete("/api/jobs/" + jobId).status()).isEqualTo(204);
            assertThat(reader.awaitType("unsubscribed", WAIT).path("reason").asString()).isEqualTo("job_deleted");
        }
        assertThat(as(bob).get("/api/jobs/" + jobId).status()).isEqualTo(404);
    }
}
