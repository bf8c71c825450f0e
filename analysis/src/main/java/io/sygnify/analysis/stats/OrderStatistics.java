package io.sygnify.analysis.stats;

import java.util.Arrays;

/** The k-th smallest of an array in linear expected time (quickselect), for medians of large arrays. */
public final class OrderStatistics {

    // partitions that keep more than this share of the range are bad pivots; after a few, sort what is left
    private static final int BAD_PIVOTS_BEFORE_SORT = 8;
    private static final int SMALL = 32;

    private OrderStatistics() {
    }

    /**
     * Moves the k-th smallest (0-based) of the first {@code n} values to index k, the smaller ones before it and the
     * larger after it, and returns it. Values must not be NaN.
     */
    public static double select(double[] values, int n, int k) {
        if (k < 0 || k >= n) {
            throw new IllegalArgumentException("k = " + k + " outside 0.." + (n - 1));
        }
        int low = 0;
        int high = n - 1;
        int badPivots = 0;
        while (high - low > SMALL) {
            double pivot = medianOfThree(values[low], values[(low + high) >>> 1], values[high]);
            // three-way partition: [low, lt) < pivot, [lt, gt] == pivot, (gt, high] > pivot; ties end at once
            int lt = low;
            int gt = high;
            int i = low;
            while (i <= gt) {
                double v = values[i];
                if (v < pivot) {
                    swap(values, lt++, i++);
                } else if (v > pivot) {
                    swap(values, i, gt--);
                } else {
                    i++;
                }
            }
            int before = high - low;
            if (k < lt) {
                high = lt - 1;
            } else if (k > gt) {
                low = gt + 1;
            } else {
                return values[k];
            }
            if ((high - low) * 4L > before * 3L && ++badPivots > BAD_PIVOTS_BEFORE_SORT) {
                break;
            }
        }
        Arrays.sort(values, low, high + 1);
        return values[k];
    }

    private static double medianOfThree(double a, double b, double c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    private static void swap(double[] values, int i, int j) {
        double t = values[i];
        values[i] = values[j];
        values[j] = t;
    }
}
