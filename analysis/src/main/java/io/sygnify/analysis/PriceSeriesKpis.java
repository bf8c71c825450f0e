package io.sygnify.analysis;

import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Price series indicators: returns, volatility, Sharpe ratio, maximum drawdown with its dates, value at risk. */
final class PriceSeriesKpis extends DomainKpis {

    private static final Pattern CLOSE = Pattern.compile("^(adj[ _]?close|adjusted[ _]close|close|closing[ _]price"
            + "|price|last)$");
    // prices are walked in Java, in order: a million of them is 40 years of minutes, and fits the heap
    private static final long MAX_PRICES = 1_000_000;
    // a move this many standard deviations from the mean return is a shock worth a finding of its own
    private static final double SHOCK_SIGMAS = 5;

    /**
     * How often the series is priced, and so how returns are annualised: the conventional 252 trading days, 365
     * for markets open at weekends (crypto), 52 weeks, 12 months; within the day, the series' own number of
     * returns a year (hourly bars of a stock trade about 1,640 hours a year, of a coin 8,766).
     */
    private record Frequency(double perYear, String description, boolean intraday) {

        static Frequency of(List<LocalDateTime> dates, double medianGapDays) {
            if (medianGapDays < 0.5) {
                double years = java.time.Duration.between(dates.get(0), dates.get(dates.size() - 1)).toSeconds()
                        / (365.25 * 86_400);
                double perYear = (dates.size() - 1) / years;
                return new Frequency(perYear, "within the day (every " + Text.number(medianGapDays * 1440)
                        + " minutes; " + Text.count(Math.round(perYear)) + " returns a year at the series' own rate)",
                        true);
            }
            if (medianGapDays <= 1.5) {
                boolean weekends = dates.stream().anyMatch(d -> d.getDayOfWeek().getValue() >= 6);
                return weekends ? new Frequency(365, "daily (365 days a year: it is priced at weekends)", false)
                        : new Frequency(252, "daily (252 trading days a year)", false);
            }
            return medianGapDays <= 8 ? new Frequency(52, "weekly", false)
                    : medianGapDays <= 32 ? new Frequency(12, "monthly", false)
                    : new Frequency(365.25 / medianGapDays, "every " + Text.number(medianGapDays) + " days", false);
        }

        /** A date, or within the day a date and time. */
        String moment(LocalDateTime at) {
            return intraday ? at.toString() : at.toLocalDate().toString();
        }
    }

    PriceSeriesKpis(KpiScope scope) {
        super(scope);
    }

    @Override
    Optional<Kpis.Domain> compute() throws SQLException, AnalysisCancelledException {
        Optional<Integer> close = scope.find(CLOSE, ColumnRoles.MEASURE);
        Optional<Integer> time = scope.time();
        if (close.isEmpty() || time.isEmpty()) {
            scope.note("price_series: needs a date column and a close or price column.");
            return Optional.empty();
        }
        ColumnProfile timeProfile = context.profile(time.get());
        if (timeProfile.distinctCount() < 0.95 * timeProfile.presentCount() || timeProfile.distinctCount() < 10) {
            scope.note("price_series: " + context.name(close.get()) + " is not one price per date (" + Text.count(
                    timeProfile.distinctCount()) + " dates for " + Text.count(timeProfile.presentCount()) + " rows).");
            return Optional.empty();
        }
        if (timeProfile.presentCount() > MAX_PRICES) {
            scope.note("price_series: more than " + Text.count(MAX_PRICES) + " prices; indicators are computed for "
                    + "series up to that length.");
            return Optional.empty();
        }
        ColumnProfile.NumericStats stats = context.profile(close.get()).numeric();
        if (stats == null || stats.negatives() > 0 || stats.zeros() > 0) {
            scope.note("price_series: " + context.name(close.get()) + " has zero or negative values, not prices.");
            return Optional.empty();
        }
        String t = "CAST(" + context.sql(time.get()) + " AS TIMESTAMP)";
        List<LocalDateTime> dates = new ArrayList<>();
        List<Double> prices = new ArrayList<>();
        context.session().query("SELECT " + t + ", " + context.sql(close.get()) + "::DOUBLE FROM "
                + ColumnTypeResolver.TABLE + " WHERE " + context.sql(time.get()) + " IS NOT NULL AND "
                + context.sql(close.get()) + " IS NOT NULL ORDER BY 1", row -> {
                    while (row.next()) {
                        dates.add(row.getObject(1, LocalDateTime.class));
                        prices.add(row.getDouble(2));
                    }
                    return null;
                });
        int n = prices.size();
        double[] returns = new double[n - 1];
        double[] gaps = new double[n - 1];
        for (int i = 1; i < n; i++) {
            returns[i - 1] = prices.get(i) / prices.get(i - 1) - 1;
            gaps[i - 1] = java.time.Duration.between(dates.get(i - 1), dates.get(i)).toSeconds() / 86_400.0;
        }
        Frequency frequency = Frequency.of(dates, TrendTests.median(gaps.clone()));
        double perYear = frequency.perYear();
        double mean = java.util.Arrays.stream(returns).average().orElse(0);
        double sd = Math.sqrt(java.util.Arrays.stream(returns).map(r -> (r - mean) * (r - mean)).sum()
                / Math.max(1, returns.length - 1));
        double peak = prices.get(0);
        int peakIndex = 0;
        double worst = 0;
        int worstPeak = 0;
        int worstTrough = 0;
        for (int i = 1; i < n; i++) {
            if (prices.get(i) > peak) {
                peak = prices.get(i);
                peakIndex = i;
            }
            double drawdown = prices.get(i) / peak - 1;
            if (drawdown < worst) {
                worst = drawdown;
                worstPeak = peakIndex;
                worstTrough = i;
            }
        }
        String recovered = null;
        for (int i = worstTrough; i < n && worst < 0; i++) {
            if (prices.get(i) >= prices.get(worstPeak)) {
                recovered = frequency.moment(dates.get(i));
                break;
            }
        }
        double var95 = -TrendTests.quantile(returns, 0.05);
        double totalReturn = prices.get(n - 1) / prices.get(0) - 1;
        List<Kpis.Indicator> indicators = new ArrayList<>();
        indicators.add(new Kpis.Indicator("total_return", totalReturn, "ratio", Map.of("from",
                frequency.moment(dates.get(0)), "to", frequency.moment(dates.get(n - 1))),
                "last price / first price − 1"));
        indicators.add(new Kpis.Indicator("mean_return", mean, "ratio", Map.of("returns", returns.length),
                "mean of simple returns between consecutive prices, " + frequency.description()));
        indicators.add(new Kpis.Indicator("volatility", Results.finite(sd * Math.sqrt(perYear)), "ratio",
                Map.of("periods_per_year", perYear), "standard deviation of returns × √(periods per year)"));
        indicators.add(new Kpis.Indicator("sharpe_ratio", sd == 0 ? null : Results.finite(mean / sd
                * Math.sqrt(perYear)), "statistic", Map.of("risk_free_rate", 0),
                "annualised mean return / annualised volatility, with a risk-free rate of 0"));
        Map<String, Object> drawdown = new LinkedHashMap<>();
        drawdown.put("peak_date", frequency.moment(dates.get(worstPeak)));
        drawdown.put("trough_date", frequency.moment(dates.get(worstTrough)));
        drawdown.put("recovery_date", recovered);
        indicators.add(new Kpis.Indicator("max_drawdown", worst, "ratio", drawdown,
                "largest fall from a running peak to a later trough"));
        indicators.add(new Kpis.Indicator("value_at_risk_95", Results.finite(var95), "ratio", null,
                "historical: the loss exceeded on 5 % of periods (minus the 5 % quantile of returns)"));
        int down = 0;
        int up = 0;
        for (int i = 1; i < returns.length; i++) {
            down = returns[i] < returns[down] ? i : down;
            up = returns[i] > returns[up] ? i : up;
        }
        indicators.add(move("worst_return", returns[down], dates, down, frequency, "largest fall"));
        indicators.add(move("best_return", returns[up], dates, up, frequency, "largest rise"));
        String closeName = context.name(close.get());
        int extreme = Math.abs(returns[down]) >= Math.abs(returns[up]) ? down : up;
        double sigmas = sd == 0 ? 0 : Math.abs(returns[extreme] - mean) / sd;
        if (sigmas >= SHOCK_SIGMAS) {
            // a crash or a jump: the day itself is what a reader of a price history asks about first
            scope.finding(KeyFinding.of("kpi", String.format("%s %s %s on %s, its largest move between consecutive "
                            + "prices: %s standard deviations of its returns.", closeName,
                    returns[extreme] < 0 ? "fell" : "rose", Text.percent(Math.abs(returns[extreme])),
                    frequency.moment(dates.get(extreme + 1)), Text.number(sigmas)),
                    Math.min(1, 0.3 + sigmas / 20), 1.0, List.of(closeName, context.name(time.get())),
                    "kpi:price_series", List.of()));
        }
        scope.finding(KeyFinding.of("kpi", String.format("%s: total return %s from %s to %s, annualised volatility %s, "
                        + "maximum drawdown %s (peak %s, trough %s).", closeName, Text.percent(totalReturn),
                frequency.moment(dates.get(0)), frequency.moment(dates.get(n - 1)),
                Text.percent(sd * Math.sqrt(perYear)),
                Text.percent(worst), drawdown.get("peak_date"), drawdown.get("trough_date")),
                Math.min(1, Math.abs(worst) + 0.3), 1.0, List.of(closeName, context.name(time.get())),
                "kpi:price_series", List.of()));
        return Optional.of(new Kpis.Domain("price_series", Map.of("price", closeName, "date",
                context.name(time.get())), indicators));
    }

    /** The return from price {@code at} to the next, with the dates of both. */
    private static Kpis.Indicator move(String name, double value, List<LocalDateTime> dates, int at,
                                       Frequency frequency, String what) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("date", frequency.moment(dates.get(at + 1)));
        detail.put("previous_date", frequency.moment(dates.get(at)));
        return new Kpis.Indicator(name, value, "ratio", detail, what + " between consecutive prices (date: the "
                + "price after it)");
    }
}
