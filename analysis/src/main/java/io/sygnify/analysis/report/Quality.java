package io.sygnify.analysis.report;

import java.util.List;

/**
 * Data-quality alerts, each with the rule that raised it and its evidence, and a score that explains itself.
 *
 * @param score      100 minus the deductions, 0–100
 * @param deductions what lowered the score and by how much
 * @param alerts     the alerts, most severe first
 */
public record Quality(double score, List<Deduction> deductions, List<Alert> alerts) {

    /**
     * @param dimension {@code completeness}, {@code validity}, {@code uniqueness} or {@code consistency}
     * @param points    points taken off the score
     * @param rule      how the points follow from the evidence
     */
    public record Deduction(String dimension, double points, String rule) {
    }

    /**
     * @param kind      {@code empty}, {@code constant}, {@code missing}, {@code disguised_missing},
     *                  {@code high_cardinality}, {@code unique}, {@code duplicates}, {@code skewed}, {@code zeros},
     *                  {@code negatives}, {@code imbalance}, {@code high_correlation}, {@code mixed_types},
     *                  {@code ambiguous_dates}, {@code outliers}, {@code rejected_rows}, {@code non_stationary},
     *                  {@code seasonal}
     * @param severity  {@code info}, {@code warning} or {@code critical}
     * @param columns   the columns concerned (empty for the whole table)
     * @param message   one sentence with the evidence
     * @param value     the measured value the rule compares
     * @param threshold the rule's threshold
     */
    public record Alert(String kind, String severity, List<String> columns, String message, double value,
                        double threshold) {
    }
}
