package io.sygnify.analysis;

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
 */
public record Relationships(List<String> numericColumns, List<List<Double>> pearson, List<List<Double>> spearman,
                            List<String> categoricalColumns, List<List<Double>> cramersV, List<Pair> strongestPairs,
                            List<Dependency> dependencies, double alpha, long sampleRows, List<String> notes) {

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
