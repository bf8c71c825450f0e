package io.sygnify.analysis;

import io.sygnify.analysis.report.ColumnProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class BadInputTest {

    @TempDir
    Path dir;

    private AnalysisException failure(Path file) {
        EngineSettings settings = new EngineSettings(2, "512MB", dir.resolve("spill"));
        CsvAnalyzer analyzer = new CsvAnalyzer(settings);
        return catchThrowableOfType(AnalysisException.class,
                () -> analyzer.analyze(file, ProgressListener.NONE, new CancellationToken()));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private Path writeBytes(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    @Test
    void zeroByteFileIsEmpty() throws Exception {
        AnalysisException error = failure(write("empty.csv", ""));

        assertThat(error.code()).isEqualTo("empty_file");
        assertThat(error).hasMessage("The file is empty: it has no header and no data rows.");
    }

    @Test
    void fileOfBlankLinesIsEmpty() throws Exception {
        assertThat(failure(write("blank.csv", "\n  \n\t\r\n\n")).code()).isEqualTo("empty_file");
    }

    @Test
    void headerWithoutRowsNamesItsColumns() throws Exception {
        AnalysisException error = failure(write("header.csv", "a,b,c\n"));

        assertThat(error.code()).isEqualTo("header_only");
        assertThat(error).hasMessage("The file has a header (3 columns: a, b, c) but no data rows.");
    }

    @Test
    void nulByteIsReportedWithLineAndOffset() throws Exception {
        byte[] bytes = "a,b\n1,2\n3,\u0000\u0001\n".getBytes(StandardCharsets.ISO_8859_1);

        AnalysisException error = failure(writeBytes("binary.csv", bytes));

        assertThat(error.code()).isEqualTo("not_text");
        assertThat(error.getMessage()).startsWith("The file is not text: byte 0x00 at line 3, byte offset 10.");
        assertThat(error.lineNumber()).isEqualTo(OptionalLong.of(3));
    }

    @Test
    void pngImageIsNotText() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

        assertThat(failure(writeBytes("image.csv", png)).code()).isEqualTo("not_text");
    }

    @Test
    void controlCharacterNoiseWithoutNulIsNotText() throws Exception {
        byte[] noise = new byte[4000];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (byte) (1 + (i * 7) % 255); // every byte value but 0, so ~10% control characters
        }

        AnalysisException error = failure(writeBytes("noise.csv", noise));

        assertThat(error.code()).isEqualTo("not_text");
        assertThat(error.getMessage()).contains("are control characters");
    }

    @Test
    void jsonDocumentIsNotCsv() throws Exception {
        AnalysisException error = failure(write("data.csv", "{\"a\": 1, \"b\": [1, 2, 3],\n \"c\": {\"d\": \"e\"}}\n"));

        assertThat(error.code()).isEqualTo("not_csv");
        assertThat(error.getMessage()).contains("JSON");
    }

    @Test
    void jsonArrayOfObjectsIsNotCsv() throws Exception {
        assertThat(failure(write("rows.csv", "[\n  {\"a\": 1},\n  {\"a\": 2}\n]\n")).code()).isEqualTo("not_csv");
    }

    @Test
    void htmlPageIsNotCsv() throws Exception {
        assertThat(failure(write("page.csv", "<!DOCTYPE html>\n<html><body>Not found</body></html>\n")).code())
                .isEqualTo("not_csv");
    }

    @Test
    void singleLineOfProseIsNotCsv() throws Exception {
        AnalysisException error = failure(
                write("prose.csv", "The quick brown fox jumps over the lazy dog and keeps on running.\n"));

        assertThat(error.code()).isEqualTo("not_csv");
        assertThat(error.getMessage()).contains("reads like prose (13 words");
        assertThat(error.lineNumber()).isEqualTo(OptionalLong.of(1));
    }

    @Test
    void linesWithNoConsistentDelimiterAreNotCsv() throws Exception {
        AnalysisException error = failure(write("letter.csv", """
                Dear team, thanks for the numbers, they look good.
                We should meet on Monday.
                Regards, Ann
                PS: bring coffee
                """));

        assertThat(error.code()).isEqualTo("not_csv");
        assertThat(error.getMessage()).contains("no delimiter splits its lines consistently");
    }

    @Test
    void fileWhoseOnlyRowCannotBeReadFailsWithItsLine() throws Exception {
        AnalysisException error = failure(write("broken.csv", "a,b\n1,\"x\n"));

        assertThat(error.code()).isEqualTo("malformed_row");
        assertThat(error).hasMessage("Row at line 2 opens a quoted value that is never closed.");
        assertThat(error.lineNumber()).isEqualTo(OptionalLong.of(2));
    }

    @Test
    void missingFileIsUnreadable() {
        assertThat(failure(dir.resolve("nowhere.csv")).code()).isEqualTo("unreadable_file");
    }

    private AnalysisReport report(Path file) throws Exception {
        return new CsvAnalyzer(new EngineSettings(2, "512MB", dir.resolve("spill")))
                .analyze(file, ProgressListener.NONE, new CancellationToken());
    }

    private Path wide(String name, int columns, int rows) throws IOException {
        StringBuilder csv = new StringBuilder();
        for (int c = 0; c < columns; c++) {
            csv.append(c == 0 ? "" : ",").append(c % 4 == 0 ? "label" : "x").append(c);
        }
        csv.append('\n');
        java.util.Random random = new java.util.Random(columns);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                csv.append(c == 0 ? "" : ",").append(c % 4 == 0 ? "v" + random.nextInt(5) : random.nextInt(1000));
            }
            csv.append('\n');
        }
        return write(name, csv.toString());
    }

    @Test
    void fiveHundredColumnsGiveACompleteReportUnderTwoMegabytes() throws Exception {
        AnalysisReport report = report(wide("wide.csv", 500, 60));

        assertThat(report.columns()).hasSize(500);
        assertThat(ReportJson.write(report).length()).isLessThan(2_000_000);
    }

    @Test
    void fileWithMoreThanAThousandColumnsIsAnalysedOnItsFirstThousand() throws Exception {
        AnalysisReport report = report(wide("wider.csv", 1_200, 20));

        assertThat(report.columns()).hasSize(1_000);
        assertThat(report.warnings()).anySatisfy(w -> assertThat(w).contains("1,200 columns: the first 1,000"));
        assertThat(ReportJson.write(report).length()).isLessThan(2_000_000);
    }

    @Test
    void fiftyMegabyteSingleLineFailsWithItsLengthAndLine() throws Exception {
        Path file = dir.resolve("oneline.csv");
        try (java.io.Writer out = Files.newBufferedWriter(file)) {
            String chunk = "abc,".repeat(1000);
            for (int i = 0; i < 12_500; i++) {
                out.write(chunk);
            }
        }

        AnalysisException error = failure(file);

        assertThat(error.code()).isEqualTo("malformed_row");
        assertThat(error).hasMessage("Row at line 1 is 50,000,000 bytes long; the limit is 2,000,000 bytes.");
    }

    @Test
    void nulByteBeyondTheSampleIsReadAsPartOfItsValue() throws Exception {
        StringBuilder csv = new StringBuilder("id,name\n");
        for (int i = 0; i < 10_000; i++) {
            csv.append(i).append(",name").append(i).append('\n');
        }
        csv.append("10000,bro\u0000ken\n");

        AnalysisReport report = report(write("late-nul.csv", csv.toString()));

        assertThat(report.dataset().rows()).isEqualTo(10_001);
    }

    @Test
    void oneRowFileGivesAReport() throws Exception {
        AnalysisReport report = report(write("one.csv", "a,b,c\n1,x,2024-01-01\n"));

        assertThat(report.dataset().rows()).isEqualTo(1);
        assertThat(report.columns()).extracting(ColumnProfile::type).containsExactly("integer", "text", "date");
        assertThat(report.timeSeries().notes()).isNotEmpty();
    }
}
