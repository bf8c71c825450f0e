package io.sygnify.analysis.kpis;

import io.sygnify.analysis.AnalysisCancelledException;
import io.sygnify.analysis.engine.ColumnRoles;
import io.sygnify.analysis.engine.HeaderWords;
import io.sygnify.analysis.engine.Results;
import io.sygnify.analysis.engine.Text;
import io.sygnify.analysis.ingest.ColumnTypeResolver;
import io.sygnify.analysis.report.KeyFinding;
import io.sygnify.analysis.report.Kpis;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Profit and loss indicators: revenue, cost ratio, margin, the margins of the other levels of profit (EBITDA, net
 * income …), growth of the last complete year.
 */
final class ProfitAndLossKpis extends DomainKpis {

    private static final Pattern REVENUE = Pattern.compile("(^|_)(revenue|revenues|sales|turnover|net_sales)($|_)");
    private static final Pattern COST = Pattern.compile("(^|_)(cost|costs|cogs|expense|expenses|opex)($|_)");
    private static final Pattern PROFIT = Pattern.compile("(^|_)(profit|net_income|ebit|ebitda|earnings|margin)($|_)");

    ProfitAndLossKpis(KpiScope scope) {
        super(scope);
    }

    @Override
    Optional<Kpis.Domain> compute() throws SQLException, AnalysisCancelledException {
        Optional<Integer> revenue = scope.find(REVENUE, ColumnRoles.MEASURE);
        Optional<Integer> cost = scope.find(COST, ColumnRoles.MEASURE);
        Optional<Integer> profit = scope.find(PROFIT, ColumnRoles.MEASURE);
        if (revenue.isEmpty() || (cost.isEmpty() && profit.isEmpty())) {
            scope.note("profit_and_loss: needs a revenue or sales column and a cost or profit column.");
            return Optional.empty();
        }
        String r = context.sql(revenue.get()) + "::DOUBLE";
        String c = cost.map(i -> context.sql(i) + "::DOUBLE").orElse("NULL::DOUBLE");
        String p = profit.map(i -> context.sql(i) + "::DOUBLE").orElse("NULL::DOUBLE");
        double[] totals = context.session().query("SELECT sum(" + r + "), sum(" + c + "), sum(" + p + ") FROM "
                + ColumnTypeResolver.TABLE, row -> {
                    row.next();
                    return new double[] {row.getDouble(1), row.getDouble(2), row.getDouble(3)};
                });
        List<Kpis.Indicator> indicators = new ArrayList<>();
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("revenue", context.name(revenue.get()));
        indicators.add(new Kpis.Indicator("revenue", totals[0], "currency", null, "sum of "
                + context.name(revenue.get())));
        if (cost.isPresent()) {
            columns.put("cost", context.name(cost.get()));
            indicators.add(new Kpis.Indicator("cost_ratio", totals[0] == 0 ? null : Results.finite(totals[1]
                    / totals[0]), "ratio", Map.of("cost", totals[1]), "total cost / total revenue"));
        }
        double profitTotal = profit.isPresent() ? totals[2] : totals[0] - totals[1];
        if (profit.isPresent()) {
            columns.put("profit", context.name(profit.get()));
        }
        indicators.add(new Kpis.Indicator("margin", totals[0] == 0 ? null : Results.finite(profitTotal / totals[0]),
                "ratio", Map.of("profit", profitTotal), profit.isPresent() ? "total profit / total revenue"
                : "(revenue − cost) / revenue"));
        // a statement's other levels of profit: EBITDA, operating income, net income, each as a share of revenue
        List<String> otherMargins = new ArrayList<>();
        for (int i = 0; i < context.columns().size() && totals[0] != 0; i++) {
            if (profit.isPresent() && i == profit.get() || !context.profile(i).role().equals(ColumnRoles.MEASURE)
                    || context.intensive(i) || !PROFIT.matcher(HeaderWords.english(context.name(i))).find()) {
                continue;
            }
            double total = context.session().query("SELECT sum(" + context.sql(i) + "::DOUBLE) FROM "
                    + ColumnTypeResolver.TABLE, row -> {
                        row.next();
                        return row.getDouble(1);
                    });
            indicators.add(new Kpis.Indicator("margin_" + KpiScope.normalized(context.name(i)),
                    Results.finite(total / totals[0]), "ratio", Map.of("profit", total),
                    "total " + context.name(i) + " / total revenue"));
            otherMargins.add(context.name(i) + " " + Text.percent(total / totals[0]));
        }
        Double growth = null;
        String comparison = null;
        Optional<Integer> time = scope.time();
        if (time.isPresent()) {
            String t = "CAST(" + context.sql(time.get()) + " AS TIMESTAMP)";
            List<Object[]> years = context.session().query("SELECT year(" + t + ") AS y, sum(" + r + "), count(DISTINCT"
                    + " month(" + t + ")) FROM " + ColumnTypeResolver.TABLE + " WHERE " + context.sql(time.get())
                    + " IS NOT NULL GROUP BY y ORDER BY y", row -> {
                        List<Object[]> list = new ArrayList<>();
                        while (row.next()) {
                            list.add(new Object[] {row.getInt(1), row.getDouble(2), row.getInt(3)});
                        }
                        return list;
                    });
            List<Object[]> complete = years.stream().filter(y -> (Integer) y[2] == 12).toList();
            if (complete.size() >= 2) {
                Object[] last = complete.get(complete.size() - 1);
                Object[] before = complete.get(complete.size() - 2);
                growth = Results.finite((Double) last[1] / (Double) before[1] - 1);
                if (growth != null) {
                    comparison = String.format("in %s it was %s %s %s", last[0], Text.percent(Math.abs(growth)),
                            growth >= 0 ? "above" : "below", before[0]);
                }
                indicators.add(new Kpis.Indicator("revenue_growth", growth, "ratio",
                        Map.of("year", last[0], "previous_year", before[0]),
                        "revenue of the last complete year / the year before − 1"));
                columns.put("date", context.name(time.get()));
            } else {
                scope.note("profit_and_loss: revenue growth needs two complete calendar years.");
            }
        }
        if (totals[0] > 0) {
            headline(revenue.get(), cost, profit, totals, profitTotal / totals[0], otherMargins, growth, comparison);
        }
        return Optional.of(new Kpis.Domain("profit_and_loss", columns, indicators));
    }

    /**
     * The key finding: "revenue totals 6,638,612 at a margin of 35 % (cost is 65 % of it); in 2024 it was 11 % above
     * 2023."
     *
     * @param comparison "in 2024 it was 11 % above 2023", null without growth
     */
    private void headline(int revenue, Optional<Integer> cost, Optional<Integer> profit, double[] totals,
                          double margin, List<String> otherMargins, Double growth, String comparison) {
        String name = context.name(revenue);
        List<String> columns = new ArrayList<>(List.of(name));
        List<String> parts = new ArrayList<>();
        // a statement may have gross and net profit: the margin says which one it is
        profit.ifPresent(p -> {
            parts.add(context.name(p) + " / " + name);
            columns.add(context.name(p));
        });
        cost.ifPresent(c -> {
            parts.add(String.format("%s is %s of it", context.name(c), Text.percent(totals[1] / totals[0])));
            columns.add(context.name(c));
        });
        StringBuilder sentence = new StringBuilder(String.format("%s totals %s at a margin of %s (%s)", name,
                Text.number(totals[0]), Text.percent(margin), String.join("; ", parts)));
        if (!otherMargins.isEmpty()) {
            sentence.append("; margins ").append(Text.list(otherMargins));
        }
        if (growth != null) {
            sentence.append("; ").append(comparison);
        }
        scope.finding(KeyFinding.of("kpi", sentence + ".", Math.min(1, 0.3 + (growth == null ? 0 : Math.abs(growth))),
                1.0, columns, "kpi:profit_and_loss", List.of()));
    }
}
