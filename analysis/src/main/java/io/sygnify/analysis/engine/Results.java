package io.sygnify.analysis.engine;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Reads DuckDB values from a result set into the report's types; NaN and infinities become null. */
public final class Results {

    private Results() {
    }

    public static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    public static Double nullableDouble(ResultSet row, int index) throws SQLException {
        double value = row.getDouble(index);
        return row.wasNull() ? null : finite(value);
    }

    static Long nullableLong(ResultSet row, int index) throws SQLException {
        long value = row.getLong(index);
        return row.wasNull() ? null : value;
    }

    public static List<Double> doubles(ResultSet row, int index) throws SQLException {
        List<Double> list = new ArrayList<>();
        for (Object value : array(row, index)) {
            list.add(value == null ? null : finite(((Number) value).doubleValue()));
        }
        return list;
    }

    public static List<Long> longs(ResultSet row, int index) throws SQLException {
        List<Long> list = new ArrayList<>();
        for (Object value : array(row, index)) {
            list.add(value == null ? null : ((Number) value).longValue());
        }
        return list;
    }

    public static List<String> strings(ResultSet row, int index) throws SQLException {
        List<String> list = new ArrayList<>();
        for (Object value : array(row, index)) {
            list.add(value == null ? null : value.toString());
        }
        return list;
    }

    private static Object[] array(ResultSet row, int index) throws SQLException {
        Array array = row.getArray(index);
        return array == null ? new Object[0] : (Object[]) array.getArray();
    }

    /** A Number for numeric columns, an ISO-8601 string for dates and timestamps, else null. */
    public static Object value(ResultSet row, int index, ColumnType type) throws SQLException {
        if (row.getObject(index) == null) {
            return null;
        }
        return switch (type) {
            case INTEGER -> row.getLong(index);
            case DECIMAL -> finite(row.getDouble(index));
            case DATE -> row.getObject(index, LocalDate.class).toString();
            case TIMESTAMP -> row.getObject(index, LocalDateTime.class).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
            case TIMESTAMP_WITH_ZONE ->
                    row.getObject(index, OffsetDateTime.class).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            default -> null;
        };
    }
}
