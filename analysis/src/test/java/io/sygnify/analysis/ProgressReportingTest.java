package io.sygnify.analysis;

import io.sygnify.analysis.report.ColumnProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ProgressReportingTest {

    record Event(AnalysisStage stage, double fraction, String message) {
    }

    @TempDir
    static Path dir;

    static final List<Event> events = new CopyOnWriteArrayList<>();
    static AnalysisReport report;

    @BeforeAll
    static void analyzeTwoMillionRows() throws Exception {
        Path file = LargeCsv.write(dir.resolve("large.csv"), 2_000_000);
        // one thread makes the load last long enough (about a second) for several 100 ms polls
        EngineSettings settings = new EngineSettings(1, "1GB", dir.resolve("spill"));
        report = new CsvAnalyzer(settings).analyze(file,
                (stage, fraction, message) -> events.add(new Event(stage, fraction, message)), new CancellationToken());
    }

    @Test
    void everyRowIsCounted() {
        assertThat(report.dataset().rows()).isEqualTo(2_000_000);
        assertThat(report.columns()).extracting(ColumnProfile::type)
                .containsExactly("integer", "decimal", "text", "date");
    }

    @Test
    void loadReportsSeveralIntermediateFractions() {
        List<Double> reading = events.stream()
                .filter(event -> event.stage() == AnalysisStage.PARSING && event.message().startsWith("Reading rows"))
                .map(Event::fraction)
                .filter(fraction -> fraction > 0 && fraction < 1)
                .toList();

        assertThat(reading).hasSizeGreaterThanOrEqualTo(3).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void loadMessagesCarryDuckDbsPercentage() {
        assertThat(events).filteredOn(event -> event.message().startsWith("Reading rows"))
                .allSatisfy(event -> assertThat(event.message()).matches("Reading rows\\.\\.\\. \\d{1,3}%"));
    }

    @Test
    void stagesComeInOrderAndEachEndsComplete() {
        assertThat(events).extracting(Event::stage).isSortedAccordingTo(Enum::compareTo)
                .contains(AnalysisStage.PARSING, AnalysisStage.PROFILING, AnalysisStage.ANALYZING);
        for (AnalysisStage stage : AnalysisStage.values()) {
            assertThat(events).filteredOn(event -> event.stage() == stage).last()
                    .extracting(Event::fraction).isEqualTo(1.0);
        }
    }

    @Test
    void fractionsNeverDecreaseWithinAStage() {
        for (AnalysisStage stage : AnalysisStage.values()) {
            assertThat(events).filteredOn(event -> event.stage() == stage).extracting(Event::fraction).isSorted();
        }
    }

    @Test
    void profilingReportsColumnsDone() {
        assertThat(events).filteredOn(event -> event.stage() == AnalysisStage.PROFILING)
                .extracting(Event::fraction).containsExactly(0.0, 0.25, 0.5, 0.75, 1.0);
    }

    @Test
    void fileSizeIsReported() throws Exception {
        assertThat(report.dataset().fileSizeBytes()).isEqualTo(Files.size(dir.resolve("large.csv")));
    }
}
