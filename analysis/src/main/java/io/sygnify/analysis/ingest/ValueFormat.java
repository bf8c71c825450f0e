package io.sygnify.analysis.ingest;

import io.sygnify.analysis.engine.ColumnType;
import io.sygnify.analysis.engine.Sql;
import io.sygnify.analysis.report.ColumnProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One way the values of a column can be written: how to recognise it on a sample (a Java pattern over the
 * trimmed value) and how to read it in DuckDB (SQL turning the text into the typed value, NULL when it does not
 * fit). {@link ColumnTypeResolver} proposes formats from a sample and checks them over every row.
 *
 * @param name     the format as reported in {@link ColumnProfile#format()}, null for plain numbers and ISO dates
 * @param type     the type values of this format have
 * @param pattern  whole-value pattern for a trimmed sample value
 * @param reader   builds the SQL that reads a non-blank text value
 * @param partner  for day-first and month-first formats, the other reading of the same strings
 */
public record ValueFormat(String name, ColumnType type, Pattern pattern, Reader reader, String partner) {

    /** SQL reading the text {@code value}; NULL when the value does not fit. */
    @FunctionalInterface
    interface Reader {
        String read(String value);
    }

    String read(String value) {
        return reader.read(value);
    }

    /**
     * SQL reading {@code value} when every non-blank value of the column fits this format: the same result as
     * {@link #read}, without the character checks that only rule out misfits.
     */
    String readFitting(String value) {
        if (this == INTEGER) {
            return "TRY_CAST(" + value + " AS BIGINT)";
        }
        return this == DECIMAL ? "TRY_CAST(" + value + " AS DOUBLE)" : read(value);
    }

    /** SQL that is true when the non-blank text {@code value} fits this format. */
    String accepts(String value) {
        return "(" + read(value) + ") IS NOT NULL";
    }

    // TRY_CAST accepts '1.5', '1e3', '0x10' and '1_000' as integers (rounding '1.5' to 2) and 'nan' as a
    // number; a GLOB on the characters rules those out. GLOB is ~10x cheaper than trim() or regexp here.
    // '-' must come first in a GLOB class, elsewhere it makes a range
    private static final String NOT_INTEGER_GLOB = "'*[!-+ 0-9]*'";
    private static final String NOT_DECIMAL_GLOB = "'*[!-+ .0-9eE]*'";

    static final ValueFormat INTEGER = new ValueFormat(null, ColumnType.INTEGER, Pattern.compile("[-+]?\\d{1,18}"),
            v -> "CASE WHEN NOT " + v + " GLOB " + NOT_INTEGER_GLOB + " THEN TRY_CAST(" + v + " AS BIGINT) END",
            null);
    static final ValueFormat DECIMAL = new ValueFormat(null, ColumnType.DECIMAL,
            Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?"),
            v -> "CASE WHEN NOT " + v + " GLOB " + NOT_DECIMAL_GLOB + " THEN TRY_CAST(" + v + " AS DOUBLE) END", null);
    static final ValueFormat BOOLEAN = new ValueFormat("true/false", ColumnType.BOOLEAN,
            Pattern.compile("(?i)true|false|t|f|yes|no|y|n"),
            v -> "CASE lower(trim(" + v + ")) WHEN 'true' THEN true WHEN 't' THEN true WHEN 'yes' THEN true"
                    + " WHEN 'y' THEN true WHEN 'false' THEN false WHEN 'f' THEN false WHEN 'no' THEN false"
                    + " WHEN 'n' THEN false END", null);
    static final ValueFormat TIME = new ValueFormat(null, ColumnType.TIME,
            Pattern.compile("\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d+)?)?"), v -> "TRY_CAST(" + v + " AS TIME)", null);
    static final ValueFormat ISO_DATE = new ValueFormat(null, ColumnType.DATE,
            Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}"), v -> "TRY_CAST(" + v + " AS DATE)", null);
    static final ValueFormat ISO_TIMESTAMP = new ValueFormat(null, ColumnType.TIMESTAMP,
            Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}[ T]\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d+)?)?"),
            v -> "TRY_CAST(" + v + " AS TIMESTAMP)", null);
    // Shopify writes "2023-01-01 08:54:11 -0500"; DuckDB reads the offset only when no space precedes it
    static final ValueFormat ISO_TIMESTAMP_ZONE = new ValueFormat(null, ColumnType.TIMESTAMP_WITH_ZONE,
            Pattern.compile("\\d{4}-\\d{1,2}-\\d{1,2}[ T]\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d+)?)?"
                    + "\\s*(Z|UTC|GMT|[-+]\\d{2}(:?\\d{2})?)"),
            v -> "TRY_CAST(regexp_replace(" + v + ", '\\s+([-+]\\d{2}(:?\\d{2})?|Z)\\s*$', '\\1') AS TIMESTAMPTZ)",
            null);

    private static final String CURRENCY = "(?:[$€£¥₹₩₽]|(?:US|CA|AU|NZ|HK|S|R)\\$|(?:USD|EUR|GBP|JPY|CHF|CAD|AUD"
            + "|NZD|CNY|INR|BRL|MXN|SEK|NOK|DKK|PLN|ZAR|HKD|SGD|KRW|RUB|TRY|CZK|HUF))";
    // thousands grouped by a separator (or none), the other mark for decimals; RE2 and Java read these alike
    private static final String WHOLE_POINT = "(?:\\d{1,3}(?:[, '\u00A0\u202F]\\d{3})+|\\d+)";
    private static final String WHOLE_COMMA = "(?:\\d{1,3}(?:[. '\u00A0\u202F]\\d{3})+|\\d+)";
    private static final String POINT_NUMBER = WHOLE_POINT + "(?:\\.\\d+)?";
    private static final String COMMA_NUMBER = WHOLE_COMMA + "(?:,\\d+)?";

    /** Numbers with a decimal point: thousands separators, currency, percent and (accounting) negatives. */
    static final ValueFormat POINT_DECIMAL = number("decimal_point", ColumnType.DECIMAL, POINT_NUMBER, "[^0-9.]",
            false);
    /** The same with a decimal comma (1.234,56 €). */
    static final ValueFormat COMMA_DECIMAL = number("decimal_comma", ColumnType.DECIMAL, COMMA_NUMBER, "[^0-9,]",
            true);
    /**
     * Whole numbers written the same ways ({@code "21,282"}, {@code $1,790}): counts stay integers. Proposed only
     * when the sample has no fractions ({@link ColumnTypeResolver}), so they are not in {@link #ALL}.
     */
    static final ValueFormat POINT_INTEGER = number("integer_point", ColumnType.INTEGER, WHOLE_POINT, "[^0-9]",
            false);
    static final ValueFormat COMMA_INTEGER = number("integer_comma", ColumnType.INTEGER, WHOLE_COMMA, "[^0-9]",
            false);

    /** A number written with separators, currency, percent or parentheses: its report label lists which. */
    boolean decorated() {
        return this == POINT_DECIMAL || this == COMMA_DECIMAL || this == POINT_INTEGER || this == COMMA_INTEGER;
    }

    private static ValueFormat number(String name, ColumnType type, String number, String strip, boolean comma) {
        String whole = "\\(?\\s*[-+−]?\\s*(?:" + CURRENCY + "\\s*)?[-+−]?\\s*" + number + "\\s*(?:" + CURRENCY
                + ")?\\s*%?\\s*\\)?";
        String cast = type == ColumnType.INTEGER ? "BIGINT" : "DOUBLE";
        return new ValueFormat(name, type, Pattern.compile(whole), v -> {
            String digits = "regexp_replace(" + v + ", '" + strip + "', '', 'g')";
            if (comma) {
                digits = "replace(" + digits + ", ',', '.')";
            }
            // GLOB classes match bytes: the minus sign U+2212 shares its first byte with €, so it gets its own LIKE
            return "CASE WHEN regexp_full_match(trim(" + v + "), " + Sql.literal(whole) + ") THEN (CASE WHEN "
                    + v + " GLOB '*[-(]*' OR " + v + " LIKE '%−%' THEN -1 ELSE 1 END) * TRY_CAST(" + digits
                    + " AS " + cast + ") END";
        }, null);
    }

    /** Dates and timestamps read with strptime; several formats are tried in turn. */
    private static ValueFormat strptime(String name, ColumnType type, String pattern, String partner,
                                        String... formats) {
        return new ValueFormat(name, type, Pattern.compile(pattern), v -> {
            String reads = java.util.Arrays.stream(formats)
                    .map(f -> "try_strptime(trim(" + v + "), " + Sql.literal(f) + ")")
                    .collect(Collectors.joining(", "));
            String timestamp = formats.length == 1 ? reads : "coalesce(" + reads + ")";
            return type == ColumnType.DATE ? "CAST(" + timestamp + " AS DATE)" : timestamp;
        }, partner);
    }

    private static final String TIME_PART = "\\s+\\d{1,2}:\\d{2}(:\\d{2})?(\\s*[AaPp][Mm])?";
    private static final String[] TIMES = {"%H:%M:%S", "%H:%M", "%I:%M:%S %p", "%I:%M %p", "%I:%M:%S%p", "%I:%M%p"};

    private static String[] withTimes(String date) {
        return java.util.Arrays.stream(TIMES).map(t -> date + " " + t).toArray(String[]::new);
    }

    /** Every format, in order of preference when several fit a sample. */
    static final List<ValueFormat> ALL = List.of(
            BOOLEAN, INTEGER, DECIMAL, TIME,
            ISO_DATE, ISO_TIMESTAMP, ISO_TIMESTAMP_ZONE,
            strptime("yyyy/mm/dd", ColumnType.DATE, "\\d{4}/\\d{1,2}/\\d{1,2}", null, "%Y/%m/%d"),
            strptime("yyyy.mm.dd", ColumnType.DATE, "\\d{4}\\.\\d{1,2}\\.\\d{1,2}", null, "%Y.%m.%d"),
            strptime("dd/mm/yyyy", ColumnType.DATE, "\\d{1,2}/\\d{1,2}/\\d{4}", "mm/dd/yyyy", "%d/%m/%Y"),
            strptime("mm/dd/yyyy", ColumnType.DATE, "\\d{1,2}/\\d{1,2}/\\d{4}", "dd/mm/yyyy", "%m/%d/%Y"),
            strptime("dd-mm-yyyy", ColumnType.DATE, "\\d{1,2}-\\d{1,2}-\\d{4}", "mm-dd-yyyy", "%d-%m-%Y"),
            strptime("mm-dd-yyyy", ColumnType.DATE, "\\d{1,2}-\\d{1,2}-\\d{4}", "dd-mm-yyyy", "%m-%d-%Y"),
            strptime("dd.mm.yyyy", ColumnType.DATE, "\\d{1,2}\\.\\d{1,2}\\.\\d{4}", null, "%d.%m.%Y"),
            strptime("dd/mm/yy", ColumnType.DATE, "\\d{1,2}/\\d{1,2}/\\d{2}", "mm/dd/yy", "%d/%m/%y"),
            strptime("mm/dd/yy", ColumnType.DATE, "\\d{1,2}/\\d{1,2}/\\d{2}", "dd/mm/yy", "%m/%d/%y"),
            strptime("dd.mm.yy", ColumnType.DATE, "\\d{1,2}\\.\\d{1,2}\\.\\d{2}", null, "%d.%m.%y"),
            strptime("d mmm yyyy", ColumnType.DATE, "\\d{1,2}\\s+[A-Za-z]{3,9}\\.?,?\\s+\\d{4}", null,
                    "%d %b %Y", "%d %B %Y", "%d %b. %Y", "%d %b, %Y", "%d %B, %Y"),
            strptime("d-mmm-yyyy", ColumnType.DATE, "\\d{1,2}[-/][A-Za-z]{3}[-/]\\d{2}(\\d{2})?", null,
                    "%d-%b-%Y", "%d-%b-%y", "%d/%b/%Y", "%d/%b/%y"),
            strptime("mmm d, yyyy", ColumnType.DATE, "[A-Za-z]{3,9}\\.?\\s+\\d{1,2}(st|nd|rd|th)?,?\\s+\\d{4}", null,
                    "%b %d, %Y", "%B %d, %Y", "%b %d %Y", "%B %d %Y", "%b. %d, %Y"),
            // months: statements and plans have a row per month, dated by the month alone (its first day)
            strptime("yyyy-mm", ColumnType.DATE, "\\d{4}-\\d{1,2}", null, "%Y-%m"),
            strptime("yyyy/mm", ColumnType.DATE, "\\d{4}/\\d{1,2}", null, "%Y/%m"),
            strptime("mm/yyyy", ColumnType.DATE, "\\d{1,2}/\\d{4}", null, "%m/%Y"),
            strptime("mmm yyyy", ColumnType.DATE, "[A-Za-z]{3,9}\\.?\\s+\\d{4}", null, "%b %Y", "%B %Y", "%b. %Y"),
            // Excel's mmm-yy; "Jan 15" with a space is as likely the 15th of January, so only the dash
            strptime("mmm-yy", ColumnType.DATE, "[A-Za-z]{3}-\\d{2}", null, "%b-%y"),
            strptime("dd/mm/yyyy hh:mm", ColumnType.TIMESTAMP, "\\d{1,2}/\\d{1,2}/\\d{4}" + TIME_PART,
                    "mm/dd/yyyy hh:mm", withTimes("%d/%m/%Y")),
            strptime("mm/dd/yyyy hh:mm", ColumnType.TIMESTAMP, "\\d{1,2}/\\d{1,2}/\\d{4}" + TIME_PART,
                    "dd/mm/yyyy hh:mm", withTimes("%m/%d/%Y")),
            strptime("dd.mm.yyyy hh:mm", ColumnType.TIMESTAMP, "\\d{1,2}\\.\\d{1,2}\\.\\d{4}" + TIME_PART, null,
                    withTimes("%d.%m.%Y")),
            strptime("dd-mm-yyyy hh:mm", ColumnType.TIMESTAMP, "\\d{1,2}-\\d{1,2}-\\d{4}" + TIME_PART,
                    "mm-dd-yyyy hh:mm", withTimes("%d-%m-%Y")),
            strptime("mm-dd-yyyy hh:mm", ColumnType.TIMESTAMP, "\\d{1,2}-\\d{1,2}-\\d{4}" + TIME_PART,
                    "dd-mm-yyyy hh:mm", withTimes("%m-%d-%Y")),
            strptime("yyyy/mm/dd hh:mm", ColumnType.TIMESTAMP, "\\d{4}/\\d{1,2}/\\d{1,2}" + TIME_PART, null,
                    withTimes("%Y/%m/%d")),
            POINT_DECIMAL, COMMA_DECIMAL);

    /**
     * Dates written as eight digits ({@code 20230115}, as analytics and ERP exports do). Any such value is also an
     * integer, so {@link ColumnTypeResolver} proposes it only where the sample makes a date likely; not in
     * {@link #ALL}.
     */
    static final ValueFormat COMPACT_DATE = strptime("yyyymmdd", ColumnType.DATE,
            "(1[89]|20)\\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\\d|3[01])", null, "%Y%m%d");

    /**
     * Years written alone ({@code 2023}, as statistics offices and annual reports do), read as their 1 January. Any
     * such value is also an integer, so {@link ColumnTypeResolver} proposes it only for a column named like a year;
     * not in {@link #ALL}.
     */
    static final ValueFormat YEAR = strptime("yyyy", ColumnType.DATE, "(1[89]|20)\\d{2}", null, "%Y");

    /**
     * Durations written as hours, minutes and seconds ({@code 00:03:12}, {@code 125:30:00}), read as seconds. A
     * time of day is written the same way, so {@link ColumnTypeResolver} proposes it only for a column named like
     * a duration or with 24 hours or more; not in {@link #ALL}.
     */
    static final ValueFormat DURATION = new ValueFormat("h:mm:ss, in seconds", ColumnType.DECIMAL,
            Pattern.compile("\\d{1,6}:[0-5]\\d:[0-5]\\d(\\.\\d+)?"),
            v -> "epoch(TRY_CAST(trim(" + v + ") AS INTERVAL))", null);

    /** The formats that fit every one of the values (trimmed, non-blank), in order of preference. */
    static List<ValueFormat> fitting(List<String> values, double minShare) {
        List<ValueFormat> fits = new ArrayList<>();
        long allowed = (long) Math.floor((1 - minShare) * values.size());
        for (ValueFormat format : ALL) {
            long misses = 0;
            // most formats miss on the first values: stop as soon as the share cannot be reached
            for (int i = 0; i < values.size() && misses <= allowed; i++) {
                misses += format.pattern().matcher(values.get(i)).matches() ? 0 : 1;
            }
            if (!values.isEmpty() && misses <= allowed) {
                fits.add(format);
            }
        }
        return fits;
    }
}
