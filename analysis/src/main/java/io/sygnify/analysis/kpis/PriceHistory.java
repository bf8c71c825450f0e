package io.sygnify.analysis.kpis;

import io.sygnify.analysis.engine.Results;
import io.sygnify.analysis.engine.Text;
import io.sygnify.analysis.time.TrendTests;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * One price series in time order and what a reader of it asks first: total return, the mean and spread of returns
 * between consecutive prices (annualised by how often it is priced), the deepest drawdown with its dates, the
 * historical value at risk and the largest moves. Shared by a single series and by each series of a panel.
 */
final class PriceHistory {

    /**
     * How often the series is priced, and so how returns are annualised: the conventional 252 trading days, 365
     * for markets open at weekends (crypto), 52 weeks, 12 months; within the day, the series' own number of
     * returns a year (hourly bars of a stock trade about 1,640 hours a year, of a coin 8,766).
     */
    record Frequency(double perYear, String description, boolean intraday) {

        static Frequency of(long[] seconds, double medianGapDays) {
            if (medianGapDays < 0.5) {
                double years = (seconds[seconds.length - 1] - seconds[0]) / (365.25 * 86_400);
                double perYear = (seconds.length - 1) / years;
                return new Frequency(perYear, "within the day (every " + Text.number(medianGapDays * 1440)
                        + " minutes; " + Text.count(Math.round(perYear)) + " returns a year at the series' own rate)",
                        true);
            }
            if (medianGapDays <= 1.5) {
                boolean weekends = Arrays.stream(seconds).anyMatch(s -> at(s).getDayOfWeek().getValue() >= 6);
                return weekends ? new Frequency(365, "daily (365 days a year: it is priced at weekends)", false)
                        : new Frequency(252, "daily (252 trading days a year)", false);
            }
            return medianGapDays <= 8 ? new Frequency(52, "weekly", false)
                    : medianGapDays <= 32 ? new Frequency(12, "monthly", false)
                    : new Frequency(365.25 / medianGapDays, "every " + Text.number(medianGapDays) + " days", false);
        }
    }

    private final long[] seconds;
    private final double[] prices;
    private final double[] returns;
    private final Frequency frequency;
    private final double meanReturn;
    private final double sdReturn;
    private int peak;
    private int trough;
    private double drawdown;

    /**
     * @param seconds times as seconds since the epoch (UTC), ascending, at least two
     * @param prices  positive prices at those times
     */
    PriceHistory(long[] seconds, double[] prices) {
        this.seconds = seconds;
        this.prices = prices;
        int n = prices.length;
        returns = new double[n - 1];
        double[] gaps = new double[n - 1];
        for (int i = 1; i < n; i++) {
            returns[i - 1] = prices[i] / prices[i - 1] - 1;
            gaps[i - 1] = (seconds[i] - seconds[i - 1]) / 86_400.0;
        }
        frequency = Frequency.of(seconds, TrendTests.median(gaps));
        meanReturn = Arrays.stream(returns).average().orElse(0);
        sdReturn = Math.sqrt(Arrays.stream(returns).map(r -> (r - meanReturn) * (r - meanReturn)).sum()
                / Math.max(1, returns.length - 1));
        findDrawdown();
    }

    private void findDrawdown() {
        int running = 0;
        for (int i = 1; i < prices.length; i++) {
            if (prices[i] > prices[running]) {
                running = i;
            }
            double fall = prices[i] / prices[running] - 1;
            if (fall < drawdown) {
                drawdown = fall;
                peak = running;
                trough = i;
            }
        }
    }

    static LocalDateTime at(long epochSecond) {
        return LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC);
    }

    int size() {
        return prices.length;
    }

    Frequency frequency() {
        return frequency;
    }

    /** Price {@code i}'s time: a date, or within the day a date and time. */
    String moment(int i) {
        LocalDateTime time = at(seconds[i]);
        return frequency.intraday() ? time.toString() : time.toLocalDate().toString();
    }

    String first() {
        return moment(0);
    }

    String last() {
        return moment(prices.length - 1);
    }

    double totalReturn() {
        return prices[prices.length - 1] / prices[0] - 1;
    }

    int returnCount() {
        return returns.length;
    }

    double meanReturn() {
        return meanReturn;
    }

    double volatility() {
        return sdReturn * Math.sqrt(frequency.perYear());
    }

    /** Null when the price never moves. */
    Double sharpeRatio() {
        return sdReturn == 0 ? null : Results.finite(meanReturn / sdReturn * Math.sqrt(frequency.perYear()));
    }

    /** The largest fall from a running peak, 0 or negative. */
    double maxDrawdown() {
        return drawdown;
    }

    String peakMoment() {
        return moment(peak);
    }

    String troughMoment() {
        return moment(trough);
    }

    /** When the price first regained the drawdown's peak, or null if it has not (or never fell). */
    String recoveryMoment() {
        for (int i = trough; i < prices.length && drawdown < 0; i++) {
            if (prices[i] >= prices[peak]) {
                return moment(i);
            }
        }
        return null;
    }

    /** Historical: minus the 5 % quantile of returns. */
    double valueAtRisk95() {
        return -TrendTests.quantile(returns, 0.05);
    }

    /** Index of the return with the largest fall (a return {@code i} ends at price {@code i + 1}). */
    int worstReturn() {
        int down = 0;
        for (int i = 1; i < returns.length; i++) {
            down = returns[i] < returns[down] ? i : down;
        }
        return down;
    }

    int bestReturn() {
        int up = 0;
        for (int i = 1; i < returns.length; i++) {
            up = returns[i] > returns[up] ? i : up;
        }
        return up;
    }

    double returnAt(int i) {
        return returns[i];
    }

    /** The return furthest from the mean, worst or best. */
    int largestMove() {
        int down = worstReturn();
        int up = bestReturn();
        return Math.abs(returns[down]) >= Math.abs(returns[up]) ? down : up;
    }

    /** How many standard deviations return {@code i} lies from the mean; 0 for a price that never moves. */
    double sigmas(int i) {
        return sdReturn == 0 ? 0 : Math.abs(returns[i] - meanReturn) / sdReturn;
    }

    /** The return from price {@code i} to the next, keyed by the time of the later price. */
    long returnSecond(int i) {
        return seconds[i + 1];
    }
}
