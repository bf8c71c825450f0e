package io.sygnify.analysis.kpis;

import io.sygnify.analysis.engine.Results;
import io.sygnify.analysis.engine.Text;
import io.sygnify.analysis.report.KeyFinding;
import io.sygnify.analysis.report.Kpis;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prices of several instruments in one column, told apart by an entity column (date, ticker, close: the usual
 * long format of market data). Returns between consecutive rows of different tickers mean nothing, so each
 * entity's series is measured on its own ({@link PriceHistory}) and the series are compared: best and worst total
 * return, the most volatile, the deepest drawdown, and how much their returns move together.
 */
final class PricePanel {

    /** Series shorter than this say little about returns and volatility, and are left out (and counted). */
    static final int MIN_PRICES = 20;
    /** Series listed in the comparison table, and compared pairwise for co-movement. */
    static final int LISTED = 50;
    // returns on fewer common dates than this are too few for a correlation
    private static final int MIN_COMMON_RETURNS = 20;
    private static final double SHOCK_SIGMAS = PriceSeriesKpis.SHOCK_SIGMAS;
    private static final int SHOCKS_NAMED = 3;
    // from this mean correlation of returns on, the series move as one market
    private static final double TOGETHER = 0.5;

    private final KpiScope scope;
    private final String price;
    private final String time;
    private final String entity;
    private final List<PriceSeriesReader.Series> series;
    private final int tooShort;

    /** @param all every entity's series, in the reader's order */
    PricePanel(KpiScope scope, String price, String time, String entity, List<PriceSeriesReader.Series> all) {
        this.scope = scope;
        this.price = price;
        this.time = time;
        this.entity = entity;
        this.series = all.stream().filter(s -> s.history().size() >= MIN_PRICES)
                .sorted(Comparator.comparingDouble((PriceSeriesReader.Series s) -> -s.history().totalReturn())
                        .thenComparing(PriceSeriesReader.Series::entity))
                .toList();
        this.tooShort = all.size() - series.size();
    }

    boolean isEmpty() {
        return series.isEmpty();
    }

    Kpis.Domain domain() {
        List<Kpis.Indicator> indicators = new ArrayList<>();
        indicators.add(new Kpis.Indicator("series", (double) series.size(), "count", table(),
                "one series of " + price + " per " + entity + " with at least " + MIN_PRICES + " prices, best total "
                        + "return first" + (series.size() > LISTED ? "; the first " + LISTED + " are listed" : "")
                        + (tooShort > 0 ? "; " + Text.count(tooShort) + " shorter series left out" : "")));
        PriceSeriesReader.Series best = series.get(0);
        PriceSeriesReader.Series worst = series.get(series.size() - 1);
        indicators.add(new Kpis.Indicator("best_total_return", best.history().totalReturn(), "ratio",
                span(best), "the highest last price / first price − 1 of the series"));
        indicators.add(new Kpis.Indicator("worst_total_return", worst.history().totalReturn(), "ratio",
                span(worst), "the lowest last price / first price − 1 of the series"));
        PriceSeriesReader.Series volatile_ = mostVolatile();
        indicators.add(new Kpis.Indicator("highest_volatility", Results.finite(volatile_.history().volatility()),
                "ratio", span(volatile_), "the largest annualised standard deviation of returns of the series"));
        PriceSeriesReader.Series deepest = deepestDrawdown();
        Map<String, Object> drawdown = new LinkedHashMap<>();
        drawdown.put(entity, deepest.entity());
        drawdown.put("peak_date", deepest.history().peakMoment());
        drawdown.put("trough_date", deepest.history().troughMoment());
        drawdown.put("recovery_date", deepest.history().recoveryMoment());
        indicators.add(new Kpis.Indicator("deepest_drawdown", deepest.history().maxDrawdown(), "ratio", drawdown,
                "the largest fall from a running peak to a later trough of any series"));
        ReturnCorrelations.of(series.subList(0, Math.min(LISTED, series.size())), MIN_COMMON_RETURNS)
                .ifPresent(correlations -> {
                    indicators.add(new Kpis.Indicator("mean_return_correlation", correlations.mean(), "statistic",
                            correlations.detail(), "mean Pearson correlation of returns on common dates, over "
                            + Text.count(correlations.pairs()) + " pairs of series"));
                    if (correlations.mean() >= TOGETHER) {
                        scope.finding(KeyFinding.of("kpi", String.format("The %d %s series of %s move together: "
                                        + "their returns correlate %s on average (most: %s, r = %s).",
                                correlations.series(), entity, price, Text.number(correlations.mean()),
                                correlations.mostCorrelated(), Text.number(correlations.highest())),
                                correlations.mean() * 0.6, 1.0, List.of(price, entity), "kpi:price_series",
                                List.of()));
                    }
                });
        findings(best, worst, volatile_, deepest);
        return new Kpis.Domain("price_series", Map.of("price", price, "date", time, "entity", entity), indicators);
    }

    private Map<String, Object> span(PriceSeriesReader.Series s) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put(entity, s.entity());
        detail.put("from", s.history().first());
        detail.put("to", s.history().last());
        return detail;
    }

    /** Entity → its figures, best total return first. */
    private Map<String, Object> table() {
        Map<String, Object> rows = new LinkedHashMap<>();
        for (PriceSeriesReader.Series s : series.subList(0, Math.min(LISTED, series.size()))) {
            PriceHistory h = s.history();
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("prices", h.size());
            row.put("from", h.first());
            row.put("to", h.last());
            row.put("total_return", h.totalReturn());
            row.put("volatility", Results.finite(h.volatility()));
            row.put("sharpe", h.sharpeRatio());
            row.put("max_drawdown", h.maxDrawdown());
            row.put("value_at_risk_95", Results.finite(h.valueAtRisk95()));
            rows.put(s.entity(), row);
        }
        return rows;
    }

    private PriceSeriesReader.Series mostVolatile() {
        return series.stream().max(Comparator.comparingDouble(s -> s.history().volatility())).orElseThrow();
    }

    private PriceSeriesReader.Series deepestDrawdown() {
        return series.stream().min(Comparator.comparingDouble(s -> s.history().maxDrawdown())).orElseThrow();
    }

    private void findings(PriceSeriesReader.Series best, PriceSeriesReader.Series worst,
                          PriceSeriesReader.Series volatile_, PriceSeriesReader.Series deepest) {
        List<String> columns = List.of(price, entity, time);
        String sentence = series.size() == 1
                ? String.format("%s %s: total return %s from %s to %s.", entity, best.entity(),
                        Text.percent(best.history().totalReturn()), best.history().first(), best.history().last())
                : String.format("Of %d %s series of %s, %s returned most (%s, %s to %s) and %s least (%s).",
                        series.size(), entity, price, best.entity(), Text.percent(best.history().totalReturn()),
                        best.history().first(), best.history().last(), worst.entity(),
                        Text.percent(worst.history().totalReturn()));
        sentence += String.format(" %s is the most volatile (%s a year); the deepest drawdown is %s's %s (peak %s, "
                        + "trough %s).", volatile_.entity(), Text.percent(volatile_.history().volatility()),
                deepest.entity(), Text.percent(deepest.history().maxDrawdown()), deepest.history().peakMoment(),
                deepest.history().troughMoment());
        scope.finding(KeyFinding.of("kpi", sentence, Math.min(1, Math.abs(deepest.history().maxDrawdown()) + 0.3),
                1.0, columns, "kpi:price_series", List.of()));
        shocks(columns);
    }

    /** The series' largest moves of {@value #SHOCK_SIGMAS} standard deviations or more, the largest first. */
    private void shocks(List<String> columns) {
        record Shock(PriceSeriesReader.Series series, int at, double sigmas) {
        }
        List<Shock> shocks = new ArrayList<>();
        for (PriceSeriesReader.Series s : series) {
            int at = s.history().largestMove();
            double sigmas = s.history().sigmas(at);
            if (sigmas >= SHOCK_SIGMAS) {
                shocks.add(new Shock(s, at, sigmas));
            }
        }
        if (shocks.isEmpty()) {
            return;
        }
        shocks.sort(Comparator.comparingDouble(shock -> -shock.sigmas()));
        List<String> named = new ArrayList<>();
        for (Shock shock : shocks.subList(0, Math.min(SHOCKS_NAMED, shocks.size()))) {
            PriceHistory each = shock.series().history();
            named.add(String.format("%s %s %s on %s (%s)", shock.series().entity(),
                    each.returnAt(shock.at()) < 0 ? "fell" : "rose", Text.percent(Math.abs(each.returnAt(shock.at()))),
                    each.moment(shock.at() + 1), Text.number(shock.sigmas())));
        }
        String more = shocks.size() > SHOCKS_NAMED ? String.format(", and %d more", shocks.size() - SHOCKS_NAMED) : "";
        Shock top = shocks.get(0);
        PriceHistory h = top.series().history();
        String sentence = shocks.size() == 1
                ? String.format("%s %s's %s %s %s on %s, %s standard deviations of its returns: the one move that "
                                + "large in the %d series.", entity, top.series().entity(), price,
                        h.returnAt(top.at()) < 0 ? "fell" : "rose", Text.percent(Math.abs(h.returnAt(top.at()))),
                        h.moment(top.at() + 1), Text.number(top.sigmas()), series.size())
                : String.format("%d of the %d %s series of %s moved %s standard deviations or more between "
                                + "consecutive prices: %s%s (standard deviations of each series' returns).",
                        shocks.size(), series.size(), entity, price, Text.number(SHOCK_SIGMAS), Text.list(named),
                        more);
        scope.finding(KeyFinding.of("kpi", sentence, Math.min(1, 0.3 + top.sigmas() / 20), 1.0, columns,
                "kpi:price_series", List.of()));
    }
}
