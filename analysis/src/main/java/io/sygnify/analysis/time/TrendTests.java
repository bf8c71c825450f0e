package io.sygnify.analysis.time;

import io.sygnify.analysis.stats.Distributions;
import io.sygnify.analysis.stats.OrderStatistics;
import java.util.Arrays;

/**
 * Robust statistics of an evenly spaced series: Theil–Sen slope, Mann–Kendall trend test, Pettitt change-point
 * test, one-way ANOVA and robust z-scores. Series are {@code double[]} with NaN for periods without a value.
 */
public final class TrendTests {

    private TrendTests() {
    }

    /** A line {@code intercept + slope × t}, t being the period index. */
    public record Line(double slope, double intercept) {
        double at(double t) {
            return intercept + slope * t;
        }
    }

    /**
     * Theil–Sen estimator: the median of the slopes between all pairs of points, and the median of
     * {@code y − slope × t} as intercept. Robust to up to 29 % of outlying points.
     */
    public static Line theilSen(double[] y) {
        int n = y.length;
        int present = 0;
        for (double v : y) {
            present += Double.isNaN(v) ? 0 : 1;
        }
        if (present < 2) {
            return new Line(0, present == 1 ? Arrays.stream(y).filter(v -> !Double.isNaN(v)).findFirst().orElse(0) : 0);
        }
        double[] slopes = new double[present * (present - 1) / 2];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(y[i])) {
                continue;
            }
            for (int j = i + 1; j < n; j++) {
                if (!Double.isNaN(y[j])) {
                    slopes[k++] = (y[j] - y[i]) / (j - i);
                }
            }
        }
        double slope = median(slopes, k);
        double[] intercepts = new double[present];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(y[i])) {
                intercepts[m++] = y[i] - slope * i;
            }
        }
        return new Line(slope, median(intercepts, m));
    }

    /** Kendall's tau of the series against time, and the two-sided p-value of the Mann–Kendall test. */
    public record MannKendall(double tau, double z, double pValue, int n) {
    }

    /** Mann–Kendall test with the variance corrected for ties (Hipel and McLeod 1994); normal approximation. */
    public static MannKendall mannKendall(double[] y) {
        double[] values = Arrays.stream(y).filter(v -> !Double.isNaN(v)).toArray();
        int n = values.length;
        if (n < 4) {
            return new MannKendall(0, 0, 1, n);
        }
        long s = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                s += Long.signum(Double.compare(values[j], values[i]));
            }
        }
        double variance = n * (n - 1.0) * (2 * n + 5);
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && sorted[j] == sorted[i]) {
                j++;
            }
            double t = j - i;
            variance -= t * (t - 1) * (2 * t + 5);
            i = j;
        }
        variance /= 18;
        double z = variance <= 0 ? 0 : (s - Math.signum(s)) / Math.sqrt(variance);
        double tau = s / (n * (n - 1) / 2.0);
        return new MannKendall(tau, z, Distributions.normalTwoSided(z), n);
    }

    /**
     * Mann–Kendall with the variance of S corrected for serial correlation (Yue and Wang 2004): multiplied by
     * {@code 1 + 2 Σ (1 − k/n) ρ₁ᵏ}, with ρ₁ the lag-1 autocorrelation of the series detrended by {@code slope}
     * (Theil–Sen). Persistence alone — a random walk such as a price, or a single step — then no longer passes for
     * a trend, while a trend in independent noise keeps its test. The factor is never below 1, so the correction
     * can only make the test more careful.
     */
    public static MannKendall modifiedMannKendall(double[] y, double slope) {
        MannKendall plain = mannKendall(y);
        int n = plain.n();
        if (n < 4 || plain.z() == 0) {
            return plain;
        }
        double[] detrended = new double[n];
        int k = 0;
        for (int i = 0; i < y.length; i++) {
            if (!Double.isNaN(y[i])) {
                detrended[k++] = y[i] - slope * i;
            }
        }
        double z = plain.z() / Math.sqrt(serialFactor(lagOneAutocorrelation(detrended), n));
        return new MannKendall(plain.tau(), z, Distributions.normalTwoSided(z), n);
    }

    private static double lagOneAutocorrelation(double[] values) {
        double mean = Arrays.stream(values).average().orElse(0);
        double numerator = 0;
        double denominator = 0;
        for (int i = 0; i < values.length; i++) {
            denominator += (values[i] - mean) * (values[i] - mean);
            if (i + 1 < values.length) {
                numerator += (values[i] - mean) * (values[i + 1] - mean);
            }
        }
        return denominator == 0 ? 0 : numerator / denominator;
    }

    private static final double STEP_OUTLIER = 4;

    /** The most likely single change point: the first index of the new regime, and the test's p-value. */
    public record ChangePoint(int index, double pValue) {
    }

    /**
     * Pettitt's test for one shift in location, with its approximate p-value {@code 2 exp(−6K² / (n³ + n²))}, the
     * variance corrected for the persistence of the series (see {@link #persistence}). Ignores NaN.
     */
    public static ChangePoint pettitt(double[] y) {
        int[] positions = new int[y.length];
        int n = 0;
        for (int i = 0; i < y.length; i++) {
            if (!Double.isNaN(y[i])) {
                positions[n++] = i;
            }
        }
        if (n < 6) {
            return new ChangePoint(-1, 1);
        }
        long u = 0;
        long best = 0;
        int bestIndex = -1;
        for (int t = 0; t < n - 1; t++) {
            // U(t) = U(t-1) + sum_j sign(x_t - x_j)
            double xt = y[positions[t]];
            for (int j = 0; j < n; j++) {
                u += Long.signum(Double.compare(xt, y[positions[j]]));
            }
            if (Math.abs(u) > best) {
                best = Math.abs(u);
                bestIndex = t;
            }
        }
        if (bestIndex < 0) {
            return new ChangePoint(-1, 1);
        }
        double factor = persistence(y, positions, n);
        double p = Math.min(1, 2 * Math.exp(-6.0 * best * best / (factor * ((double) n * n * n + (double) n * n))));
        return new ChangePoint(positions[bestIndex + 1], p);
    }

    /**
     * The variance factor of a sum of signs under the persistence of the series (Yue and Wang's form, never below
     * 1), read from its steps rather than its levels, so that shifts elsewhere in the series are not taken for
     * persistence. For an AR(1) series with coefficient φ, consecutive steps correlate at −(1 − φ)/2: −0.5 (φ = 0)
     * for independent noise, whose shifts keep their test, and 0 (φ = 1) for a random walk, whose wandering is no
     * shift. Steps more than {@value #STEP_OUTLIER} robust standard deviations from their median — the shifts
     * themselves, however many — count as no step.
     */
    private static double persistence(double[] y, int[] positions, int n) {
        double[] steps = new double[n - 1];
        for (int i = 0; i + 1 < n; i++) {
            steps[i] = y[positions[i + 1]] - y[positions[i]];
        }
        double center = median(steps);
        double spread = scaledMad(steps);
        if (!(spread > 0)) {
            // mostly equal steps (counts that rarely change): their standard deviation still tells a jump apart
            spread = Math.sqrt(Arrays.stream(steps).map(s -> (s - center) * (s - center)).sum() / steps.length);
        }
        double limit = STEP_OUTLIER * spread;
        boolean varies = false;
        for (int i = 0; i < steps.length; i++) {
            if (Math.abs(steps[i] - center) > limit) {
                steps[i] = center;
            }
            varies |= steps[i] != center;
        }
        if (!varies) {
            // nothing but the shifts moves: no noise, so nothing persists
            return 1;
        }
        double phi = Math.max(0, Math.min(1, 1 + 2 * lagOneAutocorrelation(steps)));
        return serialFactor(phi, n);
    }

    /** 1 + 2 Σ (1 − k/n) ρᵏ for a positive lag-1 autocorrelation ρ, else 1. */
    private static double serialFactor(double rho, int n) {
        double factor = 1;
        double power = 1;
        for (int lag = 1; lag < n && rho > 0; lag++) {
            power *= rho;
            factor += 2 * (1 - (double) lag / n) * power;
        }
        return factor;
    }

    /** One-way ANOVA of values by group: the share of variance between groups (η²), F and its p-value. */
    public record Anova(double etaSquared, double f, double pValue, int groups, int n) {
    }

    public static Anova anova(double[] values, int[] groups, int groupCount) {
        double[] sums = new double[groupCount];
        long[] counts = new long[groupCount];
        double total = 0;
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i]) && groups[i] >= 0) {
                sums[groups[i]] += values[i];
                counts[groups[i]]++;
                total += values[i];
                n++;
            }
        }
        return anova(sums, counts, sumOfSquares(values, groups), total, n);
    }

    private static double sumOfSquares(double[] values, int[] groups) {
        double squares = 0;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i]) && groups[i] >= 0) {
                squares += values[i] * values[i];
            }
        }
        return squares;
    }

    /** ANOVA from per-group sums and counts and the overall sum of squares. */
    public static Anova anova(double[] sums, long[] counts, double sumOfSquares, double total, long n) {
        int k = 0;
        double between = 0;
        double mean = n == 0 ? 0 : total / n;
        for (int g = 0; g < sums.length; g++) {
            if (counts[g] > 0) {
                k++;
                double groupMean = sums[g] / counts[g];
                between += counts[g] * (groupMean - mean) * (groupMean - mean);
            }
        }
        double totalSs = sumOfSquares - n * mean * mean;
        if (k < 2 || n <= k || totalSs <= 0) {
            return new Anova(0, 0, 1, k, (int) n);
        }
        double within = Math.max(0, totalSs - between);
        double eta = Math.min(1, between / totalSs);
        double f = within == 0 ? Double.POSITIVE_INFINITY : (between / (k - 1)) / (within / (n - k));
        double p = within == 0 ? 0 : Distributions.fUpperTail(f, k - 1, n - k);
        return new Anova(eta, f, p, k, (int) n);
    }

    /**
     * Median of the first {@code n} values (reorders them). Selects rather than sorts: Theil–Sen asks it for the
     * median of every pair's slope, and sorting those was a seventh of an analysis's own time.
     */
    public static double median(double[] values, int n) {
        if (n == 0) {
            return Double.NaN;
        }
        double upper = OrderStatistics.select(values, n, n / 2);
        if (n % 2 == 1) {
            return upper;
        }
        // after selection everything before n / 2 is at most the upper middle: the lower middle is their largest
        double lower = values[0];
        for (int i = 1; i < n / 2; i++) {
            lower = Math.max(lower, values[i]);
        }
        return (lower + upper) / 2;
    }

    public static double median(double[] values) {
        double[] present = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
        return median(present, present.length);
    }

    /** Median absolute deviation from the median, scaled by 1.4826 to estimate σ for normal data. */
    static double scaledMad(double[] values) {
        double center = median(values);
        double[] deviations = Arrays.stream(values).filter(v -> !Double.isNaN(v)).map(v -> Math.abs(v - center))
                .toArray();
        return 1.4826 * median(deviations, deviations.length);
    }

    /** Quantile by linear interpolation, ignoring NaN. */
    public static double quantile(double[] values, double q) {
        double[] sorted = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double position = q * (sorted.length - 1);
        int low = (int) Math.floor(position);
        int high = Math.min(sorted.length - 1, low + 1);
        return sorted[low] + (position - low) * (sorted[high] - sorted[low]);
    }
}
