package io.sygnify.analysis.report;

import io.sygnify.analysis.time.TimeSeriesAnalysis;
import io.sygnify.analysis.time.UnusualPeriods;
import java.util.List;

/**
 * The main measures over time: the time column, the period they are aggregated by, and per measure its trend,
 * period-over-period changes, seasonality, change points, the last period and a short forecast.
 *
 * @param timeColumn         the column the series are built on (null when the file has none)
 * @param otherTimeColumns   other date or timestamp columns, not analysed
 * @param granularity        finest unit the time column's values are recorded in
 * @param period             unit of aggregation: {@code hour}, {@code day}, {@code week} (starting Monday),
 *                           {@code month}, {@code quarter} or {@code year}; chosen as the granularity, coarsened
 *                           until there are at most {@value TimeSeriesAnalysis#MAX_PERIODS} periods
 * @param periodStarts       the periods, in order, every period between the first and the last (labels such as
 *                           {@code 2024-03}, {@code 2024-Q1}, {@code 2024-03-04})
 * @param firstPeriodPartial whether the data starts well into the first period (it is left out of the tests)
 * @param lastPeriodPartial  whether the data stops well before the end of the last period (likewise)
 * @param series             one series per measure, the first being the row count
 * @param notes              why parts are absent, if any are
 */
public record TimeSeries(String timeColumn, List<String> otherTimeColumns, String granularity, String period,
                         List<String> periodStarts, boolean firstPeriodPartial, boolean lastPeriodPartial,
                         List<Series> series, List<String> notes) {

    /**
     * @param measure       the column, or {@code rows} for the row count
     * @param aggregate     {@code count}, {@code sum} (additive amounts) or {@code mean} (prices, rates, levels, or
     *                      one row per period)
     * @param values        the aggregate per period, aligned with {@code periodStarts}; null when undefined
     * @param trend         monotonic trend over the complete periods
     * @param changes       period-over-period changes of the last complete period
     * @param seasonality   weekly and yearly patterns that were tested
     * @param changePoints  shifts in level, at most 3
     * @param lastPeriod    whether the last complete period is out of line with the rest
     * @param forecast      the next periods, with a 90 % interval
     * @param notes         why parts are absent
     * @param intervalScale whether the measure's zero is no absence (a temperature, values below zero): its changes
     *                      and seasonal offsets mean something in its unit, not as percentages
     */
    public record Series(String measure, String aggregate, List<Double> values, Trend trend,
                         List<PeriodChange> changes, List<Seasonality> seasonality, List<ChangePoint> changePoints,
                         LastPeriod lastPeriod, List<UnusualPeriod> unusualPeriods, Forecast forecast,
                         List<String> notes, boolean intervalScale) {
    }

    /**
     * A short stretch of periods inside the series, all far out of line on the same side (see
     * {@link UnusualPeriods}).
     *
     * @param from     first period's label
     * @param to       last period's label (the same as {@code from} for one period)
     * @param periods  periods in the stretch with a value
     * @param value    the series' mean over them
     * @param expected the trend and season's mean over them
     * @param robustZ  the most extreme period's distance from expected, in robust standard deviations on the
     *                 {@code scale}; null where nothing was recorded on a log scale, infinitely far
     * @param scale    {@code log} for a series never below zero, judged by its ratio to the expected;
     *                 {@code linear} otherwise
     */
    public record UnusualPeriod(String from, String to, int periods, double value, double expected,
                                Double robustZ, String scale) {
    }

    /**
     * @param slopePerPeriod Theil–Sen slope: median change per period
     * @param totalChange    slope × (periods − 1): the change the trend implies from first to last period
     * @param relativeChange totalChange relative to the series' median level (null when that is 0, or the measure
     *                       is on an interval scale: a temperature, values below zero)
     * @param kendallTau     Mann–Kendall's τ, −1–1
     * @param pValue         two-sided p-value of the Mann–Kendall test, its variance corrected for ties and for
     *                       autocorrelation (Yue and Wang), so that a random walk or a step is no trend
     * @param significant    pValue below {@value TimeSeriesAnalysis#ALPHA} and a slope other than 0
     * @param direction      {@code up}, {@code down} or {@code none}
     * @param periods        periods tested
     */
    public record Trend(double slopePerPeriod, double totalChange, Double relativeChange, double kendallTau,
                        double pValue, boolean significant, String direction, int periods) {
    }

    /**
     * @param kind       {@code previous_period}, {@code month_over_month} or {@code year_over_year}
     * @param period     the last complete period (or month)
     * @param comparedTo the period it is compared with
     * @param value      its value
     * @param previous   the value it is compared with
     * @param change     value − previous
     * @param changeRate change / |previous|, null when previous is 0
     */
    public record PeriodChange(String kind, String period, String comparedTo, double value, double previous,
                               double change, Double changeRate) {
    }

    /**
     * @param kind        {@code weekly} (day of week, Monday first), {@code yearly} (month of year, January first) or
     *                    {@code daily} (hour of day, 00:00 first)
     * @param strength    η²: share of the detrended variance explained by the position in the cycle, 0–1
     * @param pValue      p-value of the one-way ANOVA
     * @param significant pValue below {@value TimeSeriesAnalysis#ALPHA} and strength at least 0.1
     * @param profile     mean by position relative to the overall mean (1.2 = 20 % above), null when no data
     * @param level       the overall mean the profile is relative to: (ratio − 1) × level is a position's offset in
     *                    the measure's unit, which is what a temperature's pattern is told in
     */
    public record Seasonality(String kind, double strength, double pValue, boolean significant,
                              List<Double> profile, Double level) {
    }

    /**
     * @param period the first period of the new level
     * @param before median of the periods before it
     * @param after  median of the periods from it on
     * @param pValue Pettitt test p-value
     */
    public record ChangePoint(String period, double before, double after, double pValue) {
    }

    /**
     * @param period    the last complete period
     * @param value     its value
     * @param expected  what the trend (and weekly pattern, if any) predicts
     * @param robustZ   (value − expected) in robust standard deviations of the earlier residuals
     * @param anomalous |robustZ| above 3.5
     */
    public record LastPeriod(String period, double value, double expected, double robustZ, boolean anomalous) {
    }

    /**
     * @param method  {@code theil_sen_trend} when the trend is significant at 5 %, else {@code median_level};
     *                plus {@code +weekly_profile} when the weekly pattern is significant
     * @param periods the periods forecast
     * @param values  point forecasts
     * @param lower   5 % quantile: point forecast plus the 5 % quantile of past residuals
     * @param upper   95 % quantile, likewise
     */
    public record Forecast(String method, List<String> periods, List<Double> values, List<Double> lower,
                           List<Double> upper) {
    }
}
