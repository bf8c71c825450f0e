package io.sygnify.analysis.time;

import io.sygnify.analysis.engine.Text;
import io.sygnify.analysis.report.KeyFinding;
import io.sygnify.analysis.report.TimeSeries;
import io.sygnify.analysis.stats.Distributions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Short stretches inside a series far from what its trend and season predict: a tracking outage that zeroed three
 * days of revenue, a day of double orders. Each period's residual is judged against the robust spread of all
 * residuals (median absolute deviation; for counts at least the square root of the expected count, as for the
 * last period) and must stand apart from the other periods, half as far again as the most extreme of them. A series
 * never below zero whose lowest periods stay well above it is judged by ratios (log scale), where a stretch with
 * nothing recorded is always out of line. Neighbouring periods out of line on the same side form one stretch.
 *
 * <p>A stretch must be short (at most {@value #MAX_RUN} periods or 5 % of the series) and such periods rare (at
 * most 10 % of the series): a long one is a shift in level, which the change points report, and many of them
 * mean a spread the median absolute deviation cannot describe. The last period is the last-period test's.
 */
public final class UnusualPeriods {

    public static final double Z = 5;
    private static final int MIN_PERIODS = 28;
    private static final int MAX_RUN = 3;
    private static final double MAX_SHARE = 0.10;
    private static final double GAP = 1.5;
    private static final int MAX_ZERO_STRETCHES = 2;
    private static final double LOWEST_SHARE = 0.1;
    private static final int MIN_VALUES_PER_PERIOD = 10;
    private static final double THIN = 0.5;
    private static final double EMPTY_COUNT = 16;
    static final int LISTED = 5;

    private UnusualPeriods() {
    }

    /**
     * @param core      the series' values in its window, NaN on closed days
     * @param expected  the trend and season at each period (before the residuals' median is added)
     * @param residuals core − expected
     * @param values    per period, the values it aggregates
     * @param counts    whether the values are counts of rows
     */
    static List<TimeSeries.UnusualPeriod> find(double[] core, double[] expected, double[] residuals,
                                               double[] values, PeriodWindow window, boolean counts) {
        int n = core.length - 1; // the last period is left to the last-period test
        long present = java.util.Arrays.stream(core, 0, Math.max(0, n)).filter(v -> !Double.isNaN(v)).count();
        // a period's sum or mean of a handful of values is as unsteady as any one of them: a week's one new hire
        // rated 1 was "5.9 robust deviations below" the weeks of three; and a thin period against full ones is no
        // like with like
        double usual = TrendTests.median(java.util.Arrays.copyOf(values, Math.max(0, n)));
        if (present < MIN_PERIODS || !counts && !(usual >= MIN_VALUES_PER_PERIOD) && !onePerPeriod(core, values, n)) {
            return List.of();
        }
        if (!counts) {
            core = core.clone();
            for (int i = 0; i < n; i++) {
                if (values[i] < THIN * usual) {
                    core[i] = Double.NaN;
                }
            }
        }
        double[] earlier = java.util.Arrays.copyOf(residuals, n);
        double center = TrendTests.median(earlier);
        boolean log = !counts && logScale(core, expected, center, n);
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            // on a log scale a day is judged by its ratio to the expected; nothing recorded is infinitely far below
            r[i] = !log ? earlier[i] : core[i] == 0 ? Double.NEGATIVE_INFINITY
                    : Math.log(core[i] / (expected[i] + center));
        }
        double[] finite = java.util.Arrays.stream(r).filter(Double::isFinite).toArray();
        double middle = log ? TrendTests.median(finite) : center;
        double spread = TrendTests.scaledMad(finite);
        if (!(spread > 0)) {
            return List.of();
        }
        double[] z = outOfLine(core, expected, center, r, middle, spread, counts, present);
        if (z == null) {
            return List.of();
        }
        List<TimeSeries.UnusualPeriod> found = stretches(core, expected, center, z, window, log,
                Math.max(MAX_RUN, (int) (0.05 * present)));
        found.sort(Comparator.comparingDouble((TimeSeries.UnusualPeriod p) -> p.robustZ() == null
                ? Double.NEGATIVE_INFINITY : -Math.abs(p.robustZ())));
        return found.size() > LISTED ? List.copyOf(found.subList(0, LISTED)) : found;
    }

    /**
     * Each period's distance from expected in robust standard deviations, kept only where the period is out of line
     * (0 elsewhere, NaN where there is no value); null when none is, or too many are to be unusual.
     */
    private static double[] outOfLine(double[] core, double[] expected, double center, double[] r, double middle,
                                      double spread, boolean counts, long present) {
        int n = r.length;
        double[] z = new double[n];
        int flagged = 0;
        int zeroStretches = 0;
        double bulk = 0;
        for (int i = 0; i < n; i++) {
            double scale = counts ? Math.max(spread, Math.sqrt(Math.max(1, expected[i] + center))) : spread;
            z[i] = Double.isNaN(core[i]) ? Double.NaN : (r[i] - middle) / scale;
            if (counts && core[i] == 0 && expected[i] + center >= EMPTY_COUNT) {
                // no row where 16 or more were expected: Poisson gives it less than one chance in 8 million
                z[i] = Double.NEGATIVE_INFINITY;
            }
            if (Math.abs(z[i]) >= Z) {
                flagged++;
                zeroStretches += z[i] == Double.NEGATIVE_INFINITY && (i == 0 || core[i - 1] != 0) ? 1 : 0;
            } else if (!Double.isNaN(z[i])) {
                bulk = Math.max(bulk, Math.abs(z[i]));
            }
        }
        if (flagged == 0 || flagged > MAX_SHARE * present) {
            return null;
        }
        // a day's sum over a varying number of rows has heavier tails than the median absolute deviation assumes:
        // two years of noise reached 5.2 robust standard deviations, next to others at 4.8. An unusual period
        // stands apart from the rest, GAP times as far out as any other
        double threshold = Math.max(Z, GAP * bulk);
        for (int i = 0; i < n; i++) {
            // zeros here and there are part of a small shop's year, not an outage
            boolean dropout = z[i] == Double.NEGATIVE_INFINITY && zeroStretches <= MAX_ZERO_STRETCHES;
            if (Math.abs(z[i]) < threshold || z[i] == Double.NEGATIVE_INFINITY && !dropout) {
                z[i] = Double.isNaN(z[i]) ? Double.NaN : 0;
            }
        }
        return z;
    }

    /** Neighbouring out-of-line periods on one side, as stretches of at most {@code longest} periods. */
    private static List<TimeSeries.UnusualPeriod> stretches(double[] core, double[] expected, double center,
                                                            double[] z, PeriodWindow window, boolean log,
                                                            int longest) {
        List<TimeSeries.UnusualPeriod> found = new ArrayList<>();
        for (int i = 0; i < z.length; i++) {
            if (!(Math.abs(z[i]) >= Z)) {
                continue;
            }
            // a closed day inside a stretch does not end it
            int end = i;
            int periods = 1;
            for (int j = i + 1; j < z.length && (Double.isNaN(z[j]) || sameSide(z[i], z[j])); j++) {
                if (!Double.isNaN(z[j])) {
                    end = j;
                    periods++;
                }
            }
            if (periods <= longest) {
                found.add(stretch(core, expected, center, z, window, i, end, periods, log));
            }
            i = end;
        }
        return found;
    }

    /** A table of period totals, a row per day: each value is the figure itself, not an average of a few. */
    private static boolean onePerPeriod(double[] core, double[] values, int n) {
        for (int i = 0; i < n; i++) {
            if (!Double.isNaN(core[i]) && values[i] != 1) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the series is judged by ratios: a money or quantity series that is never negative and never expected
     * at or below zero. Its day-to-day spread is proportional to its level, so a lognormal upper tail is no anomaly,
     * and a day with nothing is one however wide that spread.
     */
    private static boolean logScale(double[] core, double[] expected, double center, int n) {
        double[] positive = new double[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(core[i])) {
                continue;
            }
            if (core[i] < 0 || !(expected[i] + center > 0)) {
                return false;
            }
            if (core[i] > 0) {
                positive[count++] = core[i];
            }
        }
        double[] values = java.util.Arrays.copyOf(positive, count);
        // a sum over a handful of rows reaches down near zero now and then, a tail no ratio describes: a day of
        // one small sale was 7.7 robust deviations below on a log scale in a file of noise
        return count >= MIN_PERIODS
                && TrendTests.quantile(values, 0.01) >= LOWEST_SHARE * TrendTests.median(values);
    }

    private static boolean sameSide(double first, double next) {
        return Math.abs(next) >= Z && Math.signum(next) == Math.signum(first);
    }

    private static TimeSeries.UnusualPeriod stretch(double[] core, double[] expected, double center, double[] z,
                                                    PeriodWindow window, int from, int to, int periods, boolean log) {
        double actual = 0;
        double predicted = 0;
        double extreme = 0;
        for (int k = from; k <= to; k++) {
            if (!Double.isNaN(core[k])) {
                actual += core[k];
                predicted += expected[k] + center;
                extreme = Math.abs(z[k]) > Math.abs(extreme) ? z[k] : extreme;
            }
        }
        return new TimeSeries.UnusualPeriod(window.labels().get(window.first() + from),
                window.labels().get(window.first() + to), periods, actual / periods, predicted / periods,
                Double.isFinite(extreme) ? extreme : null, log ? "log" : "linear");
    }

    /** A stretch found in one series, with what its finding needs. */
    record Told(TimeSeries.UnusualPeriod period, String subject, String unit, String measure) {

        /** Stretches of several series with the same periods, on the same side, tell one event. */
        String event() {
            return period.from() + "|" + period.to() + "|" + (period.value() == 0 ? "zero"
                    : period.robustZ() == null || period.robustZ() < 0 ? "below" : "above");
        }
    }

    /**
     * One finding per event: a tracking outage that zeroed sessions, pageviews and revenue on the same two days is
     * one finding naming them all, not three.
     */
    static List<KeyFinding> findings(List<Told> found) {
        java.util.Map<String, List<Told>> events = new java.util.LinkedHashMap<>();
        for (Told told : found) {
            events.computeIfAbsent(told.event(), key -> new ArrayList<>()).add(told);
        }
        List<KeyFinding> findings = new ArrayList<>();
        for (List<Told> event : events.values()) {
            Told first = event.get(0);
            if (event.size() == 1) {
                findings.add(finding(first.period(), first.subject(), first.unit(), first.measure(),
                        TimeSeriesAnalysis.columns(first.measure())));
                continue;
            }
            findings.add(together(event));
        }
        return findings;
    }

    /** "Pageviews (per day) and Sessions (per day) were 0 from … where about 11,006 and 3,600 were expected …". */
    private static KeyFinding together(List<Told> event) {
        TimeSeries.UnusualPeriod p = event.get(0).period();
        String when = when(p, event.get(0).unit());
        List<String> subjects = event.stream().map(Told::subject).toList();
        List<String> expected = event.stream().map(t -> Text.number(t.period().expected())).toList();
        List<String> columns = event.stream().flatMap(t -> TimeSeriesAnalysis.columns(t.measure()).stream())
                .distinct().toList();
        String sentence;
        if (p.value() == 0) {
            sentence = String.format("%s were 0 %s where about %s were expected, as if nothing was recorded.",
                    Text.list(subjects), when, Text.list(expected));
        } else {
            List<String> values = event.stream().map(t -> Text.number(t.period().value())).toList();
            sentence = String.format("%s were far %s their usual %s: %s%s where about %s were expected.",
                    Text.list(subjects), event.get(0).event().endsWith("above") ? "above" : "below", when,
                    p.periods() == 1 ? "" : "on average ", Text.list(values), Text.list(expected));
        }
        double z = event.stream().mapToDouble(t -> t.period().robustZ() == null ? 40 : Math.abs(t.period().robustZ()))
                .max().orElse(Z);
        return KeyFinding.of("unusual_period", sentence, Math.min(1, 0.5 + z / 20),
                KeyFinding.significanceOf(Distributions.normalTwoSided(z)), columns,
                "time_series:" + event.get(0).measure(), List.of());
    }

    /** "revenue (sum per day) was 0 from 2025-03-10 to 2025-03-12 (3 days) where about 15,600 was expected …". */
    static KeyFinding finding(TimeSeries.UnusualPeriod p, String subject, String unit, String measure,
                              List<String> columns) {
        String when = when(p, unit);
        String value = p.periods() == 1 || p.value() == 0 ? "was " + Text.number(p.value())
                : "averaged " + Text.number(p.value());
        String distance = p.value() == 0 ? ", as if nothing was recorded"
                : p.robustZ() == null ? ", with nothing recorded on part of it"
                : String.format(": %s robust standard deviations %s%s", Text.number(Math.abs(p.robustZ())),
                p.robustZ() > 0 ? "above" : "below", p.scale().equals("log") ? " on a log scale" : "");
        String sentence = String.format("%s %s %s where about %s was expected%s.", subject, value, when,
                Text.number(p.expected()), distance);
        double z = p.robustZ() == null ? 40 : Math.abs(p.robustZ());
        return KeyFinding.of("unusual_period", sentence, Math.min(1, 0.4 + z / 20),
                KeyFinding.significanceOf(Distributions.normalTwoSided(z)), columns, "time_series:" + measure,
                List.of());
    }

    /** "on 2024-11-29", "from 2025-03-10 to 2025-03-12 (3 days)". */
    private static String when(TimeSeries.UnusualPeriod p, String unit) {
        return p.periods() == 1 ? "on " + p.from()
                : "from " + p.from() + " to " + p.to() + " (" + p.periods() + " " + unit + "s)";
    }
}
