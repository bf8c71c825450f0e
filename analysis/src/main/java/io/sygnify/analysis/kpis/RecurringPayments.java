package io.sygnify.analysis.kpis;

import io.sygnify.analysis.AnalysisCancelledException;
import io.sygnify.analysis.engine.AnalysisContext;
import io.sygnify.analysis.engine.Text;
import io.sygnify.analysis.ingest.ColumnTypeResolver;
import io.sygnify.analysis.report.KeyFinding;
import io.sygnify.analysis.report.Kpis;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Payments that come back: the same amount to or from the same payee (a value of a category column) every week,
 * month, quarter or year, as a statement's rent, salary and subscriptions do. Each is a detail of the transactions
 * domain's {@code recurring} indicator, the largest in a key finding.
 */
final class RecurringPayments {

    /** A cadence and the gaps between consecutive dates it allows, in days. */
    private record Cadence(String name, long minDays, long maxDays) {
    }

    private static final List<Cadence> CADENCES = List.of(new Cadence("week", 6, 8), new Cadence("month", 27, 34),
            new Cadence("quarter", 85, 97), new Cadence("year", 360, 370));
    // three weekly dates of one amount happen by chance among thousands of card payments a week; four do not
    private static final long MIN_TIMES = 4;
    // recurring through the file: at least this share of the periods its time column spans
    private static final double THROUGH = 0.6;
    private static final int LISTED = 10;
    private static final long MAX_ROWS_PER_DAY = 500;
    private static final int IN_FINDING = 3;

    private final KpiScope scope;
    private final AnalysisContext context;

    RecurringPayments(KpiScope scope) {
        this.scope = scope;
        this.context = scope.context();
    }

    /** The recurring payments of {@code amount} by the first category column, largest yearly sum first. */
    Optional<Kpis.Indicator> find(int amount, int time) throws SQLException, AnalysisCancelledException {
        List<Integer> payees = context.dimensions(1000, 1);
        if (payees.isEmpty()) {
            return Optional.empty();
        }
        int payee = payees.get(0);
        String a = context.sql(amount);
        String d = "CAST(" + context.sql(time) + " AS DATE)";
        String p = context.sql(payee);
        double spanDays = context.profile(time).temporal() == null ? 0 : context.profile(time).temporal().spanDays();
        double perDay = context.rows() / Math.max(1, spanDays);
        if (perDay > MAX_ROWS_PER_DAY) {
            // a payment processor's log: counting each amount of each category costs seconds and finds no payee
            scope.note(String.format("transactions: recurring payments are looked for in files of at most %s rows a "
                    + "day, as statements and ledgers are; this one has %s.", Text.count(MAX_ROWS_PER_DAY),
                    Text.count(Math.round(perDay))));
            return Optional.empty();
        }
        // a payment that recurs does so through the file: a yearly one at least 60 % of the years it spans; and
        // at most once a week
        long fewest = Math.max(MIN_TIMES, (long) Math.ceil(THROUGH * spanDays / 370));
        long most = (long) (spanDays / 6) + 2;
        if (fewest > most) {
            return Optional.empty();
        }
        String rows = " FROM " + ColumnTypeResolver.TABLE + " WHERE " + a + " IS NOT NULL AND " + p + " IS NOT NULL"
                + " AND " + context.sql(time) + " IS NOT NULL";
        String often = " HAVING count(*) BETWEEN " + fewest + " AND " + most;
        // the same amount each time (rent), then the same payee with amounts of one sign that vary (a salary with a
        // bonus month); counts first, so that only the few candidates' dates are listed
        List<Object[]> groups = new ArrayList<>(groups("SELECT CAST(t." + p + " AS VARCHAR), " + a + "::DOUBLE, " + a
                + "::DOUBLE, list(" + d + " ORDER BY " + d + ") FROM " + ColumnTypeResolver.TABLE + " t SEMI JOIN"
                + " (SELECT " + p + " AS cp, " + a + " AS ca" + rows + " GROUP BY 1, 2" + often + ") c ON t." + p
                + " = c.cp AND t." + a + " = c.ca GROUP BY t." + p + ", t." + a + " HAVING count(DISTINCT " + d
                + ") = count(*)"));
        groups.addAll(groups("SELECT CAST(t." + p + " AS VARCHAR), min(" + a + "::DOUBLE), max(" + a + "::DOUBLE),"
                + " list(" + d + " ORDER BY " + d + ") FROM " + ColumnTypeResolver.TABLE + " t SEMI JOIN (SELECT " + p
                + " AS cp" + rows + " GROUP BY 1" + often + " AND (min(" + a + ") > 0 OR max(" + a + ") < 0) AND min("
                + a + ") < max(" + a + ")) c ON t." + p + " = c.cp WHERE " + a + " IS NOT NULL GROUP BY t." + p
                + " HAVING count(DISTINCT " + d + ") = count(*)"));
        List<Map<String, Object>> found = new ArrayList<>();
        java.util.Set<Object> payeesFound = new java.util.HashSet<>();
        for (Object[] group : groups) {
            Object[] dates = (Object[]) group[3];
            Optional<Cadence> cadence = cadence(dates);
            boolean varies = !group[1].equals(group[2]);
            if (cadence.isPresent() && !(varies && payeesFound.contains(group[0]))
                    && dates.length >= Math.max(MIN_TIMES, THROUGH * spanDays / cadence.get().maxDays())) {
                Map<String, Object> payment = new LinkedHashMap<>();
                payment.put("payee", group[0]);
                payment.put("amount", varies ? null : group[1]);
                payment.put("min_amount", group[1]);
                payment.put("max_amount", group[2]);
                payment.put("every", cadence.get().name());
                payment.put("times", (long) dates.length);
                payment.put("first", date(dates[0]).toString());
                payment.put("last", date(dates[dates.length - 1]).toString());
                found.add(payment);
                payeesFound.add(group[0]);
            }
        }
        if (found.isEmpty()) {
            return Optional.empty();
        }
        // the largest first, by what they move in all: a salary before the electricity bill
        found.sort(java.util.Comparator.comparingDouble((Map<String, Object> payment) -> -(long) payment.get("times")
                * Math.max(Math.abs((Double) payment.get("min_amount")), Math.abs((Double) payment.get("max_amount"))))
                .thenComparing(payment -> (String) payment.get("payee")));
        int total = found.size();
        if (total > LISTED) {
            found.subList(LISTED, total).clear();
        }
        List<String> sentences = new ArrayList<>();
        for (Map<String, Object> payment : found.subList(0, Math.min(IN_FINDING, found.size()))) {
            String size = payment.get("amount") != null ? Text.number((Double) payment.get("amount"))
                    : Text.number((Double) payment.get("min_amount")) + " to "
                    + Text.number((Double) payment.get("max_amount"));
            sentences.add(String.format("%s %s every %s (%s times, %s to %s)", payment.get("payee"), size,
                    payment.get("every"), payment.get("times"), payment.get("first"), payment.get("last")));
        }
        scope.finding(KeyFinding.of("kpi", String.format("%s of %s recur%s: %s%s.", Text.count(total,
                        "payment"), context.name(amount), total == 1 ? "s" : "", Text.list(sentences),
                total > IN_FINDING ? " and more" : ""), 0.45, 1.0,
                List.of(context.name(amount), context.name(payee), context.name(time)), "kpi:transactions",
                List.of()));
        return Optional.of(new Kpis.Indicator("recurring", (double) total, "count", found,
                "the same amount with the same " + context.name(payee) + " at least " + MIN_TIMES + " times and on "
                        + Text.percent(THROUGH) + " of the periods the file spans, every week, month, quarter or "
                        + "year (gaps of 6–8, 27–34, 85–97 or 360–370 days), or with amounts that vary (amount null, "
                        + "min_amount and max_amount of one sign); the largest by amount × times, at most " + LISTED));
    }

    /** Payee, smallest and largest amount, and the dates (ascending) of each group the query returns. */
    private List<Object[]> groups(String sql) throws SQLException, AnalysisCancelledException {
        return context.session().query(sql, row -> {
            List<Object[]> list = new ArrayList<>();
            while (row.next()) {
                list.add(new Object[] {row.getString(1), row.getDouble(2), row.getDouble(3),
                    row.getArray(4).getArray()});
            }
            return list;
        });
    }

    /** The cadence every gap between consecutive dates fits, if one does. */
    private static Optional<Cadence> cadence(Object[] dates) {
        for (Cadence cadence : CADENCES) {
            boolean fits = true;
            for (int i = 1; i < dates.length && fits; i++) {
                long days = ChronoUnit.DAYS.between(date(dates[i - 1]), date(dates[i]));
                fits = days >= cadence.minDays() && days <= cadence.maxDays();
            }
            if (fits) {
                return Optional.of(cadence);
            }
        }
        return Optional.empty();
    }

    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date sql ? sql.toLocalDate() : LocalDate.parse(value.toString());
    }
}
