package io.sygnify.analysis.engine;

import java.util.Locale;

/** Numbers as they appear in the report's sentences: thousands separators, a sensible number of digits. */
public final class Text {

    private Text() {
    }

    public static String number(double value) {
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

    /** A date, or a date and time of day to the minute. */
    public static String moment(java.time.LocalDateTime at) {
        return at.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? at.toLocalDate().toString()
                : at.toLocalDate() + " " + at.toLocalTime().withSecond(0);
    }

    /** A subject written to open a sentence, for the middle of one: "The number of rows" → "the number of rows". */
    public static String midSentence(String subject) {
        return subject.startsWith("The ") ? "the " + subject.substring(4) : subject;
    }

    /** "a", "a and b", "a, b and c". */
    public static String list(java.util.List<String> items) {
        return items.size() <= 1 ? String.join("", items)
                : String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** "1 row", "2,500 rows": the count and the noun, plural unless the count is 1. */
    public static String count(long value, String noun) {
        return count(value) + " " + noun + (value == 1 ? "" : "s");
    }

    /** A share 0–1 as a percentage: {@code 12.3 %}. */
    public static String percent(double share) {
        double p = share * 100;
        double magnitude = Math.abs(p);
        String digits;
        if (magnitude >= 99.5 && magnitude < 100) {
            // short of all: 99.6 %, never a rounded-up 100 %
            digits = String.format(Locale.ROOT, "%.1f", Math.copySign(Math.min(magnitude, 99.9), p));
        } else if (magnitude >= 10 || p == Math.rint(p)) {
            digits = String.format(Locale.ROOT, "%.0f", p);
        } else if (magnitude >= 1) {
            digits = String.format(Locale.ROOT, "%.1f", p);
        } else {
            digits = String.format(Locale.ROOT, "%.2g", p);
        }
        return digits + " %";
    }

    public static String pValue(double p) {
        if (p < 0.001) {
            return "p < 0.001";
        }
        return String.format(Locale.ROOT, "p = %.3f", p);
    }

    public static String coefficient(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
