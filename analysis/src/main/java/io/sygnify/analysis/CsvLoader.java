package io.sygnify.analysis;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.StringJoiner;
import java.util.function.DoubleConsumer;

/**
 * Loads every row of the file into the table {@value #TABLE}, all columns as text, in one DuckDB query.
 *
 * <p>The dialect is fixed ({@code auto_detect=false}) so the query does nothing but read: with
 * {@code sample_size=-1} DuckDB would instead re-sniff the whole file while binding, once when the statement is
 * prepared and again when it runs, with no progress and no reaction to cancel during that time. Types are
 * decided afterwards, over the whole column, by {@link ColumnTypeResolver}. Strict mode makes a row with the
 * wrong number of fields or an unterminated quote fail the load with its line.
 */
final class CsvLoader {

    static final String TABLE = "raw_rows";

    private final DuckDbSession session;

    CsvLoader(DuckDbSession session) {
        this.session = session;
    }

    /** Returns the number of data rows read. */
    long load(Path file, CsvDialect dialect, TextEncoding encoding, DoubleConsumer onPercentage)
            throws SQLException, AnalysisException, AnalysisCancelledException {
        try {
            session.execute("CREATE TABLE " + TABLE + " AS SELECT * FROM " + readCsv(file, dialect, encoding),
                    onPercentage);
        } catch (SQLException e) {
            throw CsvReadErrors.translate(e, record -> lineOf(record, file, dialect, encoding), encoding,
                    dialect.quote());
        }
        return session.query("SELECT count(*) FROM " + TABLE, resultSet -> {
            resultSet.next();
            return resultSet.getLong(1);
        });
    }

    private static String readCsv(Path file, CsvDialect dialect, TextEncoding encoding) {
        StringJoiner columns = new StringJoiner(", ", "{", "}");
        for (int i = 0; i < dialect.columns().size(); i++) {
            columns.add(Sql.literal(CsvDialect.sqlName(i)) + ": 'VARCHAR'");
        }
        return "read_csv(" + Sql.literal(file.toString())
                + ", auto_detect = false, strict_mode = true, null_padding = false"
                + ", delim = " + Sql.literal(dialect.delimiter())
                + ", quote = " + Sql.literal(dialect.quote())
                + ", escape = " + Sql.literal(dialect.escape())
                + (dialect.comment().isEmpty() ? "" : ", comment = " + Sql.literal(dialect.comment()))
                + ", header = " + dialect.hasHeader()
                + ", skip = " + dialect.skipRows()
                + ", encoding = " + Sql.literal(encoding.duckDbName)
                // DuckDB guesses compression from the name: a text file called data.gz would be gunzipped
                + ", compression = 'none'"
                + ", columns = " + columns + ")";
    }

    private static long lineOf(long record, Path file, CsvDialect dialect, TextEncoding encoding)
            throws IOException {
        // InputStreamReader replaces undecodable bytes instead of failing, unlike Files.newBufferedReader
        try (Reader reader = new InputStreamReader(Files.newInputStream(file), encoding.charset)) {
            return new CsvRecordScanner(reader, dialect.delimiter(), dialect.quote(), dialect.escape())
                    .lineOfRecord(record);
        }
    }
}
