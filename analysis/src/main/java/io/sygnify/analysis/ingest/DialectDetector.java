package io.sygnify.analysis.ingest;

import io.sygnify.analysis.AnalysisCancelledException;
import io.sygnify.analysis.AnalysisException;
import io.sygnify.analysis.engine.ColumnType;
import io.sygnify.analysis.engine.DuckDbSession;
import io.sygnify.analysis.engine.Sql;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Finds how to read a file. DuckDB's {@code sniff_csv} proposes delimiter, quote, escape, comment, preamble and
 * header; the engine's own {@link SampleReading}s of the first 64 KiB check it, and win when the sniffer failed
 * or explains the sample worse (it falls back to one column, or skips past the rows, whenever a few rows of its
 * sample disagree):
 * <ol>
 *   <li>The sniffer's dialect stands when the best reading agrees with it (same delimiter, field count and
 *       preamble), or when no reading has two fields and the file really is one column of values.</li>
 *   <li>Otherwise the sniffer is asked again with the best reading's delimiter, preamble and comment fixed; if it
 *       still fails, the reading itself becomes the dialect, with {@link HeaderGuess} deciding the header.</li>
 *   <li>A file whose best reading has fields on fewer than half of its lines, or one line of prose without
 *       any delimiter, is {@code not_csv}.</li>
 * </ol>
 */
public final class DialectDetector {

    private static final List<String> SPLITTING_DELIMITERS = List.of(",", ";", "\t", "|");
    private static final double MIN_CONSISTENCY = 0.5;
    private static final int MAX_WORDS_IN_A_VALUE = 8;
    private static final int MAX_VALUE_LENGTH = 100;

    private final DuckDbSession session;

    public DialectDetector(DuckDbSession session) {
        this.session = session;
    }

    /** {@code file} is UTF-8: files in other encodings reach DuckDB transcoded. */
    public CsvDialect detect(Path file, FileHead head) throws SQLException, AnalysisException, AnalysisCancelledException {
        int firstBreak = firstLineBreak(head.text());
        if (firstBreak < 0 ? !head.complete() && head.text().length() > CsvReadErrors.MAX_LINE_BYTES
                : firstBreak > CsvReadErrors.MAX_LINE_BYTES) {
            // DuckDB's sniffer would spend a minute on a 50 MB first line before saying the same
            try {
                throw CsvReadErrors.firstLineTooLong(file);
            } catch (java.io.IOException e) {
                throw new AnalysisException(AnalysisException.UNREADABLE_FILE, "The file cannot be read: "
                        + e.getMessage(), null, e);
            }
        }
        List<SampleReading> readings = SampleReading.all(head);
        SampleReading best = SampleReading.best(readings);
        CsvDialect sniffed;
        try {
            sniffed = sniff(file, "");
        } catch (SQLException e) {
            if (best == null || best.consistency() < MIN_CONSISTENCY) {
                rejectInconsistent(head, best);
                throw CsvReadErrors.translateSniffing(e, file, TextEncoding.UTF_8);
            }
            sniffed = null;
        }
        if (best == null) {
            rejectInconsistent(head, null);
            rejectProse(head);
            return sniffed;
        }
        if (best.consistency() < MIN_CONSISTENCY) {
            rejectInconsistent(head, best);
        }
        if (sniffed != null && agrees(sniffed, readings, best)) {
            return sniffed;
        }
        try {
            CsvDialect explicit = sniff(file, ", delim = " + Sql.literal(best.delimiter()) + ", skip = "
                    + best.skipLines()
                    + (best.comment().isEmpty() ? "" : ", comment = " + Sql.literal(best.comment())));
            if (explicit.columns().size() == best.fields()) {
                return explicit;
            }
        } catch (SQLException e) {
            // the sniffer cannot read even with the delimiter given: the reading decides alone
        }
        return fromReading(best);
    }

    /** The sniffed dialect explains the sample as well as the best reading does. */
    private static boolean agrees(CsvDialect sniffed, List<SampleReading> readings, SampleReading best) {
        SampleReading own = SampleReading.withDelimiter(readings, sniffed.delimiter());
        return own != null && sniffed.columns().size() == own.fields()
                && Math.round(own.consistency() * 100) >= Math.round(best.consistency() * 100)
                && sniffed.skipRows() <= own.skipLines();
    }

    private CsvDialect sniff(Path file, String options)
            throws SQLException, AnalysisCancelledException {
        String sql = "SELECT Delimiter, Quote, Escape, Comment, SkipRows, HasHeader, DateFormat, TimestampFormat,"
                + " [c.name FOR c IN Columns], [c.type FOR c IN Columns]"
                + " FROM sniff_csv(" + Sql.literal(file.toString()) + ", encoding = 'utf-8', compression = 'none'"
                + options + ")";
        return session.query(sql, DialectDetector::toDialect);
    }

    private static CsvDialect toDialect(ResultSet row) throws SQLException {
        row.next();
        String detectedQuote = option(row.getString(2));
        String quote = detectedQuote.isEmpty() ? "\"" : detectedQuote;
        String escape = option(row.getString(3)).isEmpty() ? quote : option(row.getString(3));
        Object[] names = (Object[]) row.getArray(9).getArray();
        Object[] types = (Object[]) row.getArray(10).getArray();
        List<CsvDialect.SniffedColumn> columns = IntStream.range(0, names.length)
                .mapToObj(i -> new CsvDialect.SniffedColumn((String) names[i],
                        ColumnType.fromDuckDb((String) types[i])))
                .toList();
        return new CsvDialect(row.getString(1), detectedQuote, quote, escape, option(row.getString(4)), row.getLong(5),
                row.getBoolean(6), columns, row.getString(7), row.getString(8));
    }

    /** sniff_csv spells "no quote / escape / comment" as the text {@code (empty)}. */
    private static String option(String sniffed) {
        return sniffed == null || sniffed.equals("(empty)") ? "" : sniffed;
    }

    private static CsvDialect fromReading(SampleReading reading) {
        List<CsvRecordScanner.Record> block = reading.records();
        boolean header = block.size() > 1 && HeaderGuess.isHeader(block);
        List<String> values = block.get(0).values();
        List<CsvDialect.SniffedColumn> columns = IntStream.range(0, reading.fields())
                .mapToObj(i -> new CsvDialect.SniffedColumn(header ? values.get(i).strip() : "column" + i,
                        ColumnType.TEXT))
                .toList();
        boolean quoted = block.stream().anyMatch(record -> record.values().stream().anyMatch(v -> v.contains("\"")));
        return new CsvDialect(reading.delimiter(), quoted ? "\"" : "", "\"", "\"", reading.comment(),
                reading.skipLines(), header, columns, null, null);
    }

    /**
     * The first line splits on a common delimiter but fewer than half of the next lines have as many fields:
     * no delimiter is consistent.
     */
    private static void rejectInconsistent(FileHead head, SampleReading best) throws AnalysisException {
        for (String delimiter : SPLITTING_DELIMITERS) {
            List<CsvRecordScanner.Record> records = SampleReading.records(head, delimiter).stream()
                    .filter(record -> !record.blank()).toList();
            if (records.isEmpty() || records.get(0).fields() < 2) {
                continue;
            }
            CsvRecordScanner.Record first = records.get(0);
            long agreeing = records.stream().skip(1).filter(record -> record.fields() == first.fields()).count();
            int others = records.size() - 1;
            boolean bestIsConsistent = best != null && best.consistency() >= MIN_CONSISTENCY;
            if (agreeing * 2 < others && !bestIsConsistent) {
                throw new AnalysisException(AnalysisException.NOT_CSV, String.format(
                        "The file is not CSV: no delimiter splits its lines consistently (line %d has %d fields "
                                + "separated by '%s', but only %d of the next %d lines has %d).",
                        first.startLine(), first.fields(), printable(delimiter), agreeing, others, first.fields()));
            }
        }
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

    private static int firstLineBreak(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return i;
            }
        }
        return -1;
    }

    private static String printable(String delimiter) {
        return delimiter.equals("\t") ? "\\t" : delimiter;
    }
}
