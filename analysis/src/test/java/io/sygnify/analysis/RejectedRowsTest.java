package io.sygnify.analysis;

import io.sygnify.analysis.report.RejectedRow;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class RejectedRowsTest {

    @TempDir
    Path dir;

    private AnalysisReport analyze(Path file) throws Exception {
        EngineSettings settings = new EngineSettings(2, "512MB", dir.resolve("spill"));
        return new CsvAnalyzer(settings).analyze(file, ProgressListener.NONE, new CancellationToken());
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    @Test
    void rowWithAnExtraFieldIsRejectedWithItsLineAndTheRestIsRead() throws Exception {
        AnalysisReport report = analyze(write("extra.csv", "a,b,c\n1,2,3\n4,5,6\n7,8,9\n10,11,12,13\n14,15,16\n"));

        assertThat(report.rejects().rows()).containsExactly(
                new RejectedRow(5, "too_many_fields", "has 4 fields, expected 3", "10,11,12,13"));
        assertThat(report.rejects().rowsRead()).isEqualTo(4);
        assertThat(report.rejects().rowsPresent()).isEqualTo(5);
        assertThat(report.dataset().rows()).isEqualTo(4);
        assertThat(report.warnings()).anySatisfy(warning -> assertThat(warning).startsWith(
                "1 of 5 rows could not be read (the first at line 5: has 4 fields, expected 3)"));
    }

    @Test
    void rowWithAMissingFieldIsRejectedWithItsLine() throws Exception {
        AnalysisReport report = analyze(write("fewer.csv", "a,b,c\n1,2,3\n4,5,6\n7,8\n10,11,12\n"));

        assertThat(report.rejects().rows()).extracting(RejectedRow::line, RejectedRow::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(4L, "has 2 fields, expected 3"));
        assertThat(report.dataset().rows()).isEqualTo(3);
    }

    @Test
    void unterminatedQuoteRejectsOnlyItsLineAndReadingResumesAfterIt() throws Exception {
        AnalysisReport report = analyze(write("quote.csv", "a,b,c\n1,2,3\n4,\"5,6\n7,8,9\n10,11,12\n"));

        assertThat(report.rejects().rows()).containsExactly(new RejectedRow(3, "unterminated_quote",
                "opens a quoted value that is never closed", "4,\"5,6"));
        assertThat(report.dataset().rows()).isEqualTo(3);
        assertThat(report.columns().get(0).max()).isEqualTo(10L);
    }

    @Test
    void lineNumberCountsLinesInsideQuotedValuesBeforeTheBadRow() throws Exception {
        // DuckDB says "Line: 4" here: it counts records, and the quoted value spans lines 2-4
        AnalysisReport report = analyze(write("multiline.csv", "a,b,c\n1,\"x\ny\nz\",3\n4,5,6\n7,8\n"));

        assertThat(report.rejects().rows()).extracting(RejectedRow::line).containsExactly(6L);
    }

    @Test
    void lineNumberCountsBlankAndCrLfLines() throws Exception {
        AnalysisReport report = analyze(write("crlf.csv", "a,b,c\r\n1,2,3\r\n\r\n4,5,6\r\n7,8\r\n"));

        assertThat(report.rejects().rows()).extracting(RejectedRow::line).containsExactly(5L);
        assertThat(report.dataset().lineEnding()).isEqualTo("CRLF");
    }

    @Test
    void lineNumberCountsOldMacLineEnds() throws Exception {
        AnalysisReport report = analyze(write("cr.csv", "a,b\r1,x\r2,y\r\r3,z,4\r5,w\r"));

        assertThat(report.rejects().rows()).extracting(RejectedRow::line).containsExactly(5L);
        assertThat(report.dataset().rows()).isEqualTo(3);
        assertThat(report.dataset().lineEnding()).isEqualTo("CR");
    }

    @Test
    void badRowBeyondTheSniffingSampleIsRejectedWithItsLine() throws Exception {
        Path file = dir.resolve("late-bad.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,value\n");
            for (int i = 0; i < 50_000; i++) {
                out.write(i + "," + i + "\n");
            }
            out.write("oops,1,2\n");
            out.write("1,2\n");
        }

        AnalysisReport report = analyze(file);

        assertThat(report.rejects().rows()).containsExactly(
                new RejectedRow(50_002, "too_many_fields", "has 3 fields, expected 2", "oops,1,2"));
        assertThat(report.dataset().rows()).isEqualTo(50_001);
    }

    @Test
    void overlongRowIsRejectedWithItsSizeAndTruncatedText() throws Exception {
        AnalysisReport report = analyze(write("long.csv", "a,b\n1,2\n3," + "x".repeat(3_000_000) + "\n4,5\n"));

        RejectedRow row = report.rejects().rows().get(0);
        assertThat(row.line()).isEqualTo(3);
        assertThat(row.kind()).isEqualTo("line_too_long");
        assertThat(row.reason()).startsWith("is 3,000,00").endsWith("bytes");
        assertThat(row.raw()).hasSizeLessThanOrEqualTo(1024);
        assertThat(report.dataset().rows()).isEqualTo(2);
    }

    @Test
    void onlyTheFirstHundredRejectsAreListedButAllAreCounted() throws Exception {
        StringBuilder csv = new StringBuilder("a,b\n");
        for (int i = 0; i < 300; i++) {
            csv.append(i).append(',').append(i).append(i % 2 == 0 ? ",extra\n" : "\n");
        }
        AnalysisReport report = analyze(write("many.csv", csv.toString()));

        assertThat(report.rejects().rowsRejected()).isEqualTo(150);
        assertThat(report.rejects().rows()).hasSize(100);
        assertThat(report.rejects().rows().get(0).line()).isEqualTo(2);
        assertThat(report.rejects().rowsRead()).isEqualTo(150);
    }

    @Test
    void parsedRowsAndRejectsAreWrittenAsParquet() throws Exception {
        Path file = write("out.csv", "name,amount\nann,1.5\nbob,2\nbad,row,here\n");
        Path out = dir.resolve("job");
        EngineSettings settings = new EngineSettings(2, "512MB", dir.resolve("spill"));

        new CsvAnalyzer(settings).analyze(file, ProgressListener.NONE, new CancellationToken(), out);

        try (var connection = java.sql.DriverManager.getConnection("jdbc:duckdb:");
             var statement = connection.createStatement()) {
            var rows = statement.executeQuery("SELECT name, amount FROM '" + out.resolve("rows.parquet") + "'");
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("ann");
            assertThat(rows.getDouble(2)).isEqualTo(1.5);
            var rejects = statement.executeQuery("SELECT line, reason, raw FROM '" + out.resolve("rejects.parquet")
                    + "'");
            assertThat(rejects.next()).isTrue();
            assertThat(rejects.getLong(1)).isEqualTo(4);
            assertThat(rejects.getString(3)).isEqualTo("bad,row,here");
        }
    }
}
