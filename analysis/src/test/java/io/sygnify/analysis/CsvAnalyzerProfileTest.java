package io.sygnify.analysis;

import io.sygnify.analysis.report.ColumnProfile;
import io.sygnify.analysis.report.DatasetSummary;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CsvAnalyzerProfileTest {

    @TempDir
    Path dir;

    private AnalysisReport analyze(Path file) throws Exception {
        EngineSettings settings = new EngineSettings(2, "512MB", dir.resolve("spill"));
        return new CsvAnalyzer(settings).analyze(file, ProgressListener.NONE, new CancellationToken());
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private static ColumnProfile column(AnalysisReport report, String name) {
        return report.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    /** The fields of schema 1.0, which the web app and the CLI read. */
    private static List<Object> legacy(ColumnProfile p) {
        return Arrays.asList(p.name(), p.type(), p.missingCount(), p.missingPercent(), p.distinctCount(), p.min(),
                p.max(), p.mean());
    }

    private static List<Object> legacy(String name, String type, long missing, double missingPercent, long distinct,
                                       Object min, Object max, Double mean) {
        return Arrays.asList(name, type, missing, missingPercent, distinct, min, max, mean);
    }

    private Path mixedTypes() throws IOException {
        return write("people.csv", """
                id,price,name,joined,active
                1,2.50,Alice,2024-01-15,true
                2,,Bob,2024-02-20,false
                3,4.25,"Carol, Jr.",,true
                4,10,,2023-12-31,
                5,2.50,Alice,2024-01-15,false
                """);
    }

    @Test
    void summaryCountsRowsColumnsAndDescribesTheDialect() throws Exception {
        Path file = mixedTypes();

        AnalysisReport report = analyze(file);

        assertThat(report.schemaVersion()).isEqualTo(AnalysisReport.SCHEMA_VERSION);
        DatasetSummary dataset = report.dataset();
        assertThat(List.of(dataset.rows(), dataset.columns(), dataset.fileSizeBytes(), dataset.delimiter(),
                dataset.quote(), dataset.hasHeader(), dataset.encoding()))
                .containsExactly(5L, 5, Files.size(file), ",", "\"", true, "UTF-8");
        assertThat(report.columns()).extracting(ColumnProfile::name)
                .containsExactly("id", "price", "name", "joined", "active");
        assertThat(report.warnings()).isEmpty();
    }

    @Test
    void integerColumnHasExactRangeMeanAndDistinctCount() throws Exception {
        AnalysisReport report = analyze(mixedTypes());

        assertThat(legacy(column(report, "id"))).isEqualTo(legacy("id", "integer", 0, 0.0, 5, 1L, 5L, 3.0));
    }

    @Test
    void decimalColumnCountsTheEmptyCellAsMissing() throws Exception {
        AnalysisReport report = analyze(mixedTypes());

        assertThat(legacy(column(report, "price")))
                .isEqualTo(legacy("price", "decimal", 1, 20.0, 3, 2.5, 10.0, 4.8125));
    }

    @Test
    void textColumnHasDistinctCountButNoRangeOrMean() throws Exception {
        AnalysisReport report = analyze(mixedTypes());

        assertThat(legacy(column(report, "name"))).isEqualTo(legacy("name", "text", 1, 20.0, 3, null, null, null));
    }

    @Test
    void dateColumnReportsIsoRange() throws Exception {
        AnalysisReport report = analyze(mixedTypes());

        assertThat(legacy(column(report, "joined")))
                .isEqualTo(legacy("joined", "date", 1, 20.0, 3, "2023-12-31", "2024-02-20", null));
    }

    @Test
    void booleanColumnHasNoRange() throws Exception {
        AnalysisReport report = analyze(mixedTypes());

        assertThat(legacy(column(report, "active")))
                .isEqualTo(legacy("active", "boolean", 1, 20.0, 2, null, null, null));
    }

    @Test
    void quotedEmptyAndBlankCellsCountAsMissing() throws Exception {
        Path file = write("blanks.csv", "code,label\n1,\"\"\n2,  \t \n3,x\n4,\n");

        ColumnProfile label = column(analyze(file), "label");

        assertThat(label.missingCount()).isEqualTo(3);
        assertThat(label.missingPercent()).isCloseTo(75.0, within(1e-9));
        assertThat(label.distinctCount()).isEqualTo(1);
    }

    @Test
    void timestampTimeAndZonedTimestampColumnsAreRecognised() throws Exception {
        Path file = write("times.csv", """
                at,clock,stamped
                2024-01-02 10:11:12,08:30:00,2024-01-02T10:11:12+02:00
                2024-03-04 05:06:07,17:45:00,2024-01-02T10:11:12Z
                """);

        AnalysisReport report = analyze(file);

        assertThat(legacy(column(report, "at"))).isEqualTo(legacy("at", "timestamp", 0, 0.0, 2,
                "2024-01-02T10:11:12", "2024-03-04T05:06:07", null));
        assertThat(column(report, "clock").type()).isEqualTo("time");
        assertThat(legacy(column(report, "stamped"))).isEqualTo(legacy("stamped", "timestamp", 0, 0.0, 2,
                "2024-01-02T08:11:12Z", "2024-01-02T10:11:12Z", null));
    }

    @Test
    void typeIsDecidedOverTheWholeColumnNotTheSniffingSample() throws Exception {
        // the sample of rows that proposes types holds none of the last rows; TRY_CAST alone would have rounded
        // 2.5 into the integer column
        Path file = dir.resolve("late.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("count,ratio,code\n");
            for (int i = 0; i < 30_000; i++) {
                out.write(i + "," + i + "," + i + "\n");
            }
            out.write("1,2.5,N/A\n");
            out.write("2,3,x7\n");
        }

        AnalysisReport report = analyze(file);

        assertThat(report.dataset().rows()).isEqualTo(30_002);
        assertThat(report.columns()).extracting(ColumnProfile::type).containsExactly("integer", "decimal", "integer");
        assertThat(column(report, "ratio").max()).isEqualTo(29_999.0);
        ColumnProfile code = column(report, "code");
        assertThat(code.disguisedMissing()).containsExactly(new ColumnProfile.ValueCount("N/A", 1));
        assertThat(code.invalidCount()).isEqualTo(1);
        assertThat(code.invalidExamples()).containsExactly("x7");
        assertThat(code.typeConfidence()).isCloseTo(30_000.0 / 30_001, within(1e-12));
    }

    @Test
    void columnWithManyValuesThatDoNotFitIsText() throws Exception {
        StringBuilder csv = new StringBuilder("code\n");
        for (int i = 0; i < 100; i++) {
            csv.append(i % 10 == 0 ? "A" + i : String.valueOf(i)).append('\n');
        }

        assertThat(column(analyze(write("codes.csv", csv.toString())), "code").type()).isEqualTo("text");
    }

    @Test
    void dayFirstDatesAreReadWithTheSniffedFormat() throws Exception {
        Path file = write("dmy.csv", "day,n\n31/12/2024,1\n01/02/2024,2\n15/06/2023,3\n");

        ColumnProfile day = column(analyze(file), "day");

        assertThat(day.type()).isEqualTo("date");
        assertThat(day.min()).isEqualTo("2023-06-15");
        assertThat(day.max()).isEqualTo("2024-12-31");
    }

    @Test
    void allMissingColumnHasNoRange() throws Exception {
        Path file = write("hollow.csv", "a,b\n1,\n2,\n");

        ColumnProfile b = column(analyze(file), "b");

        assertThat(b.missingCount()).isEqualTo(2);
        assertThat(b.missingPercent()).isEqualTo(100.0);
        assertThat(b.distinctCount()).isZero();
        assertThat(b.min()).isNull();
    }
}
