package io.sygnify.analysis.relationships;

import io.sygnify.analysis.AnalysisCancelledException;
import io.sygnify.analysis.engine.AnalysisContext;
import io.sygnify.analysis.engine.SeriesKey;
import io.sygnify.analysis.ingest.ColumnTypeResolver;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Balance columns that carry a running total of an amount in file order, as a bank statement's or a ledger's do:
 * each row's {@code Saldo} is the row before's plus its {@code Betrag} (or the row after's, when the newest row
 * comes first). Where the chain breaks, a transaction is missing, doubled or out of order: the rows are named.
 * Failing file order, along the rows' series in time ({@link SeriesKey}): an epidemic's {@code total_cases} is each
 * country's previous day's plus its {@code new_cases}, whatever order the rows come in.
 */
public final class RunningTotals {

    // money and goods that come in and go out; a pair is only a candidate, kept when the balance holds
    private static final Pattern IN_NAME = Pattern.compile("credit|credits|deposit|deposits|in|inflow|receipts"
            + "|received|haben|purchased|produced|restocked|replenished");
    private static final Pattern OUT_NAME = Pattern.compile("debit|debits|withdrawal|withdrawals|out|outflow|payments"
            + "|soll|sold|shipped|issued|consumed|dispatched|used");
    private static final Pattern BALANCE_NAME = Pattern.compile("balance|running|cumulative|cum|cumsum|accumulated"
            + "|ytd|mtd|stock|inventory|total|totals|hand|onhand|soh");
    // to the cent, and no closer than a double's rounding on large balances
    private static final double CENT = 0.005;
    private static final long MIN_ROWS = 10;
    // below this share of rows the amount is no running total's, broken or not
    private static final double MIN_HOLDING = 0.9;
    private static final int LISTED = 20;

    /**
     * @param amount  what moves the balance: a column's name, or "Credit − Debit"
     * @param sources the columns {@code amount} is made of
     * @param holding rows, after the first, on which the balance is the neighbouring row's plus the amount
     * @param checked rows, after the first, where the balance, its neighbour and the amount are present
     * @param breaks  the first rows (numbered from 1) where it is not, at most {@value #LISTED}
     * @param time    the time column the rows are followed by, null for file order
     * @param entity  the column whose values each have their own total, or null
     */
    public record RunningTotal(String balance, String amount, List<String> sources, boolean newestFirst, long checked,
                        long holding, List<Long> breaks, String time, String entity) {

        public boolean exact() {
            return holding == checked;
        }

        /** "Saldo = previous row's Saldo + Betrag", "total_cases = total_cases of location's previous date + new_cases" */
        String expression() {
            if (time == null) {
                return balance + " = " + (newestFirst ? "next" : "previous") + " row's " + balance + " + " + amount;
            }
            return balance + " = " + balance + " of " + (entity == null ? "the" : entity + "'s") + " previous " + time
                    + " + " + amount;
        }

        /** What a row's balance builds on: "the previous row's", "the same location's previous one (by date)". */
        public String neighbour() {
            if (time == null) {
                return "the " + (newestFirst ? "next" : "previous") + " row's";
            }
            return (entity == null ? "the previous one" : "the same " + entity + "'s previous one") + " (by " + time
                    + ")";
        }

        /** The rows a balance is checked on: "after the first", "after each location's first". */
        String afterFirst() {
            return entity == null ? "after the first" : "after each " + entity + "'s first";
        }
    }

    private RunningTotals() {
    }

    /** For each measure named like a balance, the other measure whose running total it is, if one is. */
    public static List<RunningTotal> find(AnalysisContext context, List<List<String>> candidateKeys)
            throws SQLException, AnalysisCancelledException {
        Optional<SeriesKey> series = SeriesKey.of(context, candidateKeys);
        List<Integer> measures = context.measures(RelationshipAnalysis.MAX_MEASURES);
        List<RunningTotal> found = new ArrayList<>();
        for (int balance : measures) {
            if (!AnalysisContext.matches(BALANCE_NAME, context.name(balance))
                    || context.profile(balance).distinctCount() < 3) {
                continue;
            }
            // an amount that is mostly 0 keeps any balance that rarely moves "running"
            List<Source> amounts = new ArrayList<>(measures.stream().filter(m -> m != balance
                    && context.profile(m).numeric() != null
                    && context.profile(m).numeric().zeros() * 2 < context.profile(m).presentCount())
                    .map(m -> new Source(context.name(m), context.sql(m) + "::DOUBLE", List.of(context.name(m))))
                    .toList());
            amounts.addAll(flows(context, measures, balance));
            if (!amounts.isEmpty()) {
                Optional<RunningTotal> total = best(context, balance, amounts, null);
                if (total.isEmpty() && series.isPresent()) {
                    total = best(context, balance, amounts, series.get());
                }
                total.ifPresent(found::add);
            }
        }
        return found;
    }

    /** What may move a balance: a measure, or money in minus money out ("Credit − Debit"). */
    private record Source(String name, String sql, List<String> columns) {
    }

    /**
     * Each pair of a measure named like money in (credit, deposit, paid in) and one named like money out (debit,
     * withdrawal, paid out), as in minus out; a blank side counts as 0, as a bank export leaves it.
     */
    private static List<Source> flows(AnalysisContext context, List<Integer> measures, int balance) {
        List<Source> flows = new ArrayList<>();
        for (int in : measures) {
            for (int out : measures) {
                if (in != balance && out != balance && in != out && AnalysisContext.matches(IN_NAME, context.name(in))
                        && AnalysisContext.matches(OUT_NAME, context.name(out))) {
                    flows.add(new Source(context.name(in) + " − " + context.name(out), "(coalesce(" + context.sql(in)
                            + "::DOUBLE, 0) - coalesce(" + context.sql(out) + "::DOUBLE, 0))",
                            List.of(context.name(in), context.name(out))));
                }
            }
        }
        return flows;
    }

    /** @param series the order to follow the rows in, null for file order */
    private static Optional<RunningTotal> best(AnalysisContext context, int balance, List<Source> amounts,
                                               SeriesKey series) throws SQLException, AnalysisCancelledException {
        String window = series == null ? "ORDER BY " + ColumnTypeResolver.ROW : series.window(context);
        String b = context.sql(balance) + "::DOUBLE";
        StringBuilder select = new StringBuilder();
        StringBuilder inner = new StringBuilder(b + " AS b, lag(" + b + ") OVER w AS pb, lead(" + b + ") OVER w AS nb");
        for (int i = 0; i < amounts.size(); i++) {
            inner.append(", ").append(amounts.get(i).sql()).append(" AS a").append(i);
            for (String neighbour : new String[] {"pb", "nb"}) {
                String present = "b IS NOT NULL AND " + neighbour + " IS NOT NULL AND a" + i + " IS NOT NULL";
                select.append(select.length() == 0 ? "" : ", ").append("count(*) FILTER (WHERE ").append(present)
                        .append("), count(*) FILTER (WHERE ").append(holds(neighbour, "a" + i)).append(")");
            }
        }
        String from = " FROM (SELECT " + inner + " FROM " + ColumnTypeResolver.TABLE + " WINDOW w AS (" + window
                + "))";
        long[] counts = context.session().query("SELECT " + select + from, row -> {
            row.next();
            long[] values = new long[amounts.size() * 4];
            for (int i = 0; i < values.length; i++) {
                values[i] = row.getLong(i + 1);
            }
            return values;
        });
        int bestAmount = -1;
        boolean newestFirst = false;
        long checked = 0;
        long holding = 0;
        for (int i = 0; i < amounts.size(); i++) {
            // along time a balance builds on the one before
            for (int direction = 0; direction < (series == null ? 2 : 1); direction++) {
                long n = counts[4 * i + 2 * direction];
                long h = counts[4 * i + 2 * direction + 1];
                if (n >= MIN_ROWS && h >= MIN_HOLDING * n && h > holding) {
                    bestAmount = i;
                    newestFirst = direction == 1;
                    checked = n;
                    holding = h;
                }
            }
        }
        if (bestAmount < 0) {
            return Optional.empty();
        }
        String neighbour = newestFirst ? "nb" : "pb";
        String a = "a" + bestAmount;
        List<Long> breaks = holding == checked ? List.of() : context.session().query("SELECT r FROM (SELECT "
                + ColumnTypeResolver.ROW + " AS r, " + inner + " FROM " + ColumnTypeResolver.TABLE
                + " WINDOW w AS (" + window + ")) WHERE b IS NOT NULL AND " + neighbour
                + " IS NOT NULL AND " + a + " IS NOT NULL AND NOT " + holds(neighbour, a) + " ORDER BY r LIMIT "
                + LISTED, row -> {
                    List<Long> rows = new ArrayList<>();
                    while (row.next()) {
                        rows.add(row.getLong(1));
                    }
                    return rows;
                });
        return Optional.of(new RunningTotal(context.name(balance), amounts.get(bestAmount).name(),
                amounts.get(bestAmount).columns(), newestFirst, checked, holding, breaks,
                series == null ? null : context.name(series.time()),
                series == null || series.entity() == null ? null : context.name(series.entity())));
    }

    private static String holds(String neighbour, String amount) {
        return "abs(b - " + neighbour + " - " + amount + ") <= " + CENT + " + 1e-12 * abs(b)";
    }
}
