package io.sygnify.analysis;

import io.sygnify.analysis.report.ColumnProfile;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The per-column statistics on one file with known answers: {@code x} is 1 … 100; {@code color} is red 60 times,
 * blue 30, green 10; {@code day} runs through January 2024 without the 10th to the 14th; {@code note} has lengths
 * 3 to 10.
 */
class ColumnStatisticsTest {

    private static final int ROWS = 100;

    @TempDir
    static Path dir;

    static AnalysisReport report;

    @BeforeAll
    static void analyze() throws Exception {
        List<LocalDate> days = IntStream.rangeClosed(1, 31).filter(d -> d < 10 || d > 14)
                .mapToObj(d -> LocalDate.of(2024, 1, d)).toList();
        Path file = dir.resolve("columns.csv");
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            out.println("x,color,day,note");
            for (int i = 0; i < ROWS; i++) {
                String color = i < 60 ? "red" : i < 90 ? "blue" : "green";
                out.println((i + 1) + "," + color + "," + days.get(i % days.size()) + "," + "n".repeat(3 + i % 8));
            }
        }
        EngineSettings settings = new EngineSettings(2, "512MB", dir.resolve("spill"));
        report = new CsvAnalyzer(settings).analyze(file, ProgressListener.NONE, new CancellationToken());
    }

    private static ColumnProfile column(String name) {
        return report.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void numbersHaveExactQuantilesSpreadAndShape() {
        ColumnProfile x = column("x");
        ColumnProfile.NumericStats stats = x.numeric();
        assertThat(x.mean()).isEqualTo(50.5);
        assertThat(stats.sum()).isEqualTo(5050.0);
        // linear interpolation between order statistics: position 1 + q × 99
        assertThat(stats.p5()).isCloseTo(5.95, within(1e-9));
        assertThat(stats.p25()).isCloseTo(25.75, within(1e-9));
        assertThat(stats.p50()).isCloseTo(50.5, within(1e-9));
        assertThat(stats.p75()).isCloseTo(75.25, within(1e-9));
        assertThat(stats.p95()).isCloseTo(95.05, within(1e-9));
        assertThat(stats.iqr()).isCloseTo(49.5, within(1e-9));
        // distances to 50.5 are 0.5, 0.5, 1.5, 1.5 …: the 50th and 51st are 24.5 and 25.5
        assertThat(stats.mad()).isCloseTo(25.0, within(1e-9));
        double variance = IntStream.rangeClosed(1, ROWS).mapToDouble(v -> (v - 50.5) * (v - 50.5)).sum() / (ROWS - 1);
        assertThat(stats.std()).isCloseTo(Math.sqrt(variance), within(1e-9));
        assertThat(stats.skewness()).isCloseTo(0.0, within(1e-9));
        // a uniform distribution is flat: excess kurtosis about −1.2
        assertThat(stats.kurtosis()).isBetween(-1.25, -1.15);
        assertThat(stats.zeros()).isZero();
        assertThat(stats.negatives()).isZero();
        assertThat(x.uniqueCount()).isEqualTo(ROWS);
    }

    @Test
    void theHistogramCoversTheRangeAndCountsEveryValue() {
        ColumnProfile.Histogram histogram = column("x").numeric().histogram();
        assertThat(histogram.scale()).isEqualTo("linear");
        assertThat(histogram.edges()).hasSize(histogram.counts().size() + 1);
        assertThat(histogram.edges().get(0)).isEqualTo(1.0);
        assertThat(histogram.edges().get(histogram.edges().size() - 1)).isEqualTo(100.0);
        assertThat(histogram.counts().stream().mapToLong(Long::longValue).sum()).isEqualTo(ROWS);
        // evenly spread values fill equal-width bins evenly, give or take one
        long min = histogram.counts().stream().mapToLong(Long::longValue).min().orElseThrow();
        long max = histogram.counts().stream().mapToLong(Long::longValue).max().orElseThrow();
        assertThat(max - min).isLessThanOrEqualTo(1);
    }

    @Test
    void categoriesHaveTopValuesWithSharesAndAnImbalance() {
        ColumnProfile.CategoryStats categories = column("color").categories();
        assertThat(categories.topValues()).extracting(ColumnProfile.TopValue::value)
                .containsExactly("red", "blue", "green");
        assertThat(categories.topValues()).extracting(ColumnProfile.TopValue::count).containsExactly(60L, 30L, 10L);
        assertThat(categories.topValues().get(0).share()).isCloseTo(0.6, within(1e-12));
        assertThat(categories.majorityShare()).isCloseTo(0.6, within(1e-12));
        assertThat(categories.otherCount()).isZero();
        double[] p = {0.6, 0.3, 0.1};
        double entropy = -(p[0] * Math.log(p[0]) + p[1] * Math.log(p[1]) + p[2] * Math.log(p[2]));
        assertThat(categories.imbalance()).isCloseTo(1 - entropy / Math.log(3), within(1e-9));
    }

    @Test
    void datesHaveTheirGranularityMissingDaysAndLargestGap() {
        ColumnProfile day = column("day");
        ColumnProfile.TemporalStats temporal = day.temporal();
        assertThat(day.min()).isEqualTo("2024-01-01");
        assertThat(day.max()).isEqualTo("2024-01-31");
        assertThat(temporal.granularity()).isEqualTo("day");
        assertThat(temporal.spanDays()).isEqualTo(30.0);
        assertThat(temporal.missingPeriods()).isEqualTo(5);
        assertThat(temporal.largestGapFrom()).isEqualTo("2024-01-09");
        assertThat(temporal.largestGapTo()).isEqualTo("2024-01-15");
    }

    @Test
    void textHasLengthStatistics() {
        List<Integer> lengths = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            lengths.add(3 + i % 8);
        }
        ColumnProfile.TextStats text = column("note").text();
        assertThat(text.minLength()).isEqualTo(3);
        assertThat(text.maxLength()).isEqualTo(10);
        assertThat(text.meanLength()).isCloseTo(lengths.stream().mapToInt(Integer::intValue).average().orElseThrow(),
                within(1e-9));
    }
}
