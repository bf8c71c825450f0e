package io.sygnify.analysis;

/**
 * The profile of one column.
 *
 * @param name          column name (from the header, or {@code column0}, {@code column1} … without one)
 * @param type          detected type: {@code integer}, {@code decimal}, {@code boolean}, {@code date},
 *                      {@code timestamp}, {@code time} or {@code text}
 * @param missingCount  empty or null cells
 * @param missingPercent missingCount as a percentage of rows, 0–100
 * @param distinctCount distinct non-missing values
 * @param min           smallest value: a {@link Number} for numeric columns, an ISO-8601 string for dates
 *                      and timestamps, null for other types or an all-missing column
 * @param max           largest value, same rules as {@code min}
 * @param mean          arithmetic mean for numeric columns, null otherwise
 */
public record ColumnProfile(String name, String type, long missingCount, double missingPercent,
                            long distinctCount, Object min, Object max, Double mean) {
}
