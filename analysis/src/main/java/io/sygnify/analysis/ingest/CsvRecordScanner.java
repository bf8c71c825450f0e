package io.sygnify.analysis.ingest;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into records the way DuckDB's strict reader does, counting physical lines as it goes.
 *
 * <p>DuckDB's "CSV Error on Line: N" counts records, not lines: a quoted value with line breaks is one record,
 * while skipped and blank lines each count as one. This scanner turns such a record number back into the
 * physical line a person sees in an editor, and gives field counts for {@link DialectDetector}.
 *
 * <p>A quote opens a quoted value only at the start of a field ({@code 5" pipe} is plain text); inside quotes,
 * the escape character (or a doubled quote when escape equals quote) makes the next character literal.
 */
final class CsvRecordScanner {

    /**
     * One record.
     *
     * @param number    1-based record number, as in DuckDB's error messages
     * @param startLine 1-based physical line the record starts on
     * @param fields    number of fields
     * @param blank     whether the record is an empty line
     * @param values    the fields' values, unquoted
     */
    record Record(long number, long startLine, int fields, boolean blank, List<String> values) {
    }

    /** Receives records in order; returns false to stop the scan. */
    @FunctionalInterface
    interface Visitor {
        boolean visit(Record record);
    }

    private static final int NONE = -2;

    private final char delimiter;
    private final int quote;
    private final int escape;
    private final Reader reader;
    private final char[] buffer = new char[64 * 1024];
    private int position;
    private int limit;

    /** {@code quote} and {@code escape} may be empty for "none"; only the first character of each is used. */
    CsvRecordScanner(Reader reader, String delimiter, String quote, String escape) {
        this.reader = reader;
        this.delimiter = delimiter.charAt(0);
        this.quote = quote.isEmpty() ? NONE : quote.charAt(0);
        this.escape = escape.isEmpty() ? this.quote : escape.charAt(0);
    }

    /** The physical line on which record {@code recordNumber} starts (the last record's, if there are fewer). */
    long lineOfRecord(long recordNumber) throws IOException {
        long[] line = {1};
        scan(record -> {
            line[0] = record.startLine();
            return record.number() < recordNumber;
        });
        return line[0];
    }

    void scan(Visitor visitor) throws IOException {
        long number = 1;
        long line = 1;
        long startLine = 1;
        boolean blank = true;
        boolean inQuotes = false;
        boolean fieldStart = true;
        List<String> values = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        int c;
        while ((c = next()) != -1) {
            if (inQuotes) {
                if (c == escape && escape != quote) {
                    c = next();
                } else if (c == quote && escape == quote && peek() == quote) {
                    value.append((char) next());
                    continue;
                } else if (c == quote) {
                    inQuotes = false;
                    continue;
                }
                if (c == '\n' || (c == '\r' && peek() != '\n')) {
                    line++;
                }
                if (c != -1) {
                    value.append((char) c);
                }
                continue;
            }
            if (c == '\r' && peek() == '\n') {
                continue; // the '\n' ends the record
            }
            if (c == '\n' || c == '\r') {
                values.add(value.toString());
                if (!visitor.visit(new Record(number, startLine, values.size(), blank, values))) {
                    return;
                }
                number++;
                line++;
                startLine = line;
                blank = true;
                fieldStart = true;
                values = new ArrayList<>();
                value.setLength(0);
                continue;
            }
            blank = false;
            if (c == delimiter) {
                values.add(value.toString());
                value.setLength(0);
                fieldStart = true;
                continue;
            }
            inQuotes = c == quote && fieldStart;
            if (!inQuotes) {
                value.append((char) c);
            }
            fieldStart = false;
        }
        if (!blank) {
            values.add(value.toString());
            visitor.visit(new Record(number, startLine, values.size(), false, values));
        }
    }

    private int next() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position++];
    }

    private int peek() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position];
    }

    private boolean fill() throws IOException {
        int read = reader.read(buffer, 0, buffer.length);
        if (read <= 0) {
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }
}
