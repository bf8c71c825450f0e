package io.sygnify.analysis.time;

import io.sygnify.analysis.engine.Results;
import io.sygnify.analysis.engine.Text;
import io.sygnify.analysis.report.KeyFinding;
import io.sygnify.analysis.report.TimeSeries;
import io.sygnify.analysis.stats.Distributions;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.sygnify.analysis.time.PeriodWindow.value;
import static io.sygnify.analysis.time.TimeSeriesAnalysis.ALPHA;
import static io.sygnify.analysis.time.TimeSeriesAnalysis.columns;

/**
 * Period-over-period changes of a series (previous period, month over month, year over year) and findings for a
 * last month whose change is unlike every earlier one.
 */
final class PeriodChanges {

    static final int MIN_CHANGE_HISTORY = 6;

    private PeriodChanges() {
    }

    /** @param interval whether the measure is on an interval scale (a temperature): changes without rates */
    static List<TimeSeries.PeriodChange> changes(double[] sums, double[] counts, String aggregate,
                                                 PeriodWindow window, boolean interval) {
        List<TimeSeries.PeriodChange> changes = new ArrayList<>();
        int last = window.end() - 1;
        int previous = last - 1;
        while (previous > window.first() && !window.open(previous)) {
            previous--;
        }
        if (previous >= window.first()) {
            add(changes, interval, "previous_period", window.labels().get(last), window.labels().get(previous),
                    value(new double[] {sums[last], counts[last]}, aggregate),
                    value(new double[] {sums[previous], counts[previous]}, aggregate));
        }
        Map<YearMonth, double[]> months = window.months(sums, counts);
        if (months != null && window.unit() != PeriodUnit.MONTH && months.size() >= 2) {
            List<YearMonth> keys = new ArrayList<>(months.keySet());
            YearMonth lastMonth = keys.get(keys.size() - 1);
            YearMonth before = lastMonth.minusMonths(1);
            if (months.containsKey(before)) {
                add(changes, interval, "month_over_month", lastMonth.toString(), before.toString(),
                        value(months.get(lastMonth), aggregate), value(months.get(before), aggregate));
            }
        }
        if (months != null && !months.isEmpty()) {
            List<YearMonth> keys = new ArrayList<>(months.keySet());
            YearMonth lastMonth = keys.get(keys.size() - 1);
            YearMonth yearBefore = lastMonth.minusYears(1);
            if (months.containsKey(yearBefore)) {
                add(changes, interval, "year_over_year", lastMonth.toString(), yearBefore.toString(),
                        value(months.get(lastMonth), aggregate), value(months.get(yearBefore), aggregate));
            }
        } else if (window.unit() == PeriodUnit.QUARTER && last - 4 >= window.first()) {
            add(changes, interval, "year_over_year", window.labels().get(last), window.labels().get(last - 4),
                    value(new double[] {sums[last], counts[last]}, aggregate),
                    value(new double[] {sums[last - 4], counts[last - 4]}, aggregate));
        }
        return changes;
    }

    /**
     * A finding when the last complete month's change, month over month or year over year, is out of line with the
     * same kind of change in every earlier month. The test is the prediction interval of a new observation:
     * t = (change − mean) / (sd·√(1 + 1/n)) with n − 1 degrees of freedom, two-sided p below
     * {@value TimeSeriesAnalysis#ALPHA}; with
     * a dozen earlier months a robust z would be judged against a spread it cannot estimate, and found findings in
     * noise. Changes are differences, not percentages: a ratio of two values near zero is heavy-tailed. Needs
     * {@value #MIN_CHANGE_HISTORY} earlier changes, so a year-over-year finding needs about 19 months of data.
     */
    static void findUnusual(List<KeyFinding> findings, double[] sums, double[] counts, String aggregate,
                            PeriodWindow window, String subject, String measure, boolean interval) {
        Map<YearMonth, double[]> months = window.months(sums, counts);
        if (months == null || months.size() < MIN_CHANGE_HISTORY + 2) {
            return;
        }
        YearMonth last = new ArrayList<>(months.keySet()).get(months.size() - 1);
        unusualChange(findings, months, last, 1, "month over month", aggregate, subject, measure, interval);
        unusualChange(findings, months, last, 12, "year over year", aggregate, subject, measure, interval);
    }

    private static void unusualChange(List<KeyFinding> findings, Map<YearMonth, double[]> months, YearMonth last,
                                      int lag, String kind, String aggregate, String subject, String measure,
                                      boolean interval) {
        List<Double> history = new ArrayList<>();
        for (YearMonth month : months.keySet()) {
            double change = change(months, month, lag, aggregate);
            if (!month.equals(last) && !Double.isNaN(change)) {
                history.add(change);
            }
        }
        double latest = change(months, last, lag, aggregate);
        if (Double.isNaN(latest) || history.size() < MIN_CHANGE_HISTORY) {
            return;
        }
        double[] earlier = history.stream().mapToDouble(Double::doubleValue).toArray();
        int n = earlier.length;
        double mean = java.util.Arrays.stream(earlier).average().orElse(Double.NaN);
        double sd = Math.sqrt(java.util.Arrays.stream(earlier).map(d -> (d - mean) * (d - mean)).sum() / (n - 1));
        if (!(sd > 0)) {
            return;
        }
        double t = (latest - mean) / (sd * Math.sqrt(1 + 1.0 / n));
        double p = Distributions.studentTwoSided(t, n - 1);
        if (p >= ALPHA) {
            return;
        }
        double now = value(months.get(last), aggregate);
        double then = value(months.get(last.minusMonths(lag)), aggregate);
        String percent = then == 0 || interval ? "" : " (" + (latest > 0 ? "+" : "") + Text.percent(latest / Math.abs(then)) + ")";
        findings.add(KeyFinding.of("period_change", String.format("%s went from %s to %s%s %s in %s, a change "
                        + "unlike those of the %d earlier months (t = %s against their mean, %s).", subject,
                Text.number(then), Text.number(now), percent, kind, last, n, Text.number(t), Text.pValue(p)),
                then == 0 ? 1 : Math.min(1, Math.abs(latest / then)), KeyFinding.significanceOf(p), columns(measure),
                "time_series:" + measure, List.of()));
    }

    /** {@code month} minus {@code lag} months before, or NaN when either is missing. */
    private static double change(Map<YearMonth, double[]> months, YearMonth month, int lag, String aggregate) {
        double[] then = months.get(month.minusMonths(lag));
        return then == null ? Double.NaN : value(months.get(month), aggregate) - value(then, aggregate);
    }

    private static void add(List<TimeSeries.PeriodChange> changes, boolean interval, String kind, String period,
                            String comparedTo, double value, double previous) {
        if (Double.isNaN(value) || Double.isNaN(previous)) {
            return;
        }
        double change = value - previous;
        changes.add(new TimeSeries.PeriodChange(kind, period, comparedTo, value, previous, change,
                previous == 0 || interval ? null : Results.finite(change / Math.abs(previous))));
    }
}
