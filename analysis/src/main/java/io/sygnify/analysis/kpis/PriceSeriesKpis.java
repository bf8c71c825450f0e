package io.sygnify.analysis.kpis;

import io.sygnify.analysis.AnalysisCancelledException;
import io.sygnify.analysis.engine.ColumnRoles;
import io.sygnify.analysis.engine.Results;
import io.sygnify.analysis.engine.SeriesKey;
import io.sygnify.analysis.engine.Text;
import io.sygnify.analysis.report.ColumnProfile;
import io.sygnify.analysis.report.KeyFinding;
import io.sygnify.analysis.report.Kpis;
import java.sql.SQLException;
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
    static final double SHOCK_SIGMAS = 5;

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
        ColumnProfile.NumericStats stats = context.profile(close.get()).numeric();
        if (stats == null || stats.negatives() > 0 || stats.zeros() > 0) {
            scope.note("price_series: " + context.name(close.get()) + " has zero or negative values, not prices.");
            return Optional.empty();
        }
        ColumnProfile timeProfile = context.profile(time.get());
        if (timeProfile.presentCount() > MAX_PRICES) {
            scope.note("price_series: more than " + Text.count(MAX_PRICES) + " prices; indicators are computed for "
                    + "series up to that length.");
            return Optional.empty();
        }
        if (timeProfile.distinctCount() < 0.95 * timeProfile.presentCount() || timeProfile.distinctCount() < 10) {
            Optional<SeriesKey> key = scope.seriesKey();
            if (key.isPresent() && key.get().entity() != null && key.get().time() == time.get()) {
                return panel(close.get(), time.get(), key.get().entity());
            }
            scope.note("price_series: " + context.name(close.get()) + " is not one price per date (" + Text.count(
                    timeProfile.distinctCount()) + " dates for " + Text.count(timeProfile.presentCount()) + " rows), "
                    + "and no column such as a ticker tells several series apart.");
            return Optional.empty();
        }
        PriceHistory history = PriceSeriesReader.read(context, close.get(), time.get(), null).get(0).history();
        List<Kpis.Indicator> indicators = indicators(history);
        String closeName = context.name(close.get());
        int extreme = history.largestMove();
        double sigmas = history.sigmas(extreme);
        if (sigmas >= SHOCK_SIGMAS) {
            // a crash or a jump: the day itself is what a reader of a price history asks about first
            scope.finding(KeyFinding.of("kpi", String.format("%s %s %s on %s, its largest move between consecutive "
                            + "prices: %s standard deviations of its returns.", closeName,
                    history.returnAt(extreme) < 0 ? "fell" : "rose", Text.percent(Math.abs(history.returnAt(extreme))),
                    history.moment(extreme + 1), Text.number(sigmas)),
                    Math.min(1, 0.3 + sigmas / 20), 1.0, List.of(closeName, context.name(time.get())),
                    "kpi:price_series", List.of()));
        }
        scope.finding(KeyFinding.of("kpi", String.format("%s: total return %s from %s to %s, annualised volatility %s, "
                        + "maximum drawdown %s (peak %s, trough %s).", closeName, Text.percent(history.totalReturn()),
                history.first(), history.last(), Text.percent(history.volatility()),
                Text.percent(history.maxDrawdown()), history.peakMoment(), history.troughMoment()),
                Math.min(1, Math.abs(history.maxDrawdown()) + 0.3), 1.0, List.of(closeName, context.name(time.get())),
                "kpi:price_series", List.of()));
        return Optional.of(new Kpis.Domain("price_series", Map.of("price", closeName, "date",
                context.name(time.get())), indicators));
    }

    /** One series per entity (the date and the entity key the rows), measured each on its own and compared. */
    private Optional<Kpis.Domain> panel(int close, int time, int entity) throws SQLException,
            AnalysisCancelledException {
        PricePanel panel = new PricePanel(scope, context.name(close), context.name(time), context.name(entity),
                PriceSeriesReader.read(context, close, time, entity));
        if (panel.isEmpty()) {
            scope.note("price_series: no " + context.name(entity) + " has " + PricePanel.MIN_PRICES + " prices or more"
                    + " of " + context.name(close) + ".");
            return Optional.empty();
        }
        return Optional.of(panel.domain());
    }

    private static List<Kpis.Indicator> indicators(PriceHistory history) {
        List<Kpis.Indicator> indicators = new ArrayList<>();
        indicators.add(new Kpis.Indicator("total_return", history.totalReturn(), "ratio", Map.of("from",
                history.first(), "to", history.last()), "last price / first price − 1"));
        indicators.add(new Kpis.Indicator("mean_return", history.meanReturn(), "ratio", Map.of("returns",
                history.returnCount()), "mean of simple returns between consecutive prices, "
                + history.frequency().description()));
        indicators.add(new Kpis.Indicator("volatility", Results.finite(history.volatility()), "ratio",
                Map.of("periods_per_year", history.frequency().perYear()),
                "standard deviation of returns × √(periods per year)"));
        indicators.add(new Kpis.Indicator("sharpe_ratio", history.sharpeRatio(), "statistic",
                Map.of("risk_free_rate", 0), "annualised mean return / annualised volatility, with a risk-free rate "
                + "of 0"));
        Map<String, Object> drawdown = new LinkedHashMap<>();
        drawdown.put("peak_date", history.peakMoment());
        drawdown.put("trough_date", history.troughMoment());
        drawdown.put("recovery_date", history.recoveryMoment());
        indicators.add(new Kpis.Indicator("max_drawdown", history.maxDrawdown(), "ratio", drawdown,
                "largest fall from a running peak to a later trough"));
        indicators.add(new Kpis.Indicator("value_at_risk_95", Results.finite(history.valueAtRisk95()), "ratio", null,
                "historical: the loss exceeded on 5 % of periods (minus the 5 % quantile of returns)"));
        indicators.add(move("worst_return", history, history.worstReturn(), "largest fall"));
        indicators.add(move("best_return", history, history.bestReturn(), "largest rise"));
        return indicators;
    }

    /** The return from price {@code at} to the next, with the dates of both. */
    private static Kpis.Indicator move(String name, PriceHistory history, int at, String what) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("date", history.moment(at + 1));
        detail.put("previous_date", history.moment(at));
        return new Kpis.Indicator(name, history.returnAt(at), "ratio", detail, what + " between consecutive prices "
                + "(date: the price after it)");
    }
}
