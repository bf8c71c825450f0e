package io.sygnify.analysis.relationships;

import io.sygnify.analysis.stats.Distributions;
import java.util.Arrays;

/** Association measures between two columns, with the p-values of their usual tests. */
public final class Correlations {

    private Correlations() {
    }

    /** Pearson's r over the pairs where both values are present; NaN with fewer than 3 pairs or no variance. */
    public static double pearson(double[] x, double[] y) {
        double sx = 0;
        double sy = 0;
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                sx += x[i];
                sy += y[i];
                n++;
            }
        }
        if (n < 3) {
            return Double.NaN;
        }
        double mx = sx / n;
        double my = sy / n;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                double dx = x[i] - mx;
                double dy = y[i] - my;
                sxy += dx * dy;
                sxx += dx * dx;
                syy += dy * dy;
            }
        }
        return sxx == 0 || syy == 0 ? Double.NaN : Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
    }

    /** Spearman's ρ: Pearson's r of the ranks (ties get their average rank), over pairs where both are present. */
    public static double spearman(double[] x, double[] y) {
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            n += !Double.isNaN(x[i]) && !Double.isNaN(y[i]) ? 1 : 0;
        }
        double[] px = new double[n];
        double[] py = new double[n];
        int k = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                px[k] = x[i];
                py[k++] = y[i];
            }
        }
        return pearson(ranks(px), ranks(py));
    }

    /**
     * Spearman's ρ of every pair of columns (1 on the diagonal). A column without missing values is ranked once for
     * all its pairs: ranking it again for each pair was most of the cost with a dozen measures.
     */
    public static double[][] spearman(double[][] columns) {
        int m = columns.length;
        double[][] ranked = new double[m][];
        for (int i = 0; i < m; i++) {
            ranked[i] = Arrays.stream(columns[i]).anyMatch(Double::isNaN) ? null : ranks(columns[i]);
        }
        double[][] rho = new double[m][m];
        for (int i = 0; i < m; i++) {
            rho[i][i] = 1;
            for (int j = i + 1; j < m; j++) {
                rho[i][j] = rho[j][i] = ranked[i] != null && ranked[j] != null ? pearson(ranked[i], ranked[j])
                        : spearman(columns[i], columns[j]);
            }
        }
        return rho;
    }

    /** Ranks 1..n, ties sharing their average rank; sorts a copy of primitives rather than boxed indices. */
    public static double[] ranks(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        // the average rank of each run of equal values, kept at every position of the run
        double[] runRank = new double[sorted.length];
        for (int first = 0; first < sorted.length; ) {
            int last = first;
            while (last + 1 < sorted.length && sorted[last + 1] == sorted[first]) {
                last++;
            }
            Arrays.fill(runRank, first, last + 1, (first + last) / 2.0 + 1);
            first = last + 1;
        }
        double[] ranks = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            ranks[i] = runRank[lowerBound(sorted, values[i])];
        }
        return ranks;
    }

    /** The first index whose value is not below {@code key}. */
    private static int lowerBound(double[] sorted, double key) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] < key) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /** Two-sided p-value of a correlation coefficient r on n pairs (t-test with n − 2 degrees of freedom). */
    static double correlationPValue(double r, long n) {
        if (Double.isNaN(r) || n < 4) {
            return 1;
        }
        if (Math.abs(r) >= 1) {
            return 0;
        }
        double t = r * Math.sqrt((n - 2) / (1 - r * r));
        return Distributions.studentTwoSided(t, n - 2);
    }

    /** Cramér's V, bias-corrected (Bergsma 2013), with the chi-square test's p-value. */
    public record Association(double v, double chiSquare, double pValue, long n) {
    }

    /** @param table contingency counts, rows × columns (empty rows and columns are ignored) */
    public static Association cramersV(long[][] table) {
        int rows = table.length;
        int columns = rows == 0 ? 0 : table[0].length;
        long[] rowTotals = new long[rows];
        long[] columnTotals = new long[columns];
        long n = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                rowTotals[i] += table[i][j];
                columnTotals[j] += table[i][j];
                n += table[i][j];
            }
        }
        int r = (int) Arrays.stream(rowTotals).filter(t -> t > 0).count();
        int c = (int) Arrays.stream(columnTotals).filter(t -> t > 0).count();
        if (r < 2 || c < 2 || n < 2) {
            return new Association(Double.NaN, 0, 1, n);
        }
        double chi = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                if (rowTotals[i] > 0 && columnTotals[j] > 0) {
                    double expected = (double) rowTotals[i] * columnTotals[j] / n;
                    double d = table[i][j] - expected;
                    chi += d * d / expected;
                }
            }
        }
        double phi2 = chi / n;
        double phi2Corrected = Math.max(0, phi2 - (double) (r - 1) * (c - 1) / (n - 1));
        double rCorrected = r - (double) (r - 1) * (r - 1) / (n - 1);
        double cCorrected = c - (double) (c - 1) * (c - 1) / (n - 1);
        double denominator = Math.min(rCorrected - 1, cCorrected - 1);
        double v = denominator <= 0 ? Double.NaN : Math.sqrt(phi2Corrected / denominator);
        double p = Distributions.chiSquareUpperTail(chi, (double) (r - 1) * (c - 1));
        return new Association(Math.min(1, v), chi, p, n);
    }
}
