package io.sygnify.analysis;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Finds how to read a file: DuckDB's {@code sniff_csv} proposes delimiter, quote, header and column types
 * from a sample, and a one-column answer is double-checked.
 *
 * <p>DuckDB falls back to a single column whenever its sample's rows disagree (one row with an extra field in
 * a small file is enough), so one column is accepted only when the file really is one column of values:
 * <ul>
 *   <li>If the first line splits into several fields on {@code ,} {@code ;} tab or {@code |}, and at least
 *       half of the other sampled rows have as many, the file is CSV with malformed rows: it is read with that
 *       delimiter so the loader reports the bad row and its line ({@code malformed_row}).</li>
 *   <li>If it splits but most rows disagree, no delimiter is consistent: {@code not_csv}.</li>
 *   <li>If it does not split and reads like prose (more than 8 words or 100 characters, longer than any
 *       plausible column name or single value), {@code not_csv}.</li>
 *   <li>Otherwise it is a one-column file.</li>
 * </ul>
 */
final class DialectDetector {

    private static final List<String> CANDIDATE_DELIMITERS = List.of(",", ";", "\t", "|");
    private static final int SAMPLE_RECORDS = 1000;
    private static final int MAX_WORDS_IN_A_VALUE = 8;
    private static final int MAX_VALUE_LENGTH = 100;

    private final DuckDbSession session;

    DialectDetector(DuckDbSession session) {
        this.session = session;
    }

    CsvDialect detect(Path file, FileHead head) throws SQLException, AnalysisException, AnalysisCancelledException {
        CsvDialect sniffed = sniff(file, head.encoding());
        return sniffed.columns().size() > 1 ? sniffed : checkSingleColumn(sniffed, head);
    }

    private CsvDialect sniff(Path file, TextEncoding encoding)
            throws SQLException, AnalysisException, AnalysisCancelledException {
        String sql = "SELECT Delimiter, Quote, Escape, Comment, SkipRows, HasHeader, DateFormat, TimestampFormat,"
                + " [c.name FOR c IN Columns], [c.type FOR c IN Columns]"
                + " FROM sniff_csv(" + Sql.literal(file.toString()) + ", encoding = "
                + Sql.literal(encoding.duckDbName) + ", compression = 'none')";
        try {
            return session.query(sql, DialectDetector::toDialect);
        } catch (SQLException e) {
            throw CsvReadErrors.translateSniffing(e, file, encoding);
        }
    }

    private static CsvDialect toDialect(ResultSet row) throws SQLException {
        row.next();
        String detectedQuote = option(row.getString(2));
        String quote = detectedQuote.isEmpty() ? "\"" : detectedQuote;
        String escape = option(row.getString(3)).isEmpty() ? quote : option(row.getString(3));
        Object[] names = (Object[]) row.getArray(9).getArray();
        Object[] types = (Object[]) row.getArray(10).getArray();
        List<CsvDialect.SniffedColumn> columns = IntStream.range(0, names.length)
                .mapToObj(i -> new CsvDialect.SniffedColumn((String) names[i], ColumnType.fromDuckDb((String) types[i])))
                .toList();
        return new CsvDialect(row.getString(1), detectedQuote, quote, escape, option(row.getString(4)), row.getLong(5),
                row.getBoolean(6), columns, row.getString(7), row.getString(8));
    }

    /** sniff_csv spells "no quote / escape / comment" as the text {@code (empty)}. */
    private static String option(String sniffed) {
        return sniffed == null || sniffed.equals("(empty)") ? "" : sniffed;
    }

    private CsvDialect checkSingleColumn(CsvDialect sniffed, FileHead head) throws AnalysisException {
        String bestDelimiter = null;
        List<CsvRecordScanner.Record> best = List.of();
        for (String delimiter : CANDIDATE_DELIMITERS) {
            List<CsvRecordScanner.Record> records = sampleRecords(head, delimiter);
            if (!records.isEmpty() && records.get(0).fields() > 1
                    && (best.isEmpty() || records.get(0).fields() > best.get(0).fields())) {
                bestDelimiter = delimiter;
                best = records;
            }
        }
        if (bestDelimiter == null) {
            rejectProse(head);
            return sniffed;
        }
        CsvRecordScanner.Record first = best.get(0);
        long agreeing = best.stream().skip(1).filter(record -> record.fields() == first.fields()).count();
        int others = best.size() - 1;
        if (agreeing * 2 < others) {
            throw new AnalysisException(AnalysisException.NOT_CSV, String.format(
                    "The file is not CSV: no delimiter splits its lines consistently (line %d has %d fields "
                            + "separated by '%s', but only %d of the next %d lines has %d).",
                    first.startLine(), first.fields(), printable(bestDelimiter), agreeing, others, first.fields()));
        }
        List<CsvDialect.SniffedColumn> columns = IntStream.range(0, first.fields())
                .mapToObj(i -> new CsvDialect.SniffedColumn("column" + i, ColumnType.TEXT))
                .toList();
        return new CsvDialect(bestDelimiter, "", "\"", "\"", "", first.startLine() - 1, true, columns, null, null);
    }

    /** Non-blank records of the sample, without the last one when the sample cut it off. */
    private static List<CsvRecordScanner.Record> sampleRecords(FileHead head, String delimiter) {
        List<CsvRecordScanner.Record> records = new ArrayList<>();
        try {
            new CsvRecordScanner(new StringReader(head.text()), delimiter, "\"", "\"").scan(record -> {
                if (!record.blank()) {
                    records.add(record);
                }
                return records.size() < SAMPLE_RECORDS;
            });
        } catch (IOException e) {
            throw new IllegalStateException("a StringReader does not fail", e);
        }
        if (!head.complete() && records.size() > 1 && records.size() < SAMPLE_RECORDS) {
            records.remove(records.size() - 1);
        }
        return records;
    }

    private static void rejectProse(FileHead head) throws AnalysisException {
        String[] lines = head.text().strip().split("\\R", 2);
        String firstLine = lines[0].strip();
        int words = firstLine.split("\\s+").length;
        if (words > MAX_WORDS_IN_A_VALUE || firstLine.length() > MAX_VALUE_LENGTH) {
            long lineNumber = head.text().substring(0, head.text().indexOf(firstLine)).chars()
                    .filter(c -> c == '\n').count() + 1;
            throw new AnalysisException(AnalysisException.NOT_CSV, String.format(
                    "The file is not CSV: it has no delimiter, and line %d reads like prose (%d words, %d "
                            + "characters) rather than a column name or a value.",
                    lineNumber, words, firstLine.length()), lineNumber);
        }
    }

    private static String printable(String delimiter) {
        return delimiter.equals("\t") ? "\\t" : delimiter;
    }
}
