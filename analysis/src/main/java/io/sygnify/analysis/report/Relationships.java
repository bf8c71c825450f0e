package io.sygnify.analysis.report;

import io.sygnify.analysis.relationships.DatePairs;
import io.sygnify.analysis.relationships.RelationshipAnalysis;
import java.util.List;

/**
 * How columns relate: correlations between measures, associations between categories, how much a category
 * explains a measure, and exact dependencies reported as such.
 *
 * @param numericColumns     measures in the matrices' order (at most {@value RelationshipAnalysis#MAX_MEASURES})
 * @param pearson            Pearson's r over all rows where both are present; null cells when undefined
 * @param spearman           Spearman's ρ, over {@code sampleRows} rows when the table is larger
 * @param categoricalColumns categories in the Cramér's V matrix's order
 * @param cramersV           bias-corrected Cramér's V, over {@code sampleRows} rows when the table is larger
 * @param strongestPairs     the strongest associations of any method, strongest first (at most 20)
 * @param dependencies       exact functional dependencies: copies, linear maps, sums, differences, products, and
 *                           categories determining others
 * @param alpha              family-wise significance level; a pair is significant when its p-value is below
 *                           alpha divided by the number of pairs tested with its method (Bonferroni)
 * @param sampleRows         rows used for Spearman's ρ, Cramér's V and the search for dependencies (every
 *                           dependency found is verified on all rows); all rows up to 50,000
 * @param notes              why parts are absent, if any are
 * @param dateSpans          the time between two date columns where one follows the other on nearly every row
 */
public record Relationships(List<String> numericColumns, List<List<Double>> pearson, List<List<Double>> spearman,
                            List<String> categoricalColumns, List<List<Double>> cramersV, List<Pair> strongestPairs,
                            List<Dependency> dependencies, double alpha, long sampleRows, List<String> notes,
                            List<DateSpan> dateSpans) {

    /** Share of a measure's variance a category must explain to account for its groups of values. */
    static final double EXPLAINS = 0.5;

    /**
     * The category explaining the most of {@code measure}'s variance, when it explains at least {@value #EXPLAINS}
     * of it significantly: the campaign that sets an ad's click-through rate.
     */
    public java.util.Optional<Pair> explainedBy(String measure) {
        return strongestPairs.stream().filter(p -> p.method().equals("correlation_ratio") && p.b().equals(measure)
                && p.significant() && p.value() * p.value() >= EXPLAINS)
                .max(java.util.Comparator.comparingDouble(Pair::value));
    }

    /**
     * @param from         the earlier column (ordered)
     * @param to           the later column (shipped)
     * @param unit         {@code days}, {@code hours} or {@code minutes}: of the figures below
     * @param rows         rows where both are present
     * @param median       median time from one to the other
     * @param p95          its 95th percentile
     * @param max          the longest
     * @param maxRow       the row with the longest
     * @param reversed     rows where {@code to} comes before {@code from}: dates in the wrong order
     * @param reversedRows the first {@value DatePairs#LISTED_ROWS} of them
     * @param by           the dimension the time depends on most, or null when none explains enough of it
     */
    public record DateSpan(String from, String to, String unit, long rows, double median, double p95, double max,
                           long maxRow, long reversed, List<Long> reversedRows, SpanDriver by) {
    }

    /**
     * @param dimension  the category
     * @param etaSquared share of the time's variance it explains
     * @param pValue     of the one-way ANOVA
     * @param groups     mean time per value, shortest first (at most 10)
     */
    public record SpanDriver(String dimension, double etaSquared, double pValue, List<GroupMean> groups) {
    }

    /** @param mean in the span's unit */
    public record GroupMean(String value, long rows, double mean) {
    }

    /**
     * @param method      {@code pearson}, {@code spearman}, {@code cramers_v} or {@code correlation_ratio}
     *                    (η of the measure {@code b} by the category {@code a})
     * @param a           first column
     * @param b           second column
     * @param value       the coefficient: −1–1 for correlations, 0–1 otherwise
     * @param pValue      p-value of the test of no association
     * @param n           rows the value is computed on
     * @param significant whether pValue passes the Bonferroni-corrected alpha
     */
    public record Pair(String method, String a, String b, double value, double pValue, long n, boolean significant) {
    }

    /**
     * @param kind        {@code copy}, {@code linear}, {@code sum}, {@code difference}, {@code product},
     *                    {@code determines} or {@code running_total} (a balance: the previous row's plus an amount)
     * @param target      the column that is determined
     * @param sources     the columns it is computed from
     * @param expression  e.g. {@code net = gross - tax}, {@code fahrenheit = 1.8 × celsius + 32}
     * @param rowsChecked rows where all columns are present, on each of which the equation holds
     */
    public record Dependency(String kind, String target, List<String> sources, String expression, long rowsChecked) {
    }
}
