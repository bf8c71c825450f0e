package io.sygnify.analysis.time;

import io.sygnify.analysis.engine.Results;
import io.sygnify.analysis.engine.Text;
import io.sygnify.analysis.report.KeyFinding;
import io.sygnify.analysis.report.TimeSeries;
import java.time.DayOfWeek;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static io.sygnify.analysis.time.PeriodWindow.value;
import static io.sygnify.analysis.time.TimeSeriesAnalysis.ALPHA;
import static io.sygnify.analysis.time.TimeSeriesAnalysis.columns;

/** Weekly and yearly patterns of a series: their strength (η² of an ANOVA on detrended values) and profile. */
final class SeasonalPatterns {

    private static final double MIN_SEASONAL_STRENGTH = 0.1;

    private SeasonalPatterns() {
    }

    /**
     * @param residuals what the week's local level leaves ({@link #fromWeekLevel}); residuals from one straight
     *                  line let waves of a level swamp the week: a halved weekend under two epidemic waves
     *                  explained 4 % of the variance (η²), measured from its own week 36 %
     */
    static TimeSeries.Seasonality weekly(double[] core, double[] residuals, PeriodWindow window) {
        int[] groups = new int[core.length];
        double[] residualSums = new double[7];
        long[] counts = new long[7];
        double total = 0;
        long n = 0;
        double[] sums = new double[7];
        for (int i = 0; i < core.length; i++) {
            groups[i] = Double.isNaN(core[i]) || Double.isNaN(residuals[i]) ? -1 : window.weekday(i);
            if (groups[i] >= 0) {
                residualSums[groups[i]] += residuals[i];
                sums[groups[i]] += core[i];
                counts[groups[i]]++;
            }
        }
        // the average day weighs each weekday alike, however many of each the tested stretch holds
        for (int d = 0; d < 7; d++) {
            if (counts[d] > 0) {
                total += sums[d] / counts[d];
                n++;
            }
        }
        TrendTests.Anova anova = TrendTests.anova(residuals, groups, 7);
        return seasonality("weekly", anova, residualSums, counts, total / n);
    }

    /**
     * @param residualSums per position, the sum of what the trend line leaves: a profile of raw means would credit
     *                     December with a year's growth
     */
    static TimeSeries.Seasonality seasonality(String kind, TrendTests.Anova anova, double[] residualSums,
                                                      long[] counts, double mean) {
        // residuals are centred: the trend line runs through the median, and "Monday is 45 % above the average"
        // measured from the median overstated a skewed week (and put a closed Saturday 139 % below)
        // each position weighs alike: a stretch of 17 Mondays and 16 Fridays is no reason for a Friday below average
        double residualTotal = 0;
        long n = 0;
        for (int g = 0; g < residualSums.length; g++) {
            if (counts[g] > 0) {
                residualTotal += residualSums[g] / counts[g];
                n++;
            }
        }
        double centre = n == 0 ? 0 : residualTotal / n;
        List<Double> profile = new ArrayList<>();
        for (int g = 0; g < residualSums.length; g++) {
            profile.add(counts[g] == 0 || mean == 0 ? null
                    : Results.finite((mean + residualSums[g] / counts[g] - centre) / mean));
        }
        boolean significant = anova.pValue() < ALPHA && anova.etaSquared() >= MIN_SEASONAL_STRENGTH;
        return new TimeSeries.Seasonality(kind, anova.etaSquared(), anova.pValue(), significant, profile,
                Results.finite(mean));
    }

    /**
     * Each day's value less the mean of the seven days centred on it: a level that moves slower than a week is set
     * aside whatever its shape. NaN at the first and last three days and where fewer than five of the seven have a
     * value (a week closed at weekends still has one of each working day).
     */
    static double[] fromWeekLevel(double[] core) {
        double[] residuals = new double[core.length];
        java.util.Arrays.fill(residuals, Double.NaN);
        for (int i = 3; i + 3 < core.length; i++) {
            if (Double.isNaN(core[i])) {
                continue;
            }
            double sum = 0;
            int present = 0;
            for (int j = i - 3; j <= i + 3; j++) {
                if (!Double.isNaN(core[j])) {
                    sum += core[j];
                    present++;
                }
            }
            if (present >= 5) {
                residuals[i] = core[i] - sum / present;
            }
        }
        return residuals;
    }

    /** The median residual of each day of the week, Monday first. */
    static double[] weekdayOffsets(double[] residuals, PeriodWindow window) {
        return offsets(residuals, 7, window::weekday);
    }

    /** The median residual of each month of the year, January first. */
    static double[] monthOffsets(double[] residuals, PeriodWindow window) {
        return offsets(residuals, 12, window::month);
    }

    private static double[] offsets(double[] residuals, int positions, java.util.function.IntUnaryOperator position) {
        double[] offsets = new double[positions];
        for (int d = 0; d < positions; d++) {
            List<Double> list = new ArrayList<>();
            for (int i = 0; i < residuals.length; i++) {
                if (!Double.isNaN(residuals[i]) && position.applyAsInt(i) == d) {
                    list.add(residuals[i]);
                }
            }
            offsets[d] = list.isEmpty() ? 0 : TrendTests.median(list.stream().mapToDouble(x -> x).toArray());
        }
        return offsets;
    }

    /** The positions of a cycle as a finding names them: Monday, January, 14:00. */
    static String positionName(String kind, int position) {
        return switch (kind) {
            case "weekly" -> DayOfWeek.of(position + 1).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            case "yearly" -> java.time.Month.of(position + 1).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            default -> String.format(Locale.ROOT, "%02d:00", position);
        };
    }

    /**
     * @param interval whether the measure is on an interval scale (a temperature, values below zero), where "72 %
     *                 above the average" means nothing: its offsets are told in its unit
     */
    static KeyFinding seasonalFinding(String subject, String measure, TimeSeries.Seasonality season,
                                      boolean interval) {
        int[] extremes = extremes(season);
        int high = extremes[0];
        int low = extremes[1];
        String sentence = String.format("%s follows a %s pattern: %s is %s the average, %s %s (η² = %s, %s).",
                subject, season.kind(), positionName(season.kind(), high),
                offset(season.profile().get(high), season.level(), interval),
                positionName(season.kind(), low), offset(season.profile().get(low), season.level(), interval),
                Text.coefficient(season.strength()), Text.pValue(season.pValue()));
        return KeyFinding.of("seasonality", sentence, season.strength(), KeyFinding.significanceOf(season.pValue()),
                columns(measure), "time_series:" + measure, List.of());
    }

    /** The positions (weekday, month, hour) of the season's highest and lowest value. */
    private static int[] extremes(TimeSeries.Seasonality season) {
        int high = -1;
        int low = -1;
        for (int i = 0; i < season.profile().size(); i++) {
            Double v = season.profile().get(i);
            if (v != null && (high < 0 || v > season.profile().get(high))) {
                high = i;
            }
            if (v != null && (low < 0 || v < season.profile().get(low))) {
                low = i;
            }
        }
        return new int[] {high, low};
    }

    private static String offset(double ratio, Double level, boolean interval) {
        double change = ratio - 1;
        String size = interval && level != null ? Text.number(Math.abs(change * level)) : Text.percent(Math.abs(change));
        return size + (change >= 0 ? " above" : " below");
    }

    /** Month-of-year pattern on complete months (or weeks grouped by month), with at least two years of them. */
    static TimeSeries.Seasonality yearly(double[] sums, double[] counts, String aggregate, PeriodWindow window) {
        Map<YearMonth, double[]> months = window.monthsForSeason(sums, counts);
        if (months == null || months.size() < 24) {
            return null;
        }
        List<YearMonth> keys = new ArrayList<>(months.keySet());
        double[] values = new double[keys.size()];
        int[] groups = new int[keys.size()];
        double[] residualSums = new double[12];
        long[] groupCounts = new long[12];
        double total = 0;
        for (int i = 0; i < keys.size(); i++) {
            values[i] = value(months.get(keys.get(i)), aggregate);
            groups[i] = keys.get(i).getMonthValue() - 1;
            groupCounts[groups[i]]++;
            total += values[i];
        }
        TrendTests.Line line = TrendTests.theilSen(values);
        double[] residuals = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            residuals[i] = values[i] - line.at(i);
            residualSums[groups[i]] += residuals[i];
        }
        return seasonality("yearly", TrendTests.anova(residuals, groups, 12), residualSums, groupCounts,
                total / values.length);
    }
}
