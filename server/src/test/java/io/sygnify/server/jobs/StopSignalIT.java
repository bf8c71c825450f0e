package io.sygnify.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.sygnify.server.support.ClusterNode;
import io.sygnify.server.support.Csv;
import io.sygnify.server.support.TempDataDir;
import io.sygnify.server.support.TestHttp;
import io.sygnify.server.support.TestSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The packaged server with its embedded database, stopped by {@code SIGTERM} while it analyses a file: the stop
 * itself re-queues the job (rather than the next start finding it interrupted), which needs the database open
 * until the stop is done.
 */
@Timeout(300)
class StopSignalIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String REQUEUED_BY_THE_STOP =
            "Server is restarting; the analysis will start again when it is back.";

    @Test
    void sigtermReQueuesTheRunningJobBeforeTheDatabaseCloses() throws Exception {
        Path data = TempDataDir.create("sigterm");
        Path large = Csv.largeSales(data, 1_500_000);
        String jobId;
        Path firstLog;
        try (ClusterNode first = ClusterNode.startEmbedded("embedded-first", data)) {
            TestHttp http = first.http();
            TestHttp.Response upload = http.upload("file", "large.csv", Files.readAllBytes(large));
            assertThat(upload.status()).isEqualTo(202);
            jobId = upload.json().path("job_id").asString();
            http.awaitJob(jobId, j -> j.path("status").asString().matches("parsing|profiling|analyzing"), WAIT);
            firstLog = first.log();
        } // SIGTERM, and waits for the process to end
        assertThat(Files.readString(firstLog)).doesNotContain("Database is already closed");

        try (ClusterNode second = ClusterNode.startEmbedded("embedded-second", data);
             TestSocket socket = TestSocket.connect(second.port(), "/ws")) {
            assertThat(second.http().awaitTerminal(jobId, WAIT).path("status").asString())
                    .isEqualTo("insights_ready");
            socket.send(Map.of("type", "subscribe_job", "job_id", jobId, "last_seq", 0));
            socket.awaitType("job_complete", WAIT);
            List<String> messages = socket.received().stream()
                    .filter(m -> "job_update".equals(m.path("type").asString()))
                    .map(m -> m.path("message").asString())
                    .toList();
            assertThat(messages).contains(REQUEUED_BY_THE_STOP)
                    .noneMatch(m -> m.startsWith("The server restarted during the analysis"));
        }
    }
}
