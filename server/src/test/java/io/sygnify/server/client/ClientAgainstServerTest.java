package io.sygnify.server.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import io.sygnify.client.ClientConfig;
import io.sygnify.client.ConnectionState;
import io.sygnify.client.Job;
import io.sygnify.client.JobEvent;
import io.sygnify.client.JobEventType;
import io.sygnify.client.JobPage;
import io.sygnify.client.ProtocolError;
import io.sygnify.client.RealtimeConnection;
import io.sygnify.client.SygnifyApiException;
import io.sygnify.client.SygnifyClient;
import io.sygnify.server.support.Csv;
import io.sygnify.server.support.TempDataDir;
import io.sygnify.server.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The client library against the real server: REST calls and the live event stream. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Timeout(120)
class ClientAgainstServerTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path DATA = TempDataDir.create("client-api");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("sygnify.data-dir", DATA::toString);
    }

    @Value("${local.server.port}")
    int port;
    ClientConfig config;
    SygnifyClient client;

    @BeforeEach
    void client() {
        config = ClientConfig.of("http://localhost:" + port).withToken(TestAccounts.ADMIN_TOKEN);
        client = new SygnifyClient(config);
    }

    @Test
    void uploadedFileStreamsEverySeqExactlyOnceInOrderToComplete() throws Exception {
        Path file = csv("sales.csv", Csv.sales(20_000));
        Recorder<JobEvent> events = new Recorder<>();

        String jobId = client.upload(file).jobId();
        try (RealtimeConnection connection = new RealtimeConnection(config)) {
            connection.addJobEventListener(jobId, events);
            connection.subscribeToJob(jobId, 0);
            connection.connect().get(10, TimeUnit.SECONDS);
            JobEvent complete = events.await(e -> e.type() == JobEventType.COMPLETE, WAIT);

            List<JobEvent> received = events.items();
            assertThat(received).extracting(JobEvent::seq)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, received.size()).boxed().toList());
            assertThat(received).extracting(JobEvent::jobId).containsOnly(jobId);
            assertThat(received.get(0).stage()).isEqualTo("queued");
            assertThat(received).last().isEqualTo(complete);
            assertThat(complete.progress()).isEqualTo(100);
            assertThat(complete.insights().path("dataset").path("rows").asLong()).isEqualTo(20_000);
            Job job = client.job(jobId);
            assertThat(job.status()).isEqualTo("insights_ready");
            assertThat(job.lastSeq()).isEqualTo(complete.seq());
            assertThat(client.insights(jobId)).isEqualTo(complete.insights());
        }
    }

    @Test
    void listenersOfOneTypeGetOnlyThatType() throws Exception {
        String jobId = client.upload(csv("typed.csv", Csv.sales(500))).jobId();
        Recorder<JobEvent> completes = new Recorder<>();
        Recorder<JobEvent> all = new Recorder<>();
        try (RealtimeConnection connection = new RealtimeConnection(config)) {
            connection.addJobEventListener(jobId, "complete", completes);
            connection.addJobEventListener(jobId, all);
            connection.subscribeToJob(jobId, 0);
            connection.connect();

            all.await(e -> e.type() == JobEventType.COMPLETE, WAIT);

            assertThat(completes.items()).singleElement().extracting(JobEvent::type).isEqualTo(JobEventType.COMPLETE);
            assertThat(all.items().size()).isGreaterThan(1);
        }
    }

    @Test
    void subscriberWithoutLastSeqToAFinishedJobGetsItsCompleteEventAtOnce() throws Exception {
        String jobId = client.upload(csv("late.csv", Csv.sales(100))).jobId();
        Recorder<JobEvent> first = new Recorder<>();
        try (RealtimeConnection connection = new RealtimeConnection(config)) {
            connection.addJobEventListener(jobId, first);
            connection.subscribeToJob(jobId, 0);
            connection.connect();
            first.await(e -> e.type() == JobEventType.COMPLETE, WAIT);
        }

        Recorder<JobEvent> late = new Recorder<>();
        try (RealtimeConnection connection = new RealtimeConnection(config)) {
            connection.addJobEventListener(jobId, late);
            connection.subscribeToJob(jobId);
            connection.connect();

            JobEvent complete = late.await(e -> e.type() == JobEventType.COMPLETE, WAIT);
            assertThat(late.items()).containsExactly(complete);
            assertThat(complete.insights()).isNotNull();
        }
    }

    @Test
    void subscribingToAnUnknownJobReportsJobNotFoundAndKeepsTheConnectionOpen() throws Exception {
        Recorder<ProtocolError> errors = new Recorder<>();
        try (RealtimeConnection connection = new RealtimeConnection(config)) {
            connection.addProtocolErrorListener(errors);
            connection.connect().get(10, TimeUnit.SECONDS);
            connection.subscribeToJob("no-such-job");

            ProtocolError error = errors.await(e -> true, WAIT);

            assertThat(error.code()).isEqualTo("job_not_found");
            assertThat(error.jobId()).isEqualTo("no-such-job");
            assertThat(connection.state()).isInstanceOf(ConnectionState.Connected.class);
        }
    }

    @Test
    void unknownJobIsATypedNotFound() {
        assertThatThrownBy(() -> client.job("no-such-job"))
                .isInstanceOfSatisfying(SygnifyApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.code()).isEqualTo("job_not_found");
                    assertThat(e.detail()).contains("no-such-job");
                });
    }

    @Test
    void jobListContainsTheUploadAndRejectsAnUnknownStatusFilter() throws Exception {
        String jobId = client.upload(csv("listed.csv", Csv.sales(10))).jobId();

        JobPage page = client.jobs(0, 200, null);

        assertThat(page.items()).extracting(Job::id).contains(jobId);
        assertThat(page.total()).isGreaterThanOrEqualTo(page.items().size());
        assertThatThrownBy(() -> client.jobs(0, 10, "bogus"))
                .isInstanceOfSatisfying(SygnifyApiException.class, e -> assertThat(e.code()).isEqualTo("invalid_status"));
    }

    @Test
    void cancelledJobEndsWithAnErrorEventOfStageCancelled() throws Exception {
        String jobId = client.upload(csv("cancel.csv", Csv.sales(200_000))).jobId();
        Recorder<JobEvent> events = new Recorder<>();
        try (RealtimeConnection connection = new RealtimeConnection(config)) {
            connection.addJobEventListener(jobId, events);
            connection.subscribeToJob(jobId, 0);
            connection.connect();

            client.cancel(jobId);
            JobEvent end = events.await(e -> e.type().terminal(), WAIT);

            assertThat(end.type()).isEqualTo(JobEventType.ERROR);
            assertThat(end.stage()).isEqualTo("cancelled");
            assertThat(end.code()).isEqualTo("cancelled");
            assertThatThrownBy(() -> client.cancel(jobId)).isInstanceOfSatisfying(SygnifyApiException.class,
                    e -> assertThat(e.code()).isEqualTo("job_finished"));
        }
    }

    @Test
    void aFinishedJobIsDeletedAndARunningOneIsRefused() throws Exception {
        String running = client.upload(csv("running.csv", Csv.sales(300_000))).jobId();
        assertThatThrownBy(() -> client.delete(running)).isInstanceOfSatisfying(SygnifyApiException.class,
                e -> assertThat(e.code()).isEqualTo("job_running"));
        client.cancel(running);
        String finished = client.upload(csv("done.csv", Csv.sales(20))).jobId();
        await(() -> client.job(finished).status().equals("insights_ready") && client.job(running).status()
                .equals("cancelled"));

        client.delete(finished);

        assertThatThrownBy(() -> client.job(finished)).isInstanceOfSatisfying(SygnifyApiException.class,
                e -> assertThat(e.code()).isEqualTo("job_not_found"));
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited %s", WAIT).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static Path csv(String name, String content) throws Exception {
        Path file = Files.createTempFile(DATA, "upload-", "-" + name);
        Files.writeString(file, content);
        return file;
    }
}
