package io.sygnify.analysis.ingest;

import io.sygnify.analysis.engine.ColumnType;
import io.sygnify.analysis.engine.Sql;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Placeholders people write for "no value", counted as missing (and reported as disguised missing values).
 *
 * <p>{@code NA} counts only in columns that are otherwise numbers, dates or booleans: in a text column it may be a
 * code (Namibia, North America). Placeholder dates count only in date and timestamp columns.
 */
final class MissingValues {

    static final List<String> TOKENS = List.of("N/A", "n/a", "N/a", "#N/A", "#NA", "null", "NULL", "Null", "None",
            "none", "NONE", "nil", "NIL", "-", "--", "---", "?", "??", "NaN", "nan", "NAN", "(blank)", "(null)",
            "missing", "MISSING", "Missing", "undefined", "#VALUE!", "NA", "na", "Na");
    /** Placeholders that are also codes, counted as missing only outside text columns. */
    static final List<String> TEXT_CODES = List.of("NA", "na", "Na");
    static final List<String> PLACEHOLDER_DATES = List.of("1900-01-01", "1899-12-30", "1899-12-31", "9999-12-31",
            "0001-01-01");

    private MissingValues() {
    }

    /** The tokens that count as missing in a column of the given type. */
    static List<String> tokens(ColumnType type) {
        return type == ColumnType.TEXT ? TOKENS.stream().filter(t -> !TEXT_CODES.contains(t)).toList() : TOKENS;
    }

    static boolean isToken(String trimmed) {
        return TOKENS.contains(trimmed);
    }

    /** SQL true when the text {@code value} (trimmed) is one of the tokens. */
    static String isToken(String value, List<String> tokens) {
        // one function over a constant list (an IN list is one comparison per token, and with hundreds of columns
        // the query takes seconds to plan), and only on short values: no placeholder is longer
        // CASE, not AND: DuckDB evaluates both sides of an AND, but only the branch a CASE takes; strlen is the
        // stored byte length, free where length() counts characters. The first character rules out most values
        // before the trim and the list (a fifth of the type check on 1M rows of 15 columns)
        int longest = tokens.stream().mapToInt(String::length).max().orElse(0);
        String firsts = Stream.concat(Stream.of(" "), tokens.stream())
                .map(token -> token.codePointAt(0)).distinct().sorted().map(String::valueOf)
                .collect(Collectors.joining(", "));
        return "(CASE WHEN strlen(" + value + ") <= " + (longest + PADDING) + " AND ascii(" + value + ") IN ("
                + firsts + ") THEN list_contains(["
                + tokens.stream().map(Sql::literal).collect(Collectors.joining(", ")) + "], trim(" + value
                + ")) ELSE false END)";
    }

    // placeholders may come with a few spaces around them
    private static final int PADDING = 4;

    /** SQL true when the typed date or timestamp {@code value} is a placeholder date. */
    static String isPlaceholderDate(String value) {
        return "CAST(" + value + " AS DATE) IN (" + PLACEHOLDER_DATES.stream().map(d -> "DATE '" + d + "'")
                .collect(Collectors.joining(", ")) + ")";
    }
}
