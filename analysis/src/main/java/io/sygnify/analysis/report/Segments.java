package io.sygnify.analysis.report;

import java.util.List;

/**
 * Which values of each categorical dimension contribute most to each main measure, and how concentrated the
 * measure is across them.
 *
 * @param breakdowns one per (measure, dimension), the row count first
 * @param flagRates  where a yes/no column is far more often yes: per flag and dimension, the value whose rows
 *                   carry it most (since 2.6)
 * @param flagEffects how a main measure differs where a yes/no column is set (since 2.10)
 * @param notes      why parts are absent
 */
public record Segments(List<Breakdown> breakdowns, List<FlagRate> flagRates, List<FlagEffect> flagEffects,
                       List<String> notes) {

    /**
     * @param flag        the yes/no column (promo, fraud …) or two-valued label (gender)
     * @param value       the value of the rows compared with the others: yes, true, or the label's rarer value
     * @param otherValue  the label's other value, or null for a yes/no column (the others are "elsewhere")
     * @param measure     the measure compared
     * @param by          the category the rows are compared within (the one explaining at least half of the
     *                    measure's variance), or null for all rows at once
     * @param rowsWith    rows compared where the flag is set
     * @param rowsWithout rows compared where it is not
     * @param difference  mean with minus mean without, weighted by inverse variance over the groups
     * @param relative    difference / the weighted mean without
     * @param pValue      two-sided, of difference / its standard error, Bonferroni-corrected over flags × measures
     * @param groups      the largest groups compared (at most 5), or the one group of all rows
     */
    public record FlagEffect(String flag, String value, String otherValue, String measure, String by, long rowsWith, long rowsWithout,
                             double difference, double relative, double pValue, List<GroupEffect> groups) {
    }

    /** @param value the group's value of {@code by} ("" for all rows) */
    public record GroupEffect(String value, long rowsWith, double meanWith, long rowsWithout, double meanWithout) {
    }

    /**
     * @param flag      the yes/no column (attrition, fraud, churned …)
     * @param dimension the categorical column
     * @param value     the dimension's value whose rows carry the flag most
     * @param rows      rows with that value (and the flag present)
     * @param flagged   of them, rows where the flag is true
     * @param rate      flagged / rows
     * @param restRate  the rate among the dimension's other rows
     * @param pValue    one-sided Fisher's exact test, Bonferroni-corrected over every value tested
     */
    public record FlagRate(String flag, String dimension, String value, long rows, long flagged, double rate,
                           double restRate, double pValue) {
    }

    /**
     * @param measure          the measure summed, or {@code rows} for the row count
     * @param dimension        the categorical column
     * @param total            the measure's total over rows where the dimension is present; null when not additive
     * @param groups           distinct values of the dimension
     * @param top              the largest contributors (highest means when not additive), at most 5
     * @param bottom           the smallest contributors (lowest means when not additive), smallest first, at most 5
     *                         (empty when all groups are in {@code top})
     * @param topFifthShare    share of the total from the largest 20 % of groups (Pareto share); null when not additive
     * @param pareto           the Pareto curve over all groups, largest first: at most {@code Segments.PARETO_POINTS}
     *                         points, one per group when there are no more; null when not additive
     * @param gini             Gini coefficient of the group totals: 0 equal, towards 1 concentrated in one group; null
     *                         when not additive
     * @param etaSquared       share of the measure's variance explained by the dimension (null for rows)
     * @param pValue           one-way ANOVA p-value of the means by group (null for rows)
     * @param meansDiffer      whether pValue is below the Bonferroni-corrected 0.001 and η² at least 0.01
     * @param additive         whether totals of the measure mean something: false for prices, rates, percentages,
     *                         scores and averages (by name), which are compared by their means only
     */
    public record Breakdown(String measure, String dimension, Double total, long groups, List<Share> top,
                            List<Share> bottom, Double topFifthShare, List<ParetoPoint> pareto, Double gini,
                            Double etaSquared, Double pValue, boolean meansDiffer, boolean additive) {
    }

    /** Points on a Pareto curve; enough to draw it, few enough to keep a report of many breakdowns small. */
    public static final int PARETO_POINTS = 20;

    /**
     * @param groupsShare the largest groups taken, as a share of all groups (0 to 1]
     * @param totalShare  their share of the sum of all groups' totals (absolute totals when the measure has
     *                    negatives), so the last point is 1
     */
    public record ParetoPoint(double groupsShare, double totalShare) {
    }

    /**
     * @param value the dimension's value
     * @param total the measure's total in that group
     * @param rows  rows in that group
     * @param share total / the breakdown's total (of absolute values when the measure has negatives); null when the
     *              measure is not additive
     * @param mean  the measure's mean in that group
     */
    public record Share(String value, double total, long rows, Double share, Double mean) {
    }
}
