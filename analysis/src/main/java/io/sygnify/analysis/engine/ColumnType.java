package io.sygnify.analysis.engine;

import io.sygnify.analysis.ingest.ValueFormat;
import io.sygnify.analysis.report.ColumnProfile;
import java.util.Locale;

/** The column types the engine reports. How text becomes each of them is a {@link ValueFormat}. */
public enum ColumnType {
    INTEGER("integer"),
    DECIMAL("decimal"),
    BOOLEAN("boolean"),
    DATE("date"),
    TIMESTAMP("timestamp"),
    TIMESTAMP_WITH_ZONE("timestamp"),
    TIME("time"),
    TEXT("text");

    /** Name used in {@link ColumnProfile#type()}. */
    public final String label;

    ColumnType(String label) {
        this.label = label;
    }

    /** Maps a type name from DuckDB's {@code sniff_csv} ({@code BIGINT}, {@code TIMESTAMP WITH TIME ZONE} …). */
    public static ColumnType fromDuckDb(String sqlType) {
        String type = sqlType.toUpperCase(Locale.ROOT);
        if (type.equals("TIMESTAMP WITH TIME ZONE") || type.equals("TIMESTAMPTZ")) {
            return TIMESTAMP_WITH_ZONE;
        }
        if (type.startsWith("TIMESTAMP")) {
            return TIMESTAMP;
        }
        return switch (type) {
            case "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER",
                 "UBIGINT" -> INTEGER;
            case "FLOAT", "DOUBLE" -> DECIMAL;
            case "BOOLEAN" -> BOOLEAN;
            case "DATE" -> DATE;
            case "TIME" -> TIME;
            default -> type.startsWith("DECIMAL") ? DECIMAL : TEXT;
        };
    }

    public boolean isNumeric() {
        return this == INTEGER || this == DECIMAL;
    }

    /** Whether min and max are reported as ISO-8601 strings. */
    public boolean isDateOrTimestamp() {
        return this == DATE || this == TIMESTAMP || this == TIMESTAMP_WITH_ZONE;
    }
}
