package io.sygnify.analysis.ingest;

import io.sygnify.analysis.engine.ColumnType;
import java.util.List;

/**
 * How to read one CSV file, as decided by {@link DialectDetector}.
 *
 * @param delimiter       field delimiter
 * @param detectedQuote   the quote character found in the file, empty when the file uses none
 * @param quote           quote character to read with: the detected one, else {@code "} (RFC 4180), so that a
 *                        broken quote is reported instead of being read as text
 * @param escape          escape character inside quotes
 * @param comment         comment prefix, empty when none
 * @param skipRows        lines to skip before the header or first row
 * @param hasHeader       whether the first (non-skipped) line is a header
 * @param columns         names and types from DuckDB's sample, in file order
 * @param dateFormat      strptime format of date columns when not ISO, else null
 * @param timestampFormat strptime format of timestamp columns when not ISO, else null
 */
public record CsvDialect(String delimiter, String detectedQuote, String quote, String escape, String comment,
                  long skipRows, boolean hasHeader, List<SniffedColumn> columns, String dateFormat,
                  String timestampFormat) {

    /** A column as DuckDB's sniffer saw it in its sample. */
    public record SniffedColumn(String name, ColumnType type) {
    }

    /** Column {@code index}'s name in DuckDB tables: file headers may repeat or clash with SQL keywords. */
    static String sqlName(int index) {
        return "c" + index;
    }
}
