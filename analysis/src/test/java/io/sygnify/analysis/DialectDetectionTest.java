package io.sygnify.analysis;

import io.sygnify.analysis.report.ColumnProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class DialectDetectionTest {

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
    void semicolonDelimiterIsDetected() throws Exception {
        Path file = write("semi.csv", "city;population;area\nParis;2100000;105.4\nLyon;520000;47.9\n");

        AnalysisReport report = analyze(file);

        assertThat(report.dataset().delimiter()).isEqualTo(";");
        assertThat(report.dataset().hasHeader()).isTrue();
        assertThat(report.columns()).extracting(ColumnProfile::type).containsExactly("text", "integer", "decimal");
    }

    @Test
    void tabDelimiterIsDetected() throws Exception {
        Path file = write("tab.tsv", "city\tpopulation\nParis\t2100000\nLyon\t520000\n");

        AnalysisReport report = analyze(file);

        assertThat(report.dataset().delimiter()).isEqualTo("\t");
        assertThat(report.dataset().columns()).isEqualTo(2);
    }

    @Test
    void fileWithoutHeaderGetsGeneratedColumnNamesAndCountsEveryLine() throws Exception {
        Path file = write("noheader.csv", "1,Paris,2.5\n2,Lyon,3.5\n3,Nice,1.0\n");

        AnalysisReport report = analyze(file);

        assertThat(report.dataset().hasHeader()).isFalse();
        assertThat(report.dataset().rows()).isEqualTo(3);
        assertThat(report.columns()).extracting(ColumnProfile::name).containsExactly("column0", "column1", "column2");
    }

    @Test
    void fileWithoutQuotesReportsNoQuoteCharacter() throws Exception {
        Path file = write("plain.csv", "a,b\n1,2\n3,4\n");

        assertThat(analyze(file).dataset().quote()).isEmpty();
    }

    @Test
    void quotedValueSpanningLinesIsOneRow() throws Exception {
        Path file = write("notes.csv", "id,note\n1,\"first line\nsecond line\"\n2,plain\n");

        AnalysisReport report = analyze(file);

        assertThat(report.dataset().rows()).isEqualTo(2);
        assertThat(report.columns().get(1).distinctCount()).isEqualTo(2);
    }

    @Test
    void singleColumnOfValuesIsAccepted() throws Exception {
        Path file = write("names.csv", "name\nAlice\nBob\nCarol\n");

        AnalysisReport report = analyze(file);

        assertThat(report.dataset().columns()).isEqualTo(1);
        assertThat(report.dataset().rows()).isEqualTo(3);
    }

    @Test
    void utf8ByteOrderMarkDoesNotLeakIntoTheFirstColumnName() throws Exception {
        Path file = dir.resolve("bom.csv");
        Files.write(file, "\ufeffname,city\nJosé,Zürich\n".getBytes(StandardCharsets.UTF_8));

        AnalysisReport report = analyze(file);

        assertThat(report.dataset().encoding()).isEqualTo("UTF-8");
        assertThat(report.columns().get(0).name()).isEqualTo("name");
    }

    @Test
    void latin1FileIsReadAsLatin1WithAWarning() throws Exception {
        Path file = dir.resolve("latin.csv");
        Files.write(file, "name,city\nJosé,Zürich\nRenée,Köln\n".getBytes(StandardCharsets.ISO_8859_1));

        AnalysisReport report = analyze(file);

        assertThat(report.dataset().encoding()).isEqualTo("ISO-8859-1");
        assertThat(report.warnings()).singleElement().asString()
                .contains("not valid UTF-8 (byte 0xE9 at line 2, byte offset 13)");
    }

    @Test
    void utf16LittleEndianWithByteOrderMarkIsRead() throws Exception {
        Path file = dir.resolve("excel.csv");
        Files.write(file, "\ufeffname,city\nJosé,Zürich\n".getBytes(StandardCharsets.UTF_16LE));

        AnalysisReport report = analyze(file);

        assertThat(report.dataset().encoding()).isEqualTo("UTF-16LE");
        assertThat(report.columns()).extracting(ColumnProfile::name).containsExactly("name", "city");
    }

    @Test
    void globCharactersInTheFileNameAreTakenLiterally() throws Exception {
        // DuckDB would expand "sales[1].csv" to the glob matching "sales1.csv"
        write("sales1.csv", "wrong,file,read\n1,2,3\n");
        Path file = write("sales[1].csv", "region,total\nnorth,10\nsouth,20\n");

        AnalysisReport report = analyze(file);

        assertThat(report.columns()).extracting(ColumnProfile::name).containsExactly("region", "total");
    }

    @Test
    void textFileNamedLikeAnArchiveIsNotDecompressed() throws Exception {
        Path file = write("export.csv.gz", "a,b\n1,2\n");

        assertThat(analyze(file).dataset().rows()).isEqualTo(1);
    }
}
