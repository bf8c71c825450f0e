package io.sygnify.analysis.report;

import java.util.List;

/**
 * One sentence worth reading first, with its numbers. Findings are ranked by {@code score}.
 *
 * @param sentence     the finding, with the figures that support it
 * @param kind         {@code trend}, {@code correlation}, {@code association}, {@code functional_dependency},
 *                     {@code outliers}, {@code seasonality}, {@code change_point}, {@code last_period_anomaly}, {@code period_change},
 *                     {@code segment_concentration}, {@code segment_difference},
 *                     {@code kpi} or {@code data_quality}
 * @param score        impact × significance, 0–1
 * @param impact       how much it matters (effect size, share of rows or of the total), 0–1
 * @param significance how sure the engine is: 1 for exact facts, else from the test's p-value
 *                     (min(1, −log10(p) / 10)), 0–1
 * @param evidence     where to look
 */
public record KeyFinding(String sentence, String kind, double score, double impact, double significance,
                         Evidence evidence) {

    /**
     * @param columns  the columns involved
     * @param chartKey the chart that shows it: {@code histogram:<column>}, {@code scatter:<x>:<y>},
     *                 {@code time_series:<measure>}, {@code segments:<measure>:<dimension>},
     *                 {@code flag_rates:<flag>:<dimension>} (since 2.6),
     *                 {@code heatmap:pearson}, {@code heatmap:cramers_v}, {@code outliers:<column>},
     *                 {@code kpi:<name>}, {@code quality:<alert kind>}
     * @param rows     row numbers involved (1-based, as in rows.parquet), at most 20
     */
    public record Evidence(List<String> columns, String chartKey, List<Long> rows) {
    }

    public static KeyFinding of(String kind, String sentence, double impact, double significance, List<String> columns,
                         String chartKey, List<Long> rows) {
        double i = clamp(impact);
        double s = clamp(significance);
        return new KeyFinding(sentence, kind, i * s, i, s,
                new Evidence(columns, chartKey, rows.stream().limit(20).toList()));
    }

    /** min(1, −log10(p) / 10): p = 1e-3 gives 0.3, p ≤ 1e-10 gives 1. */
    public static double significanceOf(double pValue) {
        double p = Math.max(pValue, 1e-300);
        return clamp(-Math.log10(p) / 10);
    }

    private static double clamp(double value) {
        return Double.isFinite(value) ? Math.max(0, Math.min(1, value)) : 0;
    }
}
