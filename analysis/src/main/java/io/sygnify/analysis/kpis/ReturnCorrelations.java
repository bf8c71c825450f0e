package io.sygnify.analysis.kpis;

import io.sygnify.analysis.relationships.Correlations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How much the returns of several price series move together: Pearson's r of each pair's returns on the dates
 * both are priced (a return is dated by its later price), and their mean.
 *
 * @param series         series compared
 * @param pairs          pairs with enough common dates
 * @param mean           mean r over those pairs
 * @param mostCorrelated the pair with the highest r, "A & B"
 * @param highest        its r
 * @param leastCorrelated the pair with the lowest r
 * @param lowest         its r
 */
record ReturnCorrelations(int series, int pairs, double mean, String mostCorrelated, double highest,
                          String leastCorrelated, double lowest) {

    /** Empty when no pair of series shares {@code minCommon} dates of returns. */
    static Optional<ReturnCorrelations> of(List<PriceSeriesReader.Series> series, int minCommon) {
        int pairs = 0;
        double sum = 0;
        double highest = Double.NEGATIVE_INFINITY;
        double lowest = Double.POSITIVE_INFINITY;
        String most = null;
        String least = null;
        for (int a = 0; a < series.size(); a++) {
            for (int b = a + 1; b < series.size(); b++) {
                double r = correlation(series.get(a).history(), series.get(b).history(), minCommon);
                if (Double.isNaN(r)) {
                    continue;
                }
                String pair = series.get(a).entity() + " & " + series.get(b).entity();
                pairs++;
                sum += r;
                if (r > highest) {
                    highest = r;
                    most = pair;
                }
                if (r < lowest) {
                    lowest = r;
                    least = pair;
                }
            }
        }
        return pairs == 0 ? Optional.empty() : Optional.of(new ReturnCorrelations(series.size(), pairs, sum / pairs,
                most, highest, least, lowest));
    }

    /** r of the two series' returns on their common dates (a merge of two ascending lists), NaN when too few. */
    private static double correlation(PriceHistory a, PriceHistory b, int minCommon) {
        int n = Math.min(a.returnCount(), b.returnCount());
        double[] x = new double[n];
        double[] y = new double[n];
        int common = 0;
        for (int i = 0, j = 0; i < a.returnCount() && j < b.returnCount(); ) {
            long ta = a.returnSecond(i);
            long tb = b.returnSecond(j);
            if (ta == tb) {
                x[common] = a.returnAt(i++);
                y[common++] = b.returnAt(j++);
            } else if (ta < tb) {
                i++;
            } else {
                j++;
            }
        }
        if (common < minCommon) {
            return Double.NaN;
        }
        return Correlations.pearson(java.util.Arrays.copyOf(x, common), java.util.Arrays.copyOf(y, common));
    }

    Map<String, Object> detail() {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("pairs", pairs);
        detail.put("most_correlated", mostCorrelated);
        detail.put("highest_r", highest);
        detail.put("least_correlated", leastCorrelated);
        detail.put("lowest_r", lowest);
        return detail;
    }
}
