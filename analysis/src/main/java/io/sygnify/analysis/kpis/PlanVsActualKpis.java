package io.sygnify.analysis.kpis;

import io.sygnify.analysis.AnalysisCancelledException;
import io.sygnify.analysis.engine.Results;
import io.sygnify.analysis.engine.Text;
import io.sygnify.analysis.ingest.ColumnTypeResolver;
import io.sygnify.analysis.report.KeyFinding;
import io.sygnify.analysis.report.Kpis;
import io.sygnify.analysis.stats.Distributions;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plan against actual ({@link PlanActualPairs}): a budget and what was spent, a target and what was sold, a
 * forecast and what came. Totals of both and the variance, how often rows land over or under, the weighted absolute
 * deviation (WAPE), and per value of the main dimensions the variance; a group is said to run over or under only
 * when its rows do so consistently (sign test, Bonferroni over the groups).
 */
final class PlanVsActualKpis extends DomainKpis {

    private static final long MIN_ROWS = 10;
    private static final int DIMENSIONS = 2;
    private static final long MAX_GROUPS = 100;
    private static final int LISTED = 10;
    private static final double ALPHA = 0.001;
    // a variance smaller than this is on plan, however consistent
    private static final double NOTABLE_RATE = 0.02;
    private static final int NAMED = 2;

    PlanVsActualKpis(KpiScope scope) {
        super(scope);
    }

    /** Sums over the rows where both are present. */
    private record Totals(String label, double plan, double actual, long rows, long over, long under,
                          double absolute) {

        double variance() {
            return actual - plan;
        }

        /** actual / plan − 1, or null without a positive plan. */
        Double rate() {
            return plan > 0 ? actual / plan - 1 : null;
        }

        double signP() {
            return Distributions.signTestTwoSided(over, under);
        }

        Map<String, Object> row(String planName, String actualName) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("value", label);
            row.put(planName, plan);
            row.put(actualName, actual);
            row.put("variance", variance());
            row.put("variance_rate", Results.finite(rate() == null ? Double.NaN : rate()));
            row.put("rows", rows);
            row.put("rows_over", over);
            row.put("rows_under", under);
            row.put("p_value", signP());
            return row;
        }
    }

    @Override
    Optional<Kpis.Domain> compute() throws SQLException, AnalysisCancelledException {
        List<PlanActualPairs.Pair> pairs = PlanActualPairs.of(context);
        if (pairs.isEmpty()) {
            scope.note("plan_vs_actual: needs a plan column (budget, target, forecast …) and an actual column "
                    + "(actual, achieved, spent …).");
            return Optional.empty();
        }
        Map<String, String> columns = new LinkedHashMap<>();
        List<Kpis.Indicator> indicators = new ArrayList<>();
        for (PlanActualPairs.Pair pair : pairs) {
            String suffix = pairs.size() == 1 ? "" : "_" + KpiScope.normalized(context.name(pair.actual()));
            String plan = context.name(pair.plan());
            String actual = context.name(pair.actual());
            Totals all = totals(pair, null).get(0);
            if (all.rows() < MIN_ROWS || all.plan() <= 0) {
                scope.note("plan_vs_actual: " + plan + " and " + actual + " are both set on " + Text.count(all.rows())
                        + " rows with a total plan of " + Text.number(all.plan()) + "; the variance needs "
                        + MIN_ROWS + " rows and a positive plan.");
                continue;
            }
            columns.put("plan" + suffix, plan);
            columns.put("actual" + suffix, actual);
            indicators.add(new Kpis.Indicator("plan_total" + suffix, all.plan(), null, null, "sum of " + plan
                    + " on the " + Text.count(all.rows()) + " rows where " + actual + " is set too"));
            indicators.add(new Kpis.Indicator("actual_total" + suffix, all.actual(), null, null, "sum of " + actual
                    + " on the same rows"));
            indicators.add(new Kpis.Indicator("variance" + suffix, all.variance(), null, null, actual + " − " + plan));
            Map<String, Object> sides = new LinkedHashMap<>();
            sides.put("rows_over", all.over());
            sides.put("rows_under", all.under());
            sides.put("rows_on_plan", all.rows() - all.over() - all.under());
            indicators.add(new Kpis.Indicator("variance_rate" + suffix, all.rate(), "ratio", sides,
                    actual + " / " + plan + " − 1"));
            indicators.add(new Kpis.Indicator("weighted_absolute_deviation" + suffix, all.absolute() / all.plan(),
                    "ratio", null, "Σ|" + actual + " − " + plan + "| / Σ" + plan + " (WAPE): how far rows miss, "
                    + "whichever way"));
            List<String> said = new ArrayList<>();
            List<Integer> dimensions = context.dimensions(MAX_GROUPS, DIMENSIONS);
            List<List<Totals>> grouped = new ArrayList<>();
            for (int dimension : dimensions) {
                List<Totals> groups = totals(pair, dimension);
                grouped.add(groups);
                String d = context.name(dimension);
                indicators.add(new Kpis.Indicator("by_" + KpiScope.normalized(d) + suffix, null, null,
                        groups.stream().sorted(Comparator.comparingDouble((Totals t) -> -Math.abs(t.variance())))
                                .limit(LISTED).map(t -> t.row(plan, actual)).toList(),
                        "the variance per " + d + ", the " + LISTED + " largest; p_value: sign test of its rows over "
                                + "against under"));
                groupsSaid(d, groups, plan).ifPresent(said::add);
            }
            if (dimensions.size() == 2) {
                crossingSaid(pair, dimensions.get(0), dimensions.get(1), grouped.get(0), grouped.get(1))
                        .ifPresent(said::add);
            }
            scope.finding(KeyFinding.of("kpi", overall(plan, actual, all) + (said.isEmpty() ? "" : " "
                    + String.join(" ", said)), Math.min(1, 0.5 + Math.abs(all.rate()) * 2), 1.0,
                    List.of(plan, actual), "kpi:plan_vs_actual", List.of()));
        }
        return columns.isEmpty() ? Optional.empty()
                : Optional.of(new Kpis.Domain("plan_vs_actual", columns, indicators));
    }

    /**
     * "Actual came to 10,208,852 against a Budget of 10,062,000: 1.5 % over (+146,852); over on 333 of 576 rows,
     * and rows miss it by 6.1 % either way (WAPE)."
     */
    private static String overall(String plan, String actual, Totals all) {
        return String.format("%s came to %s against a %s of %s: %s %s (%s%s); over on %s of %s rows, and rows miss "
                        + "it by %s either way (WAPE).", actual, Text.number(all.actual()), plan,
                Text.number(all.plan()), Text.percent(Math.abs(all.rate())), all.rate() >= 0 ? "over" : "under",
                all.variance() >= 0 ? "+" : "", Text.number(all.variance()), Text.count(all.over()),
                Text.count(all.rows()), Text.percent(all.absolute() / all.plan()));
    }

    /**
     * "Of the combinations of Department and Category, Marketing and Events ran furthest over: 53 % (+…; over on 24
     * of 24 rows)": of the combinations whose rows land on one side consistently, the one that departs furthest,
     * when it departs half again as far as each of its values alone (else the groups already said it).
     */
    private Optional<String> crossingSaid(PlanActualPairs.Pair pair, int first, int second, List<Totals> firstGroups,
                                          List<Totals> secondGroups) throws SQLException, AnalysisCancelledException {
        String cell = "CAST(" + context.sql(first) + " AS VARCHAR) || ' and ' || CAST(" + context.sql(second)
                + " AS VARCHAR)";
        List<Totals> cells = totals(pair, cell, context.sql(first) + " IS NOT NULL AND " + context.sql(second)
                + " IS NOT NULL");
        double alpha = ALPHA / Math.max(1, cells.size());
        Map<String, Totals> byFirst = new LinkedHashMap<>();
        firstGroups.forEach(t -> byFirst.put(t.label(), t));
        Map<String, Totals> bySecond = new LinkedHashMap<>();
        secondGroups.forEach(t -> bySecond.put(t.label(), t));
        return cells.stream().filter(t -> t.rate() != null && Math.abs(t.rate()) >= NOTABLE_RATE
                        && t.signP() < alpha)
                .max(Comparator.comparingDouble(t -> Math.abs(t.rate())))
                .filter(t -> {
                    String[] values = t.label().split(" and ", 2);
                    Totals a = byFirst.get(values[0]);
                    Totals b = values.length < 2 ? null : bySecond.get(values[1]);
                    return a != null && b != null && a.rate() != null && b.rate() != null
                            && Math.abs(t.rate()) >= 1.5 * Math.abs(a.rate())
                            && Math.abs(t.rate()) >= 1.5 * Math.abs(b.rate());
                })
                .map(t -> String.format("Of the combinations of %s and %s, %s ran furthest %s: %s (%s%s; %s on %s "
                                + "of %s rows).", context.name(first), context.name(second), t.label(),
                        t.rate() > 0 ? "over" : "under", Text.percent(Math.abs(t.rate())), t.variance() >= 0 ? "+"
                                : "", Text.number(t.variance()), t.rate() > 0 ? "over" : "under",
                        Text.count(t.rate() > 0 ? t.over() : t.under()), Text.count(t.rows())));
    }

    /**
     * "By Department, Marketing ran 18 % over Budget (+64,800; over on 96 of 96 rows) and Engineering 3.1 % under
     * (…)": the groups whose rows land on one side consistently, at most {@value #NAMED} each way.
     */
    private static Optional<String> groupsSaid(String dimension, List<Totals> groups, String plan) {
        double alpha = ALPHA / Math.max(1, groups.size());
        List<Totals> consistent = groups.stream().filter(t -> t.rate() != null
                && Math.abs(t.rate()) >= NOTABLE_RATE && t.signP() < alpha).toList();
        List<Totals> over = consistent.stream().filter(t -> t.rate() > 0)
                .sorted(Comparator.comparingDouble((Totals t) -> -t.rate())).limit(NAMED).toList();
        List<Totals> under = consistent.stream().filter(t -> t.rate() < 0)
                .sorted(Comparator.comparingDouble(Totals::rate)).limit(NAMED).toList();
        if (over.isEmpty() && under.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        for (Totals t : over) {
            parts.add(String.format("%s ran %s over%s (+%s; over on %s of %s rows)", t.label(),
                    Text.percent(t.rate()), parts.isEmpty() ? " " + plan : "", Text.number(t.variance()),
                    Text.count(t.over()), Text.count(t.rows())));
        }
        for (Totals t : under) {
            parts.add(String.format("%s ran %s under%s (%s; under on %s of %s rows)", t.label(),
                    Text.percent(-t.rate()), parts.isEmpty() ? " " + plan : "", Text.number(t.variance()),
                    Text.count(t.under()), Text.count(t.rows())));
        }
        return Optional.of("By " + dimension + ", " + Text.list(parts) + ".");
    }

    /** The totals over all rows (dimension null) or per value of the dimension, largest plan first. */
    private List<Totals> totals(PlanActualPairs.Pair pair, Integer dimension)
            throws SQLException, AnalysisCancelledException {
        return dimension == null ? totals(pair, null, "TRUE")
                : totals(pair, "CAST(" + context.sql(dimension) + " AS VARCHAR)", context.sql(dimension)
                + " IS NOT NULL");
    }

    /** @param group the SQL of a row's group, null for one group of all rows */
    private List<Totals> totals(PlanActualPairs.Pair pair, String group, String where)
            throws SQLException, AnalysisCancelledException {
        String p = context.sql(pair.plan()) + "::DOUBLE";
        String a = context.sql(pair.actual()) + "::DOUBLE";
        return context.session().query("SELECT " + (group == null ? "NULL" : group) + " AS g, sum(" + p + "), sum("
                + a + "), count(*), count(*) FILTER (WHERE " + a + " > " + p + "), count(*) FILTER (WHERE " + a
                + " < " + p + "), sum(abs(" + a + " - " + p + ")) FROM " + ColumnTypeResolver.TABLE + " WHERE " + p
                + " IS NOT NULL AND " + a + " IS NOT NULL AND " + where + (group == null ? "" : " GROUP BY g")
                + " ORDER BY 2 DESC", row -> {
                    List<Totals> totals = new ArrayList<>();
                    while (row.next()) {
                        totals.add(new Totals(row.getString(1), row.getDouble(2), row.getDouble(3), row.getLong(4),
                                row.getLong(5), row.getLong(6), row.getDouble(7)));
                    }
                    return totals;
                });
    }
}
