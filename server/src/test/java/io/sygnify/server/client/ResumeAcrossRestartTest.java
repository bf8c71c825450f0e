package io.sygnify.server.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

import io.sygnify.client.ClientConfig;
import io.sygnify.client.ConnectionState;
import io.sygnify.client.JobEvent;
import io.sygnify.client.JobEventType;
import io.sygnify.client.RealtimeConnection;
import io.sygnify.client.ReconnectPolicy;
import io.sygnify.client.SygnifyClient;
import io.sygnify.server.SygnifyApplication;
import io.sygnify.server.support.Csv;
import io.sygnify.server.support.TempDataDir;
import io.sygnify.server.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The server is stopped while a job runs and started again on the same port and data directory: the client
 * reconnects by itself, resumes from the last seq it saw and ends with the job's complete event, every seq once.
 */
@Timeout(240)
class ResumeAcrossRestartTest {

    private static final Duration WAIT = Duration.ofSeconds(120);
    /** Retries every ≤ 500 ms for well over the time a restart takes. */
    private static final ReconnectPolicy FAST_RETRY =
            new ReconnectPolicy(Duration.ofMillis(100), Duration.ofMillis(500), 200, Duration.ofSeconds(5));

    @Test
    void clientReconnectsThroughAServerRestartAndSeesEverySeqOnce() throws Exception {
        Path data = TempDataDir.create("client-restart");
        Path large = Csv.largeSales(data, 1_500_000);
        int port = ConnectionRecoveryTest.freePort();
        ClientConfig config = ClientConfig.of("http://localhost:" + port).withToken(TestAccounts.ADMIN_TOKEN);
        Recorder<JobEvent> events = new Recorder<>();
        Recorder<ConnectionState> states = new Recorder<>();

        ConfigurableApplicationContext server = start(port, data);
        try (RealtimeConnection connection = new RealtimeConnection(config, FAST_RETRY)) {
            String jobId = new SygnifyClient(config).upload(large).jobId();
            connection.addJobEventListener(jobId, events);
            connection.addConnectionStateListener(states);
            connection.subscribeToJob(jobId, 0);
            connection.connect().get(10, TimeUnit.SECONDS);
            JobEvent running = events.await(e -> e.stage().matches("parsing|profiling|analyzing"), WAIT);

            server.close();
            states.await(s -> s instanceof ConnectionState.Reconnecting, WAIT);
            server = start(port, data);
            JobEvent complete = events.await(e -> e.type() == JobEventType.COMPLETE, WAIT);

            List<JobEvent> received = events.items();
            assertThat(received).extracting(JobEvent::seq)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1, received.size()).boxed().toList());
            assertThat(received).last().isEqualTo(complete);
            assertThat(complete.insights().path("dataset").path("rows").asLong()).isEqualTo(1_500_000);
            assertThat(states.items()).filteredOn(s -> s instanceof ConnectionState.Connected).hasSizeGreaterThanOrEqualTo(2);
            assertThat(received).as("the stop sent the running job back to the queue")
                    .anyMatch(e -> e.seq() > running.seq() && e.stage().equals("queued"));
        } finally {
            server.close();
        }
    }

    private static ConfigurableApplicationContext start(int port, Path data) {
        return new SpringApplicationBuilder(SygnifyApplication.class).run("--server.port=" + port,
                "--sygnify.data-dir=" + data, "--sygnify.jobs.workers=1", "--sygnify.engine.threads=1");
    }
}
