package io.sygnify.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void rowWithAnExtraFieldIsReportedWithItsLine() throws Exception {
        AnalysisException error = failure(write("extra.csv", "a,b,c\n1,2,3\n4,5,6\n7,8,9\n10,11,12,13\n14,15,16\n"));

        assertThat(error.code()).isEqualTo("malformed_row");
        assertThat(error).hasMessage("Row at line 5 has 4 fields, expected 3.");
        assertThat(error.lineNumber()).isEqualTo(OptionalLong.of(5));
    }

    @Test
    void rowWithAMissingFieldIsReportedWithItsLine() throws Exception {
        AnalysisException error = failure(write("fewer.csv", "a,b,c\n1,2,3\n4,5,6\n7,8\n10,11,12\n"));

        assertThat(error).hasMessage("Row at line 4 has 2 fields, expected 3.");
        assertThat(error.lineNumber()).isEqualTo(OptionalLong.of(4));
    }

    @Test
    void unterminatedQuoteIsReportedWhereTheQuoteOpens() throws Exception {
        AnalysisException error = failure(write("quote.csv", "a,b,c\n1,2,3\n4,\"5,6\n7,8,9\n10,11,12\n"));

        assertThat(error.code()).isEqualTo("malformed_row");
        assertThat(error).hasMessage("Row at line 3 opens a quoted value (\") that is never closed.");
        assertThat(error.lineNumber()).isEqualTo(OptionalLong.of(3));
    }

    @Test
    void lineNumberCountsLinesInsideQuotedValuesBeforeTheBadRow() throws Exception {
        // DuckDB says "Line: 4" here: it counts records, and the quoted value spans lines 2-4
        AnalysisException error = failure(write("multiline.csv", "a,b,c\n1,\"x\ny\nz\",3\n4,5,6\n7,8\n"));

        assertThat(error).hasMessage("Row at line 6 has 2 fields, expected 3.");
        assertThat(error.lineNumber()).isEqualTo(OptionalLong.of(6));
    }

    @Test
    void lineNumberCountsBlankAndCrLfLines() throws Exception {
        AnalysisException error = failure(write("crlf.csv", "a,b,c\r\n1,2,3\r\n\r\n4,5,6\r\n7,8\r\n"));

        assertThat(error.lineNumber()).isEqualTo(OptionalLong.of(5));
    }

    @Test
    void badRowBeyondTheSniffingSampleIsReportedWithItsLine() throws Exception {
        Path file = dir.resolve("late-bad.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,value\n");
            for (int i = 0; i < 50_000; i++) {
                out.write(i + "," + i + "\n");
            }
            out.write("oops,1,2\n");
            out.write("1,2\n");
        }

        AnalysisException error = failure(file);

        assertThat(error).hasMessage("Row at line 50002 has 3 fields, expected 2.");
    }

    @Test
    void overlongRowIsReportedWithItsSizeNotItsContent() throws Exception {
        AnalysisException error = failure(write("long.csv", "a,b\n1,2\n3," + "x".repeat(3_000_000) + "\n"));

        assertThat(error.code()).isEqualTo("malformed_row");
        assertThat(error.getMessage()).startsWith("Row at line 3 is 3,000,00").hasSizeLessThan(200);
    }

    @Test
    void invalidUtf8AfterACleanStartIsReportedWithItsLine() throws Exception {
        Path file = dir.resolve("late-latin.csv");
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("name,n\n");
            for (int i = 0; i < 10_000; i++) {
                out.write("plain" + i + "," + i + "\n"); // well over the 64 KiB sample
            }
        }
        Files.write(file, "Jos\u00e9,1\n".getBytes(StandardCharsets.ISO_8859_1), java.nio.file.StandardOpenOption.APPEND);

        AnalysisException error = failure(file);

        assertThat(error.code()).isEqualTo("invalid_encoding");
        assertThat(error.lineNumber()).isEqualTo(OptionalLong.of(10_002));
    }

    @Test
    void utf16BigEndianIsRefusedByName() throws Exception {
        AnalysisException error = failure(writeBytes("be.csv", "\ufeffa,b\n1,2\n".getBytes(StandardCharsets.UTF_16BE)));

        assertThat(error.code()).isEqualTo("unsupported_encoding");
    }

    @Test
    void missingFileIsUnreadable() {
        assertThat(failure(dir.resolve("nowhere.csv")).code()).isEqualTo("unreadable_file");
    }
}
