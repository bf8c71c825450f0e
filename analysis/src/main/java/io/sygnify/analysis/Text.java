package io.sygnify.analysis;

import java.util.Locale;

/** Numbers as they appear in the report's sentences: thousands separators, a sensible number of digits. */
final class Text {

    private Text() {
    }

    static String number(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 1000 || (value == Math.rint(value) && magnitude < 1e15)) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        if (magnitude >= 100) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        if (magnitude >= 1) {
            return String.format(Locale.ROOT, "%.2f", value);
        }
        return String.format(Locale.ROOT, "%.3g", value);
    }

    static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** A share 0–1 as a percentage: {@code 12.3 %}. */
    static String percent(double share) {
        double p = share * 100;
        return (Math.abs(p) >= 10 || p == Math.rint(p) ? String.format(Locale.ROOT, "%.0f", p)
                : Math.abs(p) >= 1 ? String.format(Locale.ROOT, "%.1f", p)
                : String.format(Locale.ROOT, "%.2g", p)) + " %";
    }

    static String pValue(double p) {
        if (p < 0.001) {
            return "p < 0.001";
        }
        return String.format(Locale.ROOT, "p = %.3f", p);
    }

    static String coefficient(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
