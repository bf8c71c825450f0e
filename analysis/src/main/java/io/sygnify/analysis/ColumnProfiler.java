package io.sygnify.analysis;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Profiles each column of the typed table with one exact query per column ({@code SUMMARIZE} would be one
 * query, but its distinct count is approximate).
 */
final class ColumnProfiler {

    private final DuckDbSession session;

    ColumnProfiler(DuckDbSession session) {
        this.session = session;
    }

    /** @param onColumnDone receives the number of columns profiled so far */
    List<ColumnProfile> profile(List<DatasetColumn> columns, long rows, IntConsumer onColumnDone)
            throws SQLException, AnalysisCancelledException {
        List<ColumnProfile> profiles = new ArrayList<>();
        for (DatasetColumn column : columns) {
            profiles.add(profile(column, rows));
            onColumnDone.accept(profiles.size());
        }
        return profiles;
    }

    private ColumnProfile profile(DatasetColumn column, long rows) throws SQLException, AnalysisCancelledException {
        String name = column.sqlName();
        ColumnType type = column.type();
        boolean ranged = type.isNumeric() || type.isDateOrTimestamp();
        String sql = "SELECT count(*) - count(" + name + "), count(DISTINCT " + name + "), "
                + (ranged ? "min(" + name + "), max(" + name + "), " : "NULL, NULL, ")
                + (type.isNumeric() ? "avg(" + name + ")" : "NULL")
                + " FROM " + ColumnTypeResolver.TABLE;
        return session.query(sql, row -> {
            row.next();
            long missing = row.getLong(1);
            Double mean = row.getObject(5) == null ? null : row.getDouble(5);
            return new ColumnProfile(column.name(), type.label, missing, 100.0 * missing / rows, row.getLong(2),
                    value(row, 3, type), value(row, 4, type), mean);
        });
    }

    /** A Number for numeric columns, an ISO-8601 string for dates and timestamps, else null. */
    private static Object value(ResultSet row, int index, ColumnType type) throws SQLException {
        if (row.getObject(index) == null) {
            return null;
        }
        return switch (type) {
            case INTEGER -> row.getLong(index);
            case DECIMAL -> row.getDouble(index);
            case DATE -> row.getObject(index, LocalDate.class).toString();
            case TIMESTAMP -> row.getObject(index, LocalDateTime.class).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            case TIMESTAMP_WITH_ZONE ->
                    row.getObject(index, OffsetDateTime.class).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            default -> null;
        };
    }
}
