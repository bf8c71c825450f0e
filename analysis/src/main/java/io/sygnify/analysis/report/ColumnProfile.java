package io.sygnify.analysis.report;

import io.sygnify.analysis.profile.ColumnProfiler;
import java.util.List;

/**
 * The profile of one column. Sub-profiles that do not apply to the column's type are null.
 *
 * @param name                  column name (from the header, or {@code column0}, {@code column1} … without one)
 * @param type                  detected type: {@code integer}, {@code decimal}, {@code boolean}, {@code date},
 *                              {@code timestamp}, {@code time} or {@code text}
 * @param missingCount          missing cells: empty, blank, or a disguised missing value (see
 *                              {@code disguisedMissing})
 * @param missingPercent        missingCount as a percentage of rows, 0–100
 * @param distinctCount         distinct present values
 * @param min                   smallest value: a {@link Number} for numeric columns, an ISO-8601 string for dates
 *                              and timestamps, null for other types or a column without values
 * @param max                   largest value, same rules as {@code min}
 * @param mean                  arithmetic mean for numeric columns, null otherwise
 * @param role                  what the column is used as: {@code measure}, {@code category}, {@code flag},
 *                              {@code identifier}, {@code time}, {@code free_text}, {@code constant} or
 *                              {@code empty}
 * @param format                how values are written when it matters to reading them, e.g. {@code dd/mm/yyyy},
 *                              {@code currency}, {@code percent}, {@code thousands_separator}; null otherwise
 * @param typeConfidence        share of non-missing values that are valid values of {@code type}, 0–1
 * @param presentCount          cells with a valid value
 * @param invalidCount          non-missing cells that are not values of {@code type}; left out of the statistics
 * @param invalidExamples       up to 5 such values, most frequent first
 * @param disguisedMissingCount cells holding a placeholder for "missing" ({@code N/A}, {@code -}, {@code null},
 *                              {@code 1900-01-01} …), included in missingCount
 * @param disguisedMissing      those placeholders with their counts, most frequent first
 * @param uniqueCount           values that occur exactly once
 * @param numeric               statistics of numeric columns
 * @param categories            most frequent values and balance, for non-numeric columns and few-valued numbers
 * @param temporal              range and regularity of date and timestamp columns
 * @param text                  length statistics of text columns
 */
public record ColumnProfile(String name, String type, long missingCount, double missingPercent,
                            long distinctCount, Object min, Object max, Double mean, String role, String format,
                            double typeConfidence, long presentCount, long invalidCount,
                            List<String> invalidExamples, long disguisedMissingCount,
                            List<ValueCount> disguisedMissing, long uniqueCount, NumericStats numeric,
                            CategoryStats categories, TemporalStats temporal, TextStats text) {

    /** A value and how many cells hold it. */
    public record ValueCount(String value, long count) {
    }

    /**
     * @param sum          sum of the values
     * @param std          sample standard deviation
     * @param p5           5th percentile (linear interpolation); p25, p50 (median), p75, p95 likewise
     * @param iqr          p75 − p25
     * @param mad          median absolute deviation from the median
     * @param skewness     sample skewness (0 for symmetric data)
     * @param kurtosis     sample excess kurtosis (0 for normal data)
     * @param zeros        values equal to 0
     * @param negatives    values below 0
     * @param histogram    counts over equal-width bins, on a log10 scale for positive heavy-tailed values
     */
    public record NumericStats(Double sum, Double std, Double p5, Double p25, Double p50, Double p75, Double p95,
                               Double iqr, Double mad, Double skewness, Double kurtosis, long zeros, long negatives,
                               Histogram histogram) {
    }

    /**
     * @param scale  {@code linear}, or {@code log10} when the edges are powers of ten of the values
     * @param edges  bin edges in the column's units, one more than counts; the last bin includes its upper edge
     * @param counts values per bin
     */
    public record Histogram(String scale, List<Double> edges, List<Long> counts) {
    }

    /**
     * @param topValues     up to {@value ColumnProfiler#TOP_VALUES} most frequent values
     * @param otherCount    present cells holding any other value
     * @param majorityShare share of present cells holding the most frequent value, 0–1
     * @param imbalance     1 − normalised entropy of the value counts: 0 when all values are equally frequent,
     *                      1 when one value takes everything; null with fewer than 2 distinct values
     */
    public record CategoryStats(List<TopValue> topValues, long otherCount, double majorityShare, Double imbalance) {
    }

    /** A frequent value, its count and its share of present cells (0–1). */
    public record TopValue(String value, long count, double share) {
    }

    /**
     * @param granularity       finest unit the values are recorded in: {@code second}, {@code minute},
     *                          {@code hour}, {@code day}, {@code week}, {@code month}, {@code quarter}, {@code year}
     * @param spanDays          days from min to max
     * @param missingPeriods    periods of that granularity between min and max with no value (day and coarser)
     * @param largestGapFrom    the value before the longest stretch without values (for sub-day values, to the
     *                          hour)
     * @param largestGapTo      the value after it
     * @param ambiguousDayMonth whether both day-first and month-first readings fit every value
     * @param ambiguityEvidence how the reading was chosen, when ambiguous
     */
    public record TemporalStats(String granularity, double spanDays, Long missingPeriods, String largestGapFrom,
                                String largestGapTo, boolean ambiguousDayMonth, String ambiguityEvidence) {
    }

    /** Lengths in characters of present values. */
    /** This profile with another role (a measure found to mix quantities). */
    public ColumnProfile withRole(String newRole) {
        return new ColumnProfile(name, type, missingCount, missingPercent, distinctCount, min, max, mean, newRole,
                format, typeConfidence, presentCount, invalidCount, invalidExamples, disguisedMissingCount,
                disguisedMissing, uniqueCount, numeric, categories, temporal, text);
    }

    public record TextStats(int minLength, int maxLength, double meanLength) {
    }
}
