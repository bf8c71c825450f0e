package io.sygnify.analysis;

import io.sygnify.analysis.report.ColumnProfile;
import io.sygnify.analysis.report.RejectedRow;
import java.io.BufferedWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Dialect and encoding cases, each with a file written here. */
class IngestionTest {

    @TempDir
    Path dir;

    private AnalysisReport analyze(Path file) throws Exception {
        EngineSettings settings = new EngineSettings(2, "512MB", dir.resolve("spill"));
        return new CsvAnalyzer(settings).analyze(file, ProgressListener.NONE, new CancellationToken());
    }

    private AnalysisReport analyze(String content) throws Exception {
        return analyze(Files.writeString(dir.resolve("data.csv"), content));
    }

    private static java.util.List<String> names(AnalysisReport report) {
        return report.columns().stream().map(ColumnProfile::name).toList();
    }

    @Test
    void pipeDelimiterIsDetected() throws Exception {
        AnalysisReport report = analyze("id|name|score\n1|ann|3.5\n2|bob|4\n3|cy|2.5\n");

        assertThat(report.dataset().delimiter()).isEqualTo("|");
        assertThat(names(report)).containsExactly("id", "name", "score");
    }

    @Test
    void spaceDelimiterIsDetected() throws Exception {
        AnalysisReport report = analyze("id amount city\n1 2.5 Paris\n3 4.5 Lyon\n5 6.5 Nice\n");

        assertThat(report.dataset().delimiter()).isEqualTo(" ");
        assertThat(names(report)).containsExactly("id", "amount", "city");
        assertThat(report.columns().get(1).type()).isEqualTo("decimal");
    }

    @Test
    void backslashEscapedQuotesAreRead() throws Exception {
        AnalysisReport report = analyze("id,quote\n1,\"she said \\\"hi\\\", then left\"\n2,\"plain\"\n3,\"x\"\n");

        assertThat(report.dataset().rows()).isEqualTo(3);
        assertThat(report.rejects().rowsRejected()).isZero();
    }

    @Test
    void preambleLinesBeforeTheHeaderAreSkipped() throws Exception {
        AnalysisReport report = analyze("Sales report\nGenerated 2024-01-31 by ERP\n\nid,amount,city\n1,10.5,Paris\n"
                + "2,11.5,Lyon\n3,9.5,Nice\n4,8.0,Paris\n");

        assertThat(report.dataset().preambleLines()).isEqualTo(3);
        assertThat(names(report)).containsExactly("id", "amount", "city");
        assertThat(report.dataset().rows()).isEqualTo(4);
    }

    @Test
    void totalLineAfterTheDataIsAFooterNotARow() throws Exception {
        AnalysisReport report = analyze("id,amount,city\n1,10.5,Paris\n2,11.5,Lyon\n3,9.5,Nice\n4,8.0,Paris\n"
                + "Total,39.5,\n");

        assertThat(report.dataset().rows()).isEqualTo(4);
        assertThat(report.columns().get(0).type()).isEqualTo("integer");
        assertThat(report.rejects().footerRows()).extracting(RejectedRow::line).containsExactly(6L);
        assertThat(report.rejects().rowsRejected()).isZero();
        assertThat(report.warnings()).anySatisfy(w -> assertThat(w).contains("total or summary line"));
    }

    @Test
    void totalLineWithFewerFieldsIsAFooterNotAReject() throws Exception {
        AnalysisReport report = analyze("id,amount,city\n1,10.5,Paris\n2,11.5,Lyon\n3,9.5,Nice\nTotal: 31.5\n\n");

        assertThat(report.rejects().rowsRejected()).isZero();
        assertThat(report.rejects().footerRows()).extracting(RejectedRow::line).containsExactly(5L);
    }

    @Test
    void commentLinesAreSkipped() throws Exception {
        AnalysisReport report = analyze("# exported from the lab\nid,value\n1,2\n# calibration\n3,4\n5,6\n");

        assertThat(report.dataset().comment()).isEqualTo("#");
        assertThat(report.dataset().rows()).isEqualTo(3);
        assertThat(report.rejects().rowsRejected()).isZero();
    }

    @Test
    void trailingDelimitersDoNotMakeAnEmptyColumn() throws Exception {
        AnalysisReport report = analyze("id,amount,city,\n1,2.5,Paris,\n3,4.5,Lyon,\n5,6.5,Nice,\n");

        assertThat(names(report)).containsExactly("id", "amount", "city");
        assertThat(report.warnings()).anySatisfy(w -> assertThat(w).contains("ends with a delimiter"));
    }

    @Test
    void blankLinesBetweenRowsAreIgnored() throws Exception {
        AnalysisReport report = analyze("id,value\n1,2\n\n3,4\n\n\n5,6\n");

        assertThat(report.dataset().rows()).isEqualTo(3);
        assertThat(report.rejects().rowsRejected()).isZero();
    }

    @Test
    void mixedLineEndingsAreRead() throws Exception {
        AnalysisReport report = analyze("id,value\r\n1,2\n3,4\r\n5,6\n");

        assertThat(report.dataset().rows()).isEqualTo(3);
        assertThat(report.dataset().lineEnding()).isEqualTo("mixed");
    }

    @Test
    void utf16BigEndianWithByteOrderMarkIsRead() throws Exception {
        Path file = Files.write(dir.resolve("be.csv"),
                "\ufeffname,city\nJosé,Zürich\n".getBytes(StandardCharsets.UTF_16BE));

        AnalysisReport report = analyze(file);

        assertThat(report.dataset().encoding()).isEqualTo("UTF-16BE");
        assertThat(report.dataset().byteOrderMark()).isTrue();
        assertThat(report.columns().get(1).categories().topValues().get(0).value()).isEqualTo("Zürich");
    }

    @Test
    void windows1252FileIsReadAsWindows1252() throws Exception {
        Path file = Files.write(dir.resolve("win.csv"),
                "item,price\nCafé,3 €\nThé “vert”,4 €\n".getBytes(Charset.forName("windows-1252")));

        AnalysisReport report = analyze(file);

        assertThat(report.dataset().encoding()).isEqualTo("windows-1252");
        assertThat(report.columns().get(0).categories().topValues()).extracting(ColumnProfile.TopValue::value)
                .contains("Thé “vert”");
        assertThat(report.columns().get(1).max()).isEqualTo(4L);
    }

    @Test
    void invalidUtf8AfterAnAsciiStartMakesTheFileLatin1() throws Exception {
        Path file = dir.resolve("late-latin.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("name,n\n");
            for (int i = 0; i < 10_000; i++) {
                out.write("plain" + i + "," + i + "\n"); // well over the 64 KiB sample
            }
        }
        Files.write(file, "José,1\n".getBytes(StandardCharsets.ISO_8859_1), StandardOpenOption.APPEND);

        AnalysisReport report = analyze(file);

        assertThat(report.dataset().encoding()).isEqualTo("ISO-8859-1");
        assertThat(report.dataset().rows()).isEqualTo(10_001);
        assertThat(report.warnings()).anySatisfy(w -> assertThat(w).contains("line 10002"));
    }

    @Test
    void invalidUtf8InAFileThatIsOtherwiseUtf8RejectsThatRow() throws Exception {
        Path file = dir.resolve("mixed.csv");
        Files.writeString(file, "name,n\nZürich,1\nGenève,2\n");
        Files.write(file, "Jos\u00e9,3\n".getBytes(StandardCharsets.ISO_8859_1), StandardOpenOption.APPEND);
        Files.writeString(file, "Köln,4\n", StandardOpenOption.APPEND);

        AnalysisReport report = analyze(file);

        assertThat(report.dataset().encoding()).isEqualTo("UTF-8");
        assertThat(report.rejects().rows()).extracting(RejectedRow::line, RejectedRow::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(4L, "invalid_encoding"));
        assertThat(report.dataset().rows()).isEqualTo(3);
    }
}
