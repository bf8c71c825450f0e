package io.sygnify.analysis.ingest;

import io.sygnify.analysis.AnalysisCancelledException;
import io.sygnify.analysis.engine.DatasetColumn;
import io.sygnify.analysis.engine.DuckDbSession;
import io.sygnify.analysis.engine.Sql;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.List;
import java.util.StringJoiner;

/**
 * Writes what the engine read, for people to check it: {@value #ROWS} holds the typed table (columns named as in
 * the report, rows in file order, the N-th row being row number N of the report) and {@value #REJECTS} the rows
 * that could not be read ({@code line BIGINT, reason VARCHAR, raw VARCHAR}, by line). Each file is written under a
 * temporary name and renamed, so a reader never sees half a file.
 */
public final class TableExport {

    static final String ROWS = "rows.parquet";
    static final String REJECTS = "rejects.parquet";

    private TableExport() {
    }

    public static void write(DuckDbSession session, Path directory, List<DatasetColumn> columns)
            throws SQLException, AnalysisCancelledException, IOException {
        Files.createDirectories(directory);
        StringJoiner select = new StringJoiner(", ");
        for (DatasetColumn column : columns) {
            select.add(column.sqlName() + " AS " + identifier(column.name()));
        }
        String rows = columns.isEmpty() ? "SELECT 1 WHERE false" : "SELECT " + select + " FROM "
                + ColumnTypeResolver.TABLE; // insertion order is file order: DuckDB keeps it without a sort
        copy(session, rows, directory.resolve(ROWS));
        copy(session, "SELECT line, reason, raw FROM " + CsvLoader.REJECTS + " ORDER BY line",
                directory.resolve(REJECTS));
    }

    private static void copy(DuckDbSession session, String query, Path target)
            throws SQLException, AnalysisCancelledException, IOException {
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        session.execute("COPY (" + query + ") TO " + Sql.literal(partial.toAbsolutePath().toString())
                + " (FORMAT PARQUET)");
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
