package io.sygnify.analysis.engine;

import io.sygnify.analysis.AnalysisCancelledException;
import io.sygnify.analysis.ingest.ColumnTypeResolver;
import java.sql.SQLException;
import java.util.List;
import java.util.StringJoiner;

/**
 * A deterministic sample of the typed table's rows, for the few analyses that run in Java on row values
 * (Spearman's ρ, the search for dependencies). Rows are chosen by a hash of their number, so the same file always
 * gives the same sample, whatever the thread count.
 */
public final class RowSample {

    static final int SIZE = 50_000;
    private static final long BUCKETS = 1_000_003;

    private RowSample() {
    }

    /** A WHERE clause keeping about {@link #SIZE} rows of {@code rows}, or an empty string to keep them all. */
    public static String where(long rows) {
        return where(rows, SIZE);
    }

    public static String where(long rows, int size) {
        if (rows <= size) {
            return "";
        }
        long keep = (long) Math.ceil((double) size / rows * BUCKETS);
        return " WHERE hash(" + ColumnTypeResolver.ROW + ") % " + BUCKETS + " < " + keep;
    }

    /** The sampled values of numeric columns, {@code values[column][row]}, NaN where missing. */
    public static double[][] numeric(DuckDbSession session, List<String> sqlColumns, long rows)
            throws SQLException, AnalysisCancelledException {
        StringJoiner select = new StringJoiner(", ");
        sqlColumns.forEach(column -> select.add(column + "::DOUBLE"));
        return session.query("SELECT " + select + " FROM " + ColumnTypeResolver.TABLE + where(rows), resultSet -> {
            int m = sqlColumns.size();
            double[][] buffer = new double[m][1024];
            int n = 0;
            while (resultSet.next()) {
                if (n == buffer[0].length) {
                    for (int c = 0; c < m; c++) {
                        buffer[c] = java.util.Arrays.copyOf(buffer[c], n * 2);
                    }
                }
                for (int c = 0; c < m; c++) {
                    double value = resultSet.getDouble(c + 1);
                    buffer[c][n] = resultSet.wasNull() ? Double.NaN : value;
                }
                n++;
            }
            double[][] values = new double[m][];
            for (int c = 0; c < m; c++) {
                values[c] = java.util.Arrays.copyOf(buffer[c], n);
            }
            return values;
        });
    }

    /** The sampled values of columns as text, {@code values[column][row]}, null where missing. */
    public static String[][] text(DuckDbSession session, List<String> sqlColumns, long rows, int size)
            throws SQLException, AnalysisCancelledException {
        StringJoiner select = new StringJoiner(", ");
        sqlColumns.forEach(column -> select.add("CAST(" + column + " AS VARCHAR)"));
        String sql = "SELECT " + select + " FROM " + ColumnTypeResolver.TABLE + where(rows, size);
        return session.query(sql, resultSet -> {
            int m = sqlColumns.size();
            List<String[]> list = new java.util.ArrayList<>();
            while (resultSet.next()) {
                String[] row = new String[m];
                for (int c = 0; c < m; c++) {
                    row[c] = resultSet.getString(c + 1);
                }
                list.add(row);
            }
            String[][] values = new String[m][list.size()];
            for (int r = 0; r < list.size(); r++) {
                for (int c = 0; c < m; c++) {
                    values[c][r] = list.get(r)[c];
                }
            }
            return values;
        });
    }
}
