package io.sygnify.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CancellationTest {

    @TempDir
    Path dir;

    private CsvAnalyzer analyzer() {
        // one thread makes the load of 2 million rows last well over the 1 s the test allows for cancelling
        return new CsvAnalyzer(new EngineSettings(1, "1GB", dir.resolve("spill")));
    }

    @Test
    void cancellingDuringTheLoadStopsItWithinOneSecond() throws Exception {
        Path file = LargeCsv.write(dir.resolve("large.csv"), 2_000_000);
        CancellationToken token = new CancellationToken();
        CountDownLatch loading = new CountDownLatch(1);
        List<AnalysisStage> stages = new CopyOnWriteArrayList<>();
        ProgressListener listener = (stage, fraction, message) -> {
            stages.add(stage);
            if (message.startsWith("Reading rows") && fraction > 0) {
                loading.countDown();
            }
        };
        CompletableFuture<AnalysisReport> analysis = CompletableFuture.supplyAsync(() -> {
            try {
                return analyzer().analyze(file, listener, token);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(loading.await(30, TimeUnit.SECONDS)).as("the load started reporting progress").isTrue();

        long cancelledAt = System.nanoTime();
        token.cancel();
        Throwable outcome = catchThrowable(() -> analysis.get(30, TimeUnit.SECONDS));
        Duration stoppedAfter = Duration.ofNanos(System.nanoTime() - cancelledAt);

        assertThat(outcome).isInstanceOf(ExecutionException.class)
                .rootCause().isInstanceOf(AnalysisCancelledException.class);
        assertThat(stoppedAfter).isLessThan(Duration.ofSeconds(1));
        assertThat(stages).doesNotContain(AnalysisStage.PROFILING);
    }

    @Test
    void alreadyCancelledTokenStopsBeforeAnyQuery() throws Exception {
        Path file = LargeCsv.write(dir.resolve("small.csv"), 10);
        CancellationToken token = new CancellationToken();
        token.cancel();

        Throwable outcome = catchThrowable(() -> analyzer().analyze(file, ProgressListener.NONE, token));

        assertThat(outcome).isInstanceOf(AnalysisCancelledException.class);
    }
}
