package io.sygnify.analysis;

import java.util.Locale;

/**
 * The column types the engine reports, and how to convert a column's text to each of them in DuckDB SQL.
 *
 * <p>Conversions are stricter than DuckDB's {@code TRY_CAST}, which rounds {@code '1.5'} to the integer 2.
 */
enum ColumnType {
    INTEGER("integer"),
    DECIMAL("decimal"),
    BOOLEAN("boolean"),
    DATE("date"),
    TIMESTAMP("timestamp"),
    TIMESTAMP_WITH_ZONE("timestamp"),
    TIME("time"),
    TEXT("text");

    // TRY_CAST accepts '1.5', '1e3', '0x10' and '1_000' as integers (rounding '1.5' to 2) and 'nan' as a
    // number; a GLOB on the characters rules those out. GLOB is ~10x cheaper than trim() or regexp here.
    // '-' must come first in a GLOB class, elsewhere it makes a range
    private static final String NOT_INTEGER_GLOB = "'*[!-+ 0-9]*'";
    private static final String NOT_DECIMAL_GLOB = "'*[!-+ .0-9eE]*'";
    private static final String ISO_DATE = "%Y-%m-%d";

    /** Name used in {@link ColumnProfile#type()}. */
    final String label;

    ColumnType(String label) {
        this.label = label;
    }

    /** Maps a type name from DuckDB's {@code sniff_csv} ({@code BIGINT}, {@code TIMESTAMP WITH TIME ZONE} …). */
    static ColumnType fromDuckDb(String sqlType) {
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

    /** The next type to try when a value does not convert: integer widens to decimal, all else to text. */
    ColumnType wider() {
        return this == INTEGER ? DECIMAL : TEXT;
    }

    boolean isNumeric() {
        return this == INTEGER || this == DECIMAL;
    }

    /** Whether min and max are reported as ISO-8601 strings. */
    boolean isDateOrTimestamp() {
        return this == DATE || this == TIMESTAMP || this == TIMESTAMP_WITH_ZONE;
    }

    /**
     * SQL converting the text {@code value} to this type: NULL when it is NULL, blank or does not convert.
     * Values may carry surrounding spaces; TRY_CAST ignores them.
     *
     * @param dialect supplies the date and timestamp formats DuckDB's sniffer found, if any
     */
    String convert(String value, CsvDialect dialect) {
        return switch (this) {
            case INTEGER -> "TRY_CAST(" + value + " AS BIGINT)";
            case DECIMAL -> "TRY_CAST(" + value + " AS DOUBLE)";
            case BOOLEAN -> "TRY_CAST(trim(" + value + ") AS BOOLEAN)";
            case DATE -> isIso(dialect.dateFormat()) ? "TRY_CAST(" + value + " AS DATE)"
                    : "TRY_CAST(try_strptime(trim(" + value + "), " + Sql.literal(dialect.dateFormat()) + ") AS DATE)";
            case TIMESTAMP -> dialect.timestampFormat() == null ? "TRY_CAST(" + value + " AS TIMESTAMP)"
                    : "try_strptime(trim(" + value + "), " + Sql.literal(dialect.timestampFormat()) + ")";
            case TIMESTAMP_WITH_ZONE -> "TRY_CAST(" + value + " AS TIMESTAMPTZ)";
            case TIME -> "TRY_CAST(" + value + " AS TIME)";
            case TEXT -> "CASE WHEN " + isBlank(value) + " THEN NULL ELSE " + value + " END";
        };
    }

    /** SQL that is true when the non-blank text {@code value} is a value of this type. */
    String accepts(String value, CsvDialect dialect) {
        String converts = "(" + convert(value, dialect) + ") IS NOT NULL";
        return switch (this) {
            case INTEGER -> converts + " AND NOT " + value + " GLOB " + NOT_INTEGER_GLOB;
            case DECIMAL -> converts + " AND NOT " + value + " GLOB " + NOT_DECIMAL_GLOB;
            default -> converts;
        };
    }

    /** SQL that is true when the text {@code value} is missing: NULL, empty or only whitespace. */
    static String isBlank(String value) {
        return "(" + value + " IS NULL OR NOT " + value + " GLOB '*[! \t\r\n]*')";
    }

    private static boolean isIso(String dateFormat) {
        return dateFormat == null || dateFormat.equals(ISO_DATE);
    }
}
