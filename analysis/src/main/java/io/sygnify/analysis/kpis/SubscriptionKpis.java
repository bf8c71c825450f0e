package io.sygnify.analysis.kpis;

import io.sygnify.analysis.AnalysisCancelledException;
import io.sygnify.analysis.engine.ColumnRoles;
import io.sygnify.analysis.engine.Text;
import io.sygnify.analysis.ingest.ColumnTypeResolver;
import io.sygnify.analysis.quality.OpenCases;
import io.sygnify.analysis.report.KeyFinding;
import io.sygnify.analysis.report.Kpis;
import io.sygnify.analysis.time.TrendTests;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Subscriptions (a row per customer or contract, with a start date and an end date blank while it runs): how many
 * are active at the file's last date, the recurring revenue they bring when a monthly or yearly amount is there,
 * and the monthly churn rate — of the subscriptions active at a month's start, the share that ended within it —
 * over the last twelve complete months.
 */
final class SubscriptionKpis extends DomainKpis {

    private static final Pattern START = Pattern.compile("(^|_)(signup|signed_up|sign_up|start|started|subscribed"
            + "|activated|activation|joined|onboarded)($|_)");
    // a ticket's created and closed dates have the same shape: a subscription also has a plan or a recurring fee
    private static final Pattern PLAN = Pattern.compile("(^|_)(plan|subscription|tier|package|membership|edition)"
            + "($|_)");
    private static final Pattern END = Pattern.compile("(^|_)(cancel|cancelled|canceled|cancellation|churn|churned"
            + "|end|ended|terminated|termination|expired|expiry|unsubscribed|closed)($|_)");
    private static final Pattern MONTHLY = Pattern.compile("(^|_)(mrr|monthly|per_month|monthly_fee|monthly_price"
            + "|monthly_revenue)($|_)");
    private static final Pattern YEARLY = Pattern.compile("(^|_)(arr|annual|yearly|per_year|annual_fee)($|_)");
    private static final int MONTHS = 12;
    private static final long MIN_ROWS = 30;

    SubscriptionKpis(KpiScope scope) {
        super(scope);
    }

    /** One complete month: subscriptions active at its start, and how many of those ended within it. */
    private record Month(LocalDate month, long activeAtStart, long ended) {

        Double rate() {
            return activeAtStart == 0 ? null : (double) ended / activeAtStart;
        }
    }

    @Override
    Optional<Kpis.Domain> compute() throws SQLException, AnalysisCancelledException {
        Optional<Integer> start = scope.find(START, ColumnRoles.TIME);
        Optional<Integer> end = scope.find(END, ColumnRoles.TIME).filter(e -> !e.equals(start.orElse(-1)));
        Optional<Integer> monthly = recurring(MONTHLY);
        Optional<Integer> yearly = monthly.isPresent() ? Optional.empty() : recurring(YEARLY);
        boolean subscribed = monthly.isPresent() || yearly.isPresent()
                || scope.find(PLAN, ColumnRoles.CATEGORY, ColumnRoles.FLAG).isPresent();
        if (start.isEmpty() || end.isEmpty() || !subscribed || context.rows() < MIN_ROWS
                || !OpenCases.open(context.profile(start.get()), context.profile(end.get()))) {
            scope.note("subscriptions: needs a start date (signup, start …) set on every row, an end date (cancel, "
                    + "end, churn …) blank on the ones still running, a plan or a monthly or yearly amount, and "
                    + MIN_ROWS + " rows.");
            return Optional.empty();
        }
        String s = "CAST(" + context.sql(start.get()) + " AS DATE)";
        String e = "CAST(" + context.sql(end.get()) + " AS DATE)";
        String from = ColumnTypeResolver.TABLE + " WHERE " + s + " IS NOT NULL";
        LocalDate asOf = context.session().query("SELECT greatest(max(" + s + "), coalesce(max(" + e + "), max(" + s
                + "))) FROM " + from, row -> {
                    row.next();
                    return row.getObject(1, LocalDate.class);
                });
        String active = "(" + e + " IS NULL OR " + e + " > DATE '" + asOf + "')";
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("start", context.name(start.get()));
        columns.put("end", context.name(end.get()));
        String revenue = monthly.map(i -> context.sql(i) + "::DOUBLE")
                .or(() -> yearly.map(i -> context.sql(i) + "::DOUBLE / 12")).orElse("NULL");
        double[] counts = context.session().query("SELECT count(*), count(*) FILTER (WHERE " + active + "), sum("
                + revenue + ") FILTER (WHERE " + active + ") FROM " + from, row -> {
                    row.next();
                    double mrr = row.getDouble(3);
                    return new double[] {row.getLong(1), row.getLong(2), row.wasNull() ? Double.NaN : mrr};
                });
        long total = (long) counts[0];
        long running = (long) counts[1];
        List<Kpis.Indicator> indicators = new ArrayList<>();
        indicators.add(new Kpis.Indicator("subscriptions", (double) total, "count", null,
                "rows with a " + context.name(start.get())));
        indicators.add(new Kpis.Indicator("active", (double) running, "count", Map.of("as_of", asOf.toString()),
                "without a " + context.name(end.get()) + " on or before " + asOf + ", the file's last date"));
        indicators.add(new Kpis.Indicator("ended_share", total == 0 ? null : (double) (total - running) / total,
                "ratio", Map.of("ended", total - running), "share of subscriptions that have ended"));
        String revenueSaid = "";
        if (!Double.isNaN(counts[2])) {
            int column = monthly.orElseGet(yearly::get);
            columns.put(monthly.isPresent() ? "monthly_amount" : "yearly_amount", context.name(column));
            indicators.add(new Kpis.Indicator("monthly_recurring_revenue", counts[2], "currency", null, "sum of "
                    + context.name(column) + (monthly.isPresent() ? "" : " / 12") + " over the active subscriptions"));
            indicators.add(new Kpis.Indicator("annual_recurring_revenue", counts[2] * 12, "currency", null,
                    "12 × monthly_recurring_revenue"));
            revenueSaid = String.format(" bringing %s a month (%s)", Text.number(counts[2]), context.name(column));
        }
        List<Month> months = months(s, e, from, asOf);
        List<Double> rates = months.stream().map(Month::rate).filter(r -> r != null).toList();
        String churnSaid = "";
        if (!rates.isEmpty()) {
            double median = TrendTests.median(rates.stream().mapToDouble(Double::doubleValue).toArray());
            List<Map<String, Object>> table = new ArrayList<>();
            for (Month m : months) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("month", m.month().toString().substring(0, 7));
                row.put("active_at_start", m.activeAtStart());
                row.put("ended", m.ended());
                row.put("churn_rate", m.rate());
                table.add(row);
            }
            indicators.add(new Kpis.Indicator("monthly_churn_rate", median, "ratio", table, "median over the last "
                    + months.size() + " complete months of the share of subscriptions active at a month's start "
                    + "that ended within it"));
            churnSaid = String.format("; over the last %d complete months, a median %s of those active at a month's "
                    + "start ended within it", months.size(), Text.percent(median));
        }
        scope.finding(KeyFinding.of("kpi", String.format("Of %s subscriptions, %s are active at %s%s, and %s have "
                        + "ended (%s)%s.", Text.count(total), Text.count(running), asOf, revenueSaid,
                Text.count(total - running), Text.percent(total == 0 ? 0 : (double) (total - running) / total),
                churnSaid), 0.6, 1.0, List.copyOf(columns.values()), "kpi:subscriptions", List.of()));
        return Optional.of(new Kpis.Domain("subscriptions", columns, indicators));
    }

    /** The last {@value #MONTHS} complete months before {@code asOf}, oldest first, within the data's span. */
    private List<Month> months(String s, String e, String from, LocalDate asOf)
            throws SQLException, AnalysisCancelledException {
        LocalDate last = asOf.withDayOfMonth(1).minusMonths(asOf.plusDays(1).getDayOfMonth() == 1 ? 0 : 1);
        String sql = "WITH m AS (SELECT unnest(generate_series(DATE '" + last.minusMonths(MONTHS - 1) + "', DATE '"
                + last + "', INTERVAL 1 MONTH))::DATE AS month) SELECT month, (SELECT count(*) FROM " + from + " AND "
                + s + " < month AND (" + e + " IS NULL OR " + e + " >= month)), (SELECT count(*) FROM " + from
                + " AND " + s + " < month AND " + e + " >= month AND " + e + " < month + INTERVAL 1 MONTH) FROM m "
                + "WHERE month > (SELECT min(" + s + ") FROM " + from + ") ORDER BY month";
        return context.session().query(sql, row -> {
            List<Month> list = new ArrayList<>();
            while (row.next()) {
                list.add(new Month(row.getObject(1, LocalDate.class), row.getLong(2), row.getLong(3)));
            }
            return list;
        });
    }

    /** The measure named like a recurring amount, not a rate. */
    private Optional<Integer> recurring(Pattern pattern) {
        return scope.find(pattern, ColumnRoles.MEASURE);
    }
}
