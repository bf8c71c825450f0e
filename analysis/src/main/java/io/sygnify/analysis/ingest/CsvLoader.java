package io.sygnify.analysis.ingest;

import io.sygnify.analysis.AnalysisCancelledException;
import io.sygnify.analysis.AnalysisException;
import io.sygnify.analysis.engine.DuckDbSession;
import io.sygnify.analysis.engine.Sql;
import io.sygnify.analysis.report.RejectedRow;
import io.sygnify.analysis.report.Rejects;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.DoubleConsumer;

/**
 * Loads every row of the file that fits into the table {@value #TABLE}, all columns as text, and every row that
 * does not into {@value #REJECTS} ({@code line, kind, reason, raw}), in file order.
 *
 * <p>The dialect is fixed ({@code auto_detect=false}) so the query does nothing but read: with
 * {@code sample_size=-1} DuckDB would instead re-sniff the whole file while binding, with no progress and no
 * reaction to cancel. Types are decided afterwards, over the whole column, by {@link ColumnTypeResolver}.
 *
 * <p>Strict mode with {@code store_rejects} sets aside each row with the wrong number of fields, an unterminated
 * quote, an over-long line or invalid UTF-8. DuckDB reports a reject by record number and byte offset; the byte
 * offset is turned into the physical line. An unterminated quote makes DuckDB swallow the rest of the file as one
 * value, so only the line where the quote opens is rejected and reading resumes on the next line (from a copy of
 * the remainder: DuckDB's {@code skip} is quote-aware and would swallow it again).
 */
public final class CsvLoader {

    static final String TABLE = "raw_rows";
    static final String REJECTS = "rejects";

    private static final int MAX_RESUMES = 100;
    /** Columns read; a file with more is analysed on its first ones, with a warning. */
    static final int MAX_COLUMNS = 1000;
    private static final int RAW_CHARS = 1024;

    /**
     * @param rowsRead        rows in {@value #TABLE}
     * @param rowsRejected    rows in {@value #REJECTS}
     * @param firstRejects    the first {@value Rejects#LISTED} of them
     * @param invalidEncoding rows rejected for invalid UTF-8
     */
    public record Result(long rowsRead, long rowsRejected, List<RejectedRow> firstRejects, long invalidEncoding) {
    }

    private final DuckDbSession session;
    private final Path tempDirectory;

    public CsvLoader(DuckDbSession session, Path tempDirectory) {
        this.session = session;
        this.tempDirectory = tempDirectory;
    }

    public Result load(Path file, CsvDialect dialect, DoubleConsumer onPercentage)
            throws SQLException, AnalysisException, AnalysisCancelledException, IOException {
        session.execute("DROP TABLE IF EXISTS " + TABLE);
        session.execute("DROP TABLE IF EXISTS " + REJECTS);
        read(TABLE, file, dialect, dialect.hasHeader(), dialect.skipRows(), 0, onPercentage);
        // byte offset in the file where each read started: the whole file, then each remainder
        List<Long> starts = new ArrayList<>(List.of(0L));
        resumeAfterUnterminatedQuotes(file, dialect, starts);
        buildRejects(file, starts);
        return result();
    }

    /** Columns in {@value #TABLE}. */
    public static int columnsRead(CsvDialect dialect) {
        return Math.min(dialect.columns().size(), MAX_COLUMNS);
    }

    /** Counts what is in {@value #TABLE} and {@value #REJECTS} now. */
    public Result result() throws SQLException, AnalysisCancelledException {
        long rows = session.queryLong("SELECT count(*) FROM " + TABLE);
        long rejected = session.queryLong("SELECT count(*) FROM " + REJECTS);
        long invalidEncoding = session.queryLong("SELECT count(*) FROM " + REJECTS
                + " WHERE kind = 'invalid_encoding'");
        List<RejectedRow> first = session.query("SELECT line, kind, reason, raw FROM " + REJECTS
                + " ORDER BY line LIMIT " + Rejects.LISTED, resultSet -> {
                    List<RejectedRow> list = new ArrayList<>();
                    while (resultSet.next()) {
                        list.add(new RejectedRow(resultSet.getLong(1), resultSet.getString(2),
                                resultSet.getString(3), resultSet.getString(4)));
                    }
                    return list;
                });
        return new Result(rows, rejected, first, invalidEncoding);
    }

    private void resumeAfterUnterminatedQuotes(Path file, CsvDialect dialect, List<Long> starts)
            throws SQLException, AnalysisCancelledException, IOException {
        long size = Files.size(file);
        while (starts.size() <= MAX_RESUMES) {
            int read = starts.size() - 1;
            Long position = session.query("SELECT min(line_byte_position) FROM " + rejectsTable(read)
                    + " WHERE error_type = 'UNQUOTED VALUE'", resultSet -> {
                        resultSet.next();
                        long value = resultSet.getLong(1);
                        return resultSet.wasNull() ? null : value;
                    });
            if (position == null) {
                return;
            }
            long next = LineIndex.nextLineStart(file, starts.get(read) + position);
            if (next >= size) {
                return;
            }
            Path remainder = Files.createTempFile(tempDirectory.toAbsolutePath(), "remainder-", ".csv");
            try {
                copyFrom(file, next, remainder);
                read("remainder_rows", remainder, dialect, false, 0, read + 1, percentage -> { });
                session.execute("INSERT INTO " + TABLE + " SELECT * FROM remainder_rows");
                session.execute("DROP TABLE remainder_rows");
                starts.add(next);
            } finally {
                Files.deleteIfExists(remainder);
            }
        }
    }

    private static String rejectsTable(int read) {
        return "load_rejects_" + read;
    }

    private static void copyFrom(Path file, long offset, Path target) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(target, StandardOpenOption.WRITE)) {
            long size = in.size();
            long done = 0;
            while (offset + done < size) {
                done += in.transferTo(offset + done, size - offset - done, out);
            }
        }
    }

    /** One row per rejected record, with its physical line, in {@value #REJECTS}. */
    private void buildRejects(Path file, List<Long> starts)
            throws SQLException, AnalysisCancelledException, IOException {
        StringJoiner all = new StringJoiner(" UNION ALL ");
        for (int read = 0; read < starts.size(); read++) {
            all.add("SELECT " + read + " AS scan_id, line, line_byte_position, error_type, error_message, csv_line"
                    + " FROM " + rejectsTable(read));
        }
        session.execute("CREATE TABLE reject_records AS SELECT scan_id, line AS record,"
                + " min(line_byte_position) AS position, list(DISTINCT error_type) AS types,"
                + " min(error_message) AS message, min(csv_line) AS csv_line"
                + " FROM (" + all + ") GROUP BY scan_id, line");
        for (int read = 0; read < starts.size(); read++) {
            session.execute("DROP TABLE " + rejectsTable(read));
            session.execute("DROP TABLE IF EXISTS load_scans_" + read);
        }
        long[][] keys = session.query("SELECT scan_id, position FROM reject_records", resultSet -> {
            List<long[]> list = new ArrayList<>();
            while (resultSet.next()) {
                int read = resultSet.getInt(1);
                long position = resultSet.getLong(2);
                list.add(new long[] {read, position, starts.get(read) + position});
            }
            return list.toArray(long[][]::new);
        });
        java.util.Arrays.sort(keys, (a, b) -> Long.compare(a[2], b[2]));
        long[] offsets = new long[keys.length];
        for (int i = 0; i < keys.length; i++) {
            offsets[i] = keys[i][2];
        }
        long[] lines = LineIndex.linesAt(file, offsets, session.cancellation());
        session.execute("CREATE TABLE reject_lines (scan_id BIGINT, position BIGINT, line BIGINT)");
        session.append("reject_lines", keys.length, (appender, i) -> {
            appender.append(keys[i][0]);
            appender.append(keys[i][1]);
            appender.append(lines[i]);
        });
        String found = "regexp_extract(message, 'Found: (\\d+)', 1)";
        String expected = "regexp_extract(message, 'Expected Number of Columns: (\\d+)', 1)";
        String size = "regexp_extract(message, 'Actual Size:\\s*(\\d+)', 1)";
        String limit = "regexp_extract(message, 'Maximum line size of (\\d+)', 1)";
        session.execute("CREATE TABLE " + REJECTS + " AS SELECT l.line,"
                + " CASE WHEN list_contains(types, 'UNQUOTED VALUE') THEN 'unterminated_quote'"
                + " WHEN list_contains(types, 'LINE SIZE OVER MAXIMUM') THEN 'line_too_long'"
                + " WHEN list_contains(types, 'INVALID ENCODING') THEN 'invalid_encoding'"
                + " WHEN list_contains(types, 'TOO MANY COLUMNS') THEN 'too_many_fields'"
                + " WHEN list_contains(types, 'MISSING COLUMNS') THEN 'too_few_fields'"
                + " ELSE 'unreadable' END AS kind,"
                + " CASE WHEN list_contains(types, 'UNQUOTED VALUE')"
                + "   THEN 'opens a quoted value that is never closed'"
                + " WHEN list_contains(types, 'LINE SIZE OVER MAXIMUM') THEN 'is ' || format('{:,}', "
                + size + "::BIGINT) || ' bytes long; the limit is ' || format('{:,}', " + limit + "::BIGINT)"
                + " || ' bytes'"
                + " WHEN list_contains(types, 'INVALID ENCODING') THEN 'is not valid UTF-8'"
                + " WHEN list_contains(types, 'TOO MANY COLUMNS') OR list_contains(types, 'MISSING COLUMNS')"
                + "   THEN 'has ' || " + found + " || ' fields, expected ' || " + expected
                + " ELSE split_part(message, chr(10), 1) END AS reason,"
                + " left(CASE WHEN list_contains(types, 'UNQUOTED VALUE')"
                + "   THEN regexp_extract(csv_line, '^[^\\r\\n]*') ELSE csv_line END, " + RAW_CHARS + ") AS raw"
                + " FROM reject_records r JOIN reject_lines l USING (scan_id, position) ORDER BY l.line");
        session.execute("DROP TABLE reject_records");
        session.execute("DROP TABLE reject_lines");
    }

    /**
     * Creates {@code table} from the file's first {@value #MAX_COLUMNS} columns. DuckDB's CSV reader runs out of
     * memory on thousands of columns (it buffers every column of 2,048 rows per thread); reading fewer columns
     * still checks every row's field count.
     */
    private void read(String table, Path file, CsvDialect dialect, boolean header, long skip, int read,
                      DoubleConsumer onPercentage) throws SQLException, AnalysisCancelledException {
        int columns = dialect.columns().size();
        StringJoiner select = new StringJoiner(", ");
        for (int i = 0; i < Math.min(columns, MAX_COLUMNS); i++) {
            select.add(CsvDialect.sqlName(i));
        }
        session.execute("CREATE TABLE " + table + " AS SELECT " + (columns <= MAX_COLUMNS ? "*" : select) + " FROM "
                + readCsv(file, dialect, header, skip, read), onPercentage);
    }

    private static String readCsv(Path file, CsvDialect dialect, boolean header, long skip, int read) {
        StringJoiner columns = new StringJoiner(", ", "{", "}");
        for (int i = 0; i < dialect.columns().size(); i++) {
            columns.add(Sql.literal(CsvDialect.sqlName(i)) + ": 'VARCHAR'");
        }
        return "read_csv(" + Sql.literal(file.toString())
                + ", auto_detect = false, strict_mode = true, null_padding = false"
                + ", store_rejects = true, rejects_table = '" + rejectsTable(read) + "', rejects_scan = 'load_scans_"
                + read + "'"
                + ", delim = " + Sql.literal(dialect.delimiter())
                + ", quote = " + Sql.literal(dialect.quote())
                + ", escape = " + Sql.literal(dialect.escape())
                + (dialect.comment().isEmpty() ? "" : ", comment = " + Sql.literal(dialect.comment()))
                + ", header = " + header
                + ", skip = " + skip
                + ", encoding = 'utf-8'"
                // DuckDB guesses compression from the name: a text file called data.gz would be gunzipped
                + ", compression = 'none'"
                + ", columns = " + columns + ")";
    }
}
