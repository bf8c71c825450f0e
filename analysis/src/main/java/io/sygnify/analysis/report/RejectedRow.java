package io.sygnify.analysis.report;

/**
 * A row of the file that could not be read and is not part of the analysed table.
 *
 * @param line   1-based physical line where the row starts
 * @param kind   {@code too_many_fields}, {@code too_few_fields}, {@code unterminated_quote}, {@code line_too_long},
 *               {@code invalid_encoding} or {@code unreadable}
 * @param reason what is wrong, e.g. {@code has 4 fields, expected 3}
 * @param raw    the row's text as read, at most 1 KB of it
 */
public record RejectedRow(long line, String kind, String reason, String raw) {
}
