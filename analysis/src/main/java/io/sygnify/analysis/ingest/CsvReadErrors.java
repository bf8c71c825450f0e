package io.sygnify.analysis.ingest;

import io.sygnify.analysis.AnalysisException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns DuckDB's CSV errors into {@link AnalysisException}s a person can act on.
 *
 * <p>DuckDB's message holds the record number ({@code CSV Error on Line: 5}), the problem, the whole offending
 * row (which can be megabytes) and a page of advice about {@code read_csv} options. Only the facts are kept.
 */
final class CsvReadErrors {

    /** Maps DuckDB's record number to the physical line a person sees in an editor. */
    @FunctionalInterface
    interface LineLocator {
        long lineOf(long recordNumber) throws IOException;
    }

    private static final Pattern RECORD = Pattern.compile("CSV Error on Line: (\\d+)");
    private static final Pattern FIELD_COUNT = Pattern.compile("Expected Number of Columns: (\\d+) Found: (\\d+)");
    private static final Pattern LINE_SIZE =
            Pattern.compile("Maximum line size of (\\d+) bytes exceeded\\. Actual Size:\\s*(\\d+) bytes");

    private CsvReadErrors() {
    }

    /**
     * For errors of {@code sniff_csv}, which numbers records from its own sample: right for encoding errors, but
     * an over-long line is always "Line: 1", so that line is found by reading the file.
     */
    static AnalysisException translateSniffing(SQLException error, Path file, TextEncoding encoding) {
        Matcher lineSize = LINE_SIZE.matcher(String.valueOf(error.getMessage()));
        if (lineSize.find()) {
            long limit = Long.parseLong(lineSize.group(1));
            try {
                // DuckDB's "Actual Size" stops at its buffer: the real length comes from the file
                long[] line = firstLineLongerThan(file, limit);
                return new AnalysisException(AnalysisException.MALFORMED_ROW, String.format(
                        "Row at line %d is %,d bytes long; the limit is %,d bytes.", line[0], line[1], limit),
                        line[0], error);
            } catch (IOException e) {
                return translate(error, record -> record, encoding, "\"");
            }
        }
        return translate(error, record -> record, encoding, "\"");
    }

    static AnalysisException translate(SQLException error, LineLocator locator, TextEncoding encoding, String quote) {
        String message = String.valueOf(error.getMessage());
        Matcher record = RECORD.matcher(message);
        if (!record.find()) {
            if (message.contains("Error when sniffing file")) {
                return new AnalysisException(AnalysisException.NOT_CSV, "The file is not CSV: no delimiter, quote "
                        + "and header read its first rows consistently.", null, error);
            }
            return new AnalysisException(AnalysisException.ENGINE_ERROR,
                    "The analysis engine failed while reading the file: " + firstLine(message), null, error);
        }
        long line = physicalLine(Long.parseLong(record.group(1)), locator);
        Matcher fieldCount = FIELD_COUNT.matcher(message);
        Matcher lineSize = LINE_SIZE.matcher(message);
        String text;
        String code = AnalysisException.MALFORMED_ROW;
        if (fieldCount.find()) {
            text = String.format("Row at line %d has %s fields, expected %s.", line, fieldCount.group(2),
                    fieldCount.group(1));
        } else if (message.contains("unterminated quote")) {
            text = String.format("Row at line %d opens a quoted value (%s) that is never closed.", line, quote);
        } else if (lineSize.find()) {
            text = String.format("Row at line %d is %,d bytes long; the limit is %,d bytes.", line,
                    Long.parseLong(lineSize.group(2)), Long.parseLong(lineSize.group(1)));
        } else if (message.contains("Invalid unicode")) {
            code = AnalysisException.INVALID_ENCODING;
            text = String.format("Line %d is not valid %s, although the start of the file is. Save the file as "
                    + "UTF-8 and upload it again.", line, encoding.label);
        } else {
            text = String.format("Row at line %d cannot be read as CSV.", line);
        }
        return new AnalysisException(code, text, line, error);
    }

    private static long physicalLine(long recordNumber, LineLocator locator) {
        try {
            return locator.lineOf(recordNumber);
        } catch (IOException e) {
            return recordNumber; // the same unless quoted values span lines
        }
    }

    /** DuckDB's limit on the length of a line (its {@code max_line_size} default). */
    static final long MAX_LINE_BYTES = 2_000_000;

    /** The error for a file whose first line is longer than DuckDB reads, measured without asking DuckDB. */
    static AnalysisException firstLineTooLong(Path file) throws IOException {
        long[] line = firstLineLongerThan(file, MAX_LINE_BYTES);
        return new AnalysisException(AnalysisException.MALFORMED_ROW, String.format(
                "Row at line %d is %,d bytes long; the limit is %,d bytes.", line[0], line[1], MAX_LINE_BYTES),
                line[0]);
    }

    /** The number and full length in bytes of the first line longer than {@code maxBytes}. */
    private static long[] firstLineLongerThan(Path file, long maxBytes) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            long line = 1;
            long length = 0;
            int b;
            while ((b = in.read()) != -1) {
                if (b == '\n') {
                    if (length > maxBytes) {
                        return new long[] {line, length};
                    }
                    length = 0;
                    line++;
                } else {
                    length++;
                }
            }
            return new long[] {line, length};
        }
    }

    private static String firstLine(String message) {
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
