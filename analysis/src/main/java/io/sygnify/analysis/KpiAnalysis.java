package io.sygnify.analysis;

import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Domain indicators (see {@link Kpis}). A domain is computed only when its columns are found by name and have
 * the right shape (a numeric measure, a time column, a two-valued flag …); nothing is ever filled with a default.
 */
final class KpiAnalysis {

    private static final Pattern CLOSE = Pattern.compile("^(adj[ _]?close|adjusted[ _]close|close|closing[ _]price"
            + "|price|last)$");
    private static final Pattern REVENUE = Pattern.compile("(^|_)(revenue|revenues|sales|turnover|net_sales)($|_)");
    private static final Pattern COST = Pattern.compile("(^|_)(cost|costs|cogs|expense|expenses|opex)($|_)");
    private static final Pattern PROFIT = Pattern.compile("(^|_)(profit|net_income|ebit|ebitda|earnings|margin)($|_)");
    // in order of preference: an amount column beats a total, which beats a price
    private static final List<Pattern> AMOUNT = List.of(Pattern.compile("(^|_)(amount|amt)($|_)"),
            Pattern.compile("(^|_)(total|value|payment|sales|revenue|spend)($|_)"),
            Pattern.compile("(^|_)(price)($|_)"));
    private static final Pattern FRAUD = Pattern.compile("fraud|chargeback|is_fraud|suspicious");
    private static final Pattern PRODUCT = Pattern.compile("(^|_)(product|item|sku|article)($|_)");
    private static final Pattern CUSTOMER = Pattern.compile("(^|_)(customer|client|user|buyer|member|account)($|_)");
    private static final Pattern RETAIL_DIMENSION = Pattern.compile("(^|_)(category|store|shop|channel|department"
            + "|brand|region)($|_)");
    // Nigrini (2012), first-digit test: MAD conformity ranges
    private static final double[] BENFORD_MAD = {0.006, 0.012, 0.015};
    private static final int BENFORD_MIN_ROWS = 500;
    // prices are walked in Java, in order: a million of them is 40 years of minutes, and fits the heap
    private static final long MAX_PRICES = 1_000_000;
    private static final double BENFORD_MIN_RANGE = 100;

    private final AnalysisContext context;
    private final List<KeyFinding> findings = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    KpiAnalysis(AnalysisContext context) {
        this.context = context;
    }

    Analyzed<Kpis> run() throws SQLException, AnalysisCancelledException {
        List<Kpis.Domain> domains = new ArrayList<>();
        priceSeries().ifPresent(domains::add);
        profitAndLoss().ifPresent(domains::add);
        transactions().ifPresent(domains::add);
        retail().ifPresent(domains::add);
        return new Analyzed<>(new Kpis(domains, notes), findings);
    }

    static String normalized(String name) {
        return name.strip().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }

    private Optional<Integer> find(Pattern pattern, String... roles) {
        for (int i = 0; i < context.columns().size(); i++) {
            String role = context.profile(i).role();
            if (List.of(roles).contains(role) && pattern.matcher(normalized(context.name(i))).find()) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private Optional<Integer> amount() {
        for (Pattern pattern : AMOUNT) {
            Optional<Integer> found = find(pattern, ColumnRoles.MEASURE);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private Optional<Integer> time() {
        List<Integer> time = context.timeColumns();
        return time.isEmpty() ? Optional.empty() : Optional.of(time.get(0));
    }

    // ---------------------------------------------------------------- price series

    private Optional<Kpis.Domain> priceSeries() throws SQLException, AnalysisCancelledException {
        Optional<Integer> close = find(CLOSE, ColumnRoles.MEASURE);
        Optional<Integer> time = time();
        if (close.isEmpty() || time.isEmpty()) {
            notes.add("price_series: needs a date column and a close or price column.");
            return Optional.empty();
        }
        ColumnProfile timeProfile = context.profile(time.get());
        if (timeProfile.distinctCount() < 0.95 * timeProfile.presentCount() || timeProfile.distinctCount() < 10) {
            notes.add("price_series: " + context.name(close.get()) + " is not one price per date (" + Text.count(
                    timeProfile.distinctCount()) + " dates for " + Text.count(timeProfile.presentCount()) + " rows).");
            return Optional.empty();
        }
        if (timeProfile.presentCount() > MAX_PRICES) {
            notes.add("price_series: more than " + Text.count(MAX_PRICES) + " prices; indicators are computed for "
                    + "series up to that length.");
            return Optional.empty();
        }
        ColumnProfile.NumericStats stats = context.profile(close.get()).numeric();
        if (stats == null || stats.negatives() > 0 || stats.zeros() > 0) {
            notes.add("price_series: " + context.name(close.get()) + " has zero or negative values, not prices.");
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
            gaps[i - 1] = java.time.Duration.between(dates.get(i - 1), dates.get(i)).toHours() / 24.0;
        }
        double medianGap = TrendTests.median(gaps.clone());
        double perYear = medianGap <= 1.5 ? 252 : medianGap <= 8 ? 52 : medianGap <= 32 ? 12 : 365.25 / medianGap;
        String frequency = medianGap <= 1.5 ? "daily (252 trading days a year)" : medianGap <= 8 ? "weekly"
                : medianGap <= 32 ? "monthly" : "every " + Text.number(medianGap) + " days";
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
                recovered = dates.get(i).toLocalDate().toString();
                break;
            }
        }
        double var95 = -TrendTests.quantile(returns, 0.05);
        double totalReturn = prices.get(n - 1) / prices.get(0) - 1;
        List<Kpis.Indicator> indicators = new ArrayList<>();
        indicators.add(new Kpis.Indicator("total_return", totalReturn, "ratio", Map.of("from",
                dates.get(0).toLocalDate().toString(), "to", dates.get(n - 1).toLocalDate().toString()),
                "last price / first price − 1"));
        indicators.add(new Kpis.Indicator("mean_return", mean, "ratio", Map.of("returns", returns.length),
                "mean of simple returns between consecutive prices, " + frequency));
        indicators.add(new Kpis.Indicator("volatility", Results.finite(sd * Math.sqrt(perYear)), "ratio",
                Map.of("periods_per_year", perYear), "standard deviation of returns × √(periods per year)"));
        indicators.add(new Kpis.Indicator("sharpe_ratio", sd == 0 ? null : Results.finite(mean / sd
                * Math.sqrt(perYear)), "statistic", Map.of("risk_free_rate", 0),
                "annualised mean return / annualised volatility, with a risk-free rate of 0"));
        Map<String, Object> drawdown = new LinkedHashMap<>();
        drawdown.put("peak_date", dates.get(worstPeak).toLocalDate().toString());
        drawdown.put("trough_date", dates.get(worstTrough).toLocalDate().toString());
        drawdown.put("recovery_date", recovered);
        indicators.add(new Kpis.Indicator("max_drawdown", worst, "ratio", drawdown,
                "largest fall from a running peak to a later trough"));
        indicators.add(new Kpis.Indicator("value_at_risk_95", Results.finite(var95), "ratio", null,
                "historical: the loss exceeded on 5 % of periods (minus the 5 % quantile of returns)"));
        String closeName = context.name(close.get());
        findings.add(KeyFinding.of("kpi", String.format("%s: total return %s from %s to %s, annualised volatility %s, "
                        + "maximum drawdown %s (peak %s, trough %s).", closeName, Text.percent(totalReturn),
                dates.get(0).toLocalDate(), dates.get(n - 1).toLocalDate(), Text.percent(sd * Math.sqrt(perYear)),
                Text.percent(worst), drawdown.get("peak_date"), drawdown.get("trough_date")),
                Math.min(1, Math.abs(worst) + 0.3), 1.0, List.of(closeName, context.name(time.get())),
                "kpi:price_series", List.of()));
        return Optional.of(new Kpis.Domain("price_series", Map.of("price", closeName, "date",
                context.name(time.get())), indicators));
    }

    // ---------------------------------------------------------------- profit and loss

    private Optional<Kpis.Domain> profitAndLoss() throws SQLException, AnalysisCancelledException {
        Optional<Integer> revenue = find(REVENUE, ColumnRoles.MEASURE);
        Optional<Integer> cost = find(COST, ColumnRoles.MEASURE);
        Optional<Integer> profit = find(PROFIT, ColumnRoles.MEASURE);
        if (revenue.isEmpty() || (cost.isEmpty() && profit.isEmpty())) {
            notes.add("profit_and_loss: needs a revenue or sales column and a cost or profit column.");
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
        Optional<Integer> time = time();
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
                double growth = (Double) last[1] / (Double) before[1] - 1;
                indicators.add(new Kpis.Indicator("revenue_growth", Results.finite(growth), "ratio",
                        Map.of("year", last[0], "previous_year", before[0]),
                        "revenue of the last complete year / the year before − 1"));
                columns.put("date", context.name(time.get()));
            } else {
                notes.add("profit_and_loss: revenue growth needs two complete calendar years.");
            }
        }
        return Optional.of(new Kpis.Domain("profit_and_loss", columns, indicators));
    }

    // ---------------------------------------------------------------- transactions

    private Optional<Kpis.Domain> transactions() throws SQLException, AnalysisCancelledException {
        Optional<Integer> amount = amount();
        if (amount.isEmpty() || (time().isEmpty() && find(Pattern.compile("(^|_)(id|transaction|tx|order)($|_)"),
                ColumnRoles.IDENTIFIER).isEmpty()) || context.rows() < 100) {
            notes.add("transactions: needs an amount column, a date or transaction id column, and 100 rows.");
            return Optional.empty();
        }
        String a = context.sql(amount.get()) + "::DOUBLE";
        String name = context.name(amount.get());
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("amount", name);
        ColumnProfile profile = context.profile(amount.get());
        double refunded = profile.numeric().negatives() == 0 ? 0 : context.session().query("SELECT sum(" + a + ") FROM "
                + ColumnTypeResolver.TABLE + " WHERE " + a + " < 0", row -> {
                    row.next();
                    return row.getDouble(1);
                });
        double[] v = {profile.presentCount(), profile.numeric().sum(), profile.numeric().p50(),
            profile.numeric().negatives(), refunded, profile.mean()};
        List<Kpis.Indicator> indicators = new ArrayList<>();
        indicators.add(new Kpis.Indicator("volume", v[0], "count", null, "transactions with an amount"));
        indicators.add(new Kpis.Indicator("total_amount", v[1], "currency", null, "sum of " + name));
        indicators.add(new Kpis.Indicator("mean_amount", Results.finite(v[5]), "currency", Map.of("median", v[2]),
                "mean of " + name));
        double refundRate = v[0] == 0 ? 0 : v[3] / v[0];
        Map<String, Object> refunds = new LinkedHashMap<>();
        refunds.put("refunds", (long) v[3]);
        refunds.put("refunded_amount", v[3] == 0 ? 0.0 : Results.finite(v[4]));
        indicators.add(new Kpis.Indicator("refund_rate", refundRate, "ratio", refunds,
                "share of transactions with a negative amount"));
        Optional<Integer> fraud = find(FRAUD, ColumnRoles.FLAG);
        if (fraud.isPresent()) {
            columns.put("fraud_flag", context.name(fraud.get()));
            String f = "lower(CAST(" + context.sql(fraud.get()) + " AS VARCHAR))";
            double[] rate = context.session().query("SELECT count(*) FILTER (WHERE " + f + " IN ('true', '1', 'yes',"
                    + " 'y', 't')), count(" + context.sql(fraud.get()) + "), sum(" + a + ") FILTER (WHERE " + f
                    + " IN ('true', '1', 'yes', 'y', 't')) FROM " + ColumnTypeResolver.TABLE, row -> {
                        row.next();
                        return new double[] {row.getLong(1), row.getLong(2), row.getDouble(3)};
                    });
            if (rate[1] > 0) {
                Map<String, Object> flagged = new LinkedHashMap<>();
                flagged.put("flagged", (long) rate[0]);
                flagged.put("flagged_amount", rate[0] == 0 ? 0.0 : Results.finite(rate[2]));
                indicators.add(new Kpis.Indicator("fraud_rate", rate[0] / rate[1], "ratio", flagged,
                        "share of rows flagged true/1/yes in "
                        + context.name(fraud.get())));
                findings.add(KeyFinding.of("kpi", String.format("%s of transactions are flagged as fraud in %s (%s of "
                                + "%s), worth %s of %s.", Text.percent(rate[0] / rate[1]), context.name(fraud.get()),
                        Text.count((long) rate[0]), Text.count((long) rate[1]), Text.number(rate[2]), name),
                        Math.min(1, 0.3 + rate[0] / rate[1] * 5), 1.0, List.of(context.name(fraud.get()), name),
                        "kpi:transactions", List.of()));
            }
        } else {
            notes.add("transactions: no fraud flag column (two-valued, named like fraud or chargeback).");
        }
        benford(a, name).ifPresent(indicators::add);
        return Optional.of(new Kpis.Domain("transactions", columns, indicators));
    }

    private Optional<Kpis.Indicator> benford(String a, String name) throws SQLException, AnalysisCancelledException {
        String digit = "floor(abs(" + a + ") / pow(10, floor(log10(abs(" + a + ")))))::INTEGER";
        // only a gate: an approximate range is enough to decide whether the test applies
        double[] stats = context.session().query("SELECT count(*), approx_quantile(abs(" + a + "), 0.99) / "
                + "nullif(approx_quantile(abs(" + a + "), 0.01), 0) FROM " + ColumnTypeResolver.TABLE + " WHERE abs("
                + a + ") > 0", row -> {
                    row.next();
                    return new double[] {row.getLong(1), row.getDouble(2)};
                });
        if (stats[0] < BENFORD_MIN_ROWS || !(stats[1] >= BENFORD_MIN_RANGE)) {
            notes.add("transactions: Benford's law needs at least " + BENFORD_MIN_ROWS + " non-zero amounts spanning"
                    + " two orders of magnitude (99th / 1st percentile ≥ 100).");
            return Optional.empty();
        }
        long[] counts = new long[10];
        context.session().query("SELECT " + digit + " AS d, count(*) FROM " + ColumnTypeResolver.TABLE + " WHERE abs("
                + a + ") > 0 GROUP BY d", row -> {
                    while (row.next()) {
                        int d = row.getInt(1);
                        if (d >= 1 && d <= 9) {
                            counts[d] += row.getLong(2);
                        }
                    }
                    return null;
                });
        long n = java.util.Arrays.stream(counts).sum();
        double chi = 0;
        double mad = 0;
        Map<String, Object> detail = new LinkedHashMap<>();
        List<Double> observed = new ArrayList<>();
        List<Double> expected = new ArrayList<>();
        for (int d = 1; d <= 9; d++) {
            double e = Math.log10(1 + 1.0 / d);
            double o = (double) counts[d] / n;
            chi += n * (o - e) * (o - e) / e;
            mad += Math.abs(o - e) / 9;
            observed.add(o);
            expected.add(e);
        }
        double p = Distributions.chiSquareUpperTail(chi, 8);
        String conformity = mad <= BENFORD_MAD[0] ? "close" : mad <= BENFORD_MAD[1] ? "acceptable"
                : mad <= BENFORD_MAD[2] ? "marginal" : "nonconformity";
        detail.put("observed", observed);
        detail.put("expected", expected);
        detail.put("chi_square", chi);
        detail.put("p_value", p);
        detail.put("conformity", conformity);
        detail.put("n", n);
        if (conformity.equals("nonconformity")) {
            findings.add(KeyFinding.of("kpi", String.format("First digits of %s do not follow Benford's law (MAD %s, "
                            + "above Nigrini's 0.015; χ² = %s, %s): worth checking for invented or capped amounts.",
                    name, String.format(Locale.ROOT, "%.4f", mad), Text.number(chi), Text.pValue(p)), 0.5,
                    KeyFinding.significanceOf(p), List.of(name), "kpi:benford", List.of()));
        }
        return Optional.of(new Kpis.Indicator("benford_mad", mad, "statistic", detail,
                "mean absolute deviation of first-digit shares from Benford's law; Nigrini: ≤ 0.006 close, ≤ 0.012 "
                        + "acceptable, ≤ 0.015 marginal, above nonconformity"));
    }

    // ---------------------------------------------------------------- retail

    private Optional<Kpis.Domain> retail() throws SQLException, AnalysisCancelledException {
        Optional<Integer> amount = amount();
        Optional<Integer> product = find(PRODUCT, ColumnRoles.CATEGORY, ColumnRoles.IDENTIFIER, ColumnRoles.FREE_TEXT);
        Optional<Integer> dimension = find(RETAIL_DIMENSION, ColumnRoles.CATEGORY);
        Optional<Integer> customer = find(CUSTOMER, ColumnRoles.CATEGORY, ColumnRoles.IDENTIFIER);
        if (amount.isEmpty() || (product.isEmpty() && dimension.isEmpty() && customer.isEmpty())) {
            notes.add("retail: needs a sales amount and a product, category, store, channel or customer column.");
            return Optional.empty();
        }
        String a = context.sql(amount.get()) + "::DOUBLE";
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("amount", context.name(amount.get()));
        List<Kpis.Indicator> indicators = new ArrayList<>();
        for (int i = 0; i < context.columns().size(); i++) {
            if (context.profile(i).role().equals(ColumnRoles.CATEGORY)
                    && RETAIL_DIMENSION.matcher(normalized(context.name(i))).find()) {
                columns.put("dimension_" + normalized(context.name(i)), context.name(i));
                indicators.add(revenueBy(i, a));
            }
        }
        if (product.isPresent()) {
            columns.put("product", context.name(product.get()));
            indicators.add(abc(product.get(), a));
        }
        Optional<Integer> time = time();
        if (customer.isPresent() && time.isPresent()) {
            columns.put("customer", context.name(customer.get()));
            columns.put("date", context.name(time.get()));
            indicators.add(rfm(customer.get(), time.get(), a));
        } else {
            notes.add("retail: RFM segments need a customer column and a date column.");
        }
        return Optional.of(new Kpis.Domain("retail", columns, indicators));
    }

    private Kpis.Indicator revenueBy(int dimension, String a) throws SQLException, AnalysisCancelledException {
        List<Map<String, Object>> rows = context.session().query("SELECT CAST(" + context.sql(dimension)
                + " AS VARCHAR) AS v, sum(" + a + ") AS s, sum(" + a + ") / sum(sum(" + a + ")) OVER () FROM "
                + ColumnTypeResolver.TABLE + " WHERE " + context.sql(dimension) + " IS NOT NULL GROUP BY v ORDER BY s"
                + " DESC, v LIMIT 10", row -> {
                    List<Map<String, Object>> list = new ArrayList<>();
                    while (row.next()) {
                        Map<String, Object> item = new LinkedHashMap<>();
                        item.put("value", row.getString(1));
                        item.put("revenue", row.getDouble(2));
                        item.put("share", Results.finite(row.getDouble(3)));
                        list.add(item);
                    }
                    return list;
                });
        return new Kpis.Indicator("revenue_by_" + normalized(context.name(dimension)), null, "currency", rows,
                "sum of the amount by " + context.name(dimension) + ", top 10");
    }

    private Kpis.Indicator abc(int product, String a) throws SQLException, AnalysisCancelledException {
        String p = context.sql(product);
        String sql = "WITH t AS (SELECT " + p + " AS p, sum(" + a + ") AS s FROM " + ColumnTypeResolver.TABLE
                // an item's class is set by the share of revenue before it, summed directly: a running total
                // minus the item's own share can land a hair under a boundary it sits exactly on
                + " WHERE " + p + " IS NOT NULL GROUP BY p HAVING sum(" + a + ") > 0), c AS (SELECT s, coalesce(sum(s)"
                + " OVER (ORDER BY s DESC, p ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) / sum(s) OVER ()"
                + " AS before FROM t) SELECT CASE WHEN before < 0.8 THEN 'A' WHEN before < 0.95 THEN 'B' ELSE 'C'"
                + " END AS class, count(*), sum(s) / (SELECT sum(s) FROM t) FROM c GROUP BY class ORDER BY class";
        Map<String, Object> classes = context.session().query(sql, row -> {
            Map<String, Object> map = new LinkedHashMap<>();
            while (row.next()) {
                map.put(row.getString(1), Map.of("items", row.getLong(2), "revenue_share", row.getDouble(3)));
            }
            return map;
        });
        return new Kpis.Indicator("abc_classes", null, "count", classes, "items of " + context.name(product)
                + " by revenue: A make the first 80 %, B the next 15 %, C the last 5 % (items with a positive total)");
    }

    private Kpis.Indicator rfm(int customer, int time, String a) throws SQLException, AnalysisCancelledException {
        String c = context.sql(customer);
        String t = "CAST(" + context.sql(time) + " AS TIMESTAMP)";
        String sql = "WITH per AS (SELECT " + c + " AS c, datediff('day', max(" + t + "), (SELECT max(" + t + ") FROM "
                + ColumnTypeResolver.TABLE + ")) AS recency, count(*) AS frequency, sum(" + a + ") AS monetary FROM "
                + ColumnTypeResolver.TABLE + " WHERE " + c + " IS NOT NULL AND " + context.sql(time)
                // customers tied on a score are split between quintiles by id, the same way on every run
                + " IS NOT NULL GROUP BY c), scored AS (SELECT *, ntile(5) OVER (ORDER BY recency DESC, c) AS r,"
                + " ntile(5) OVER (ORDER BY frequency, c) AS f, ntile(5) OVER (ORDER BY monetary, c) AS m FROM per)"
                + " SELECT CASE WHEN r >= 4 AND f >= 4 THEN 'champions' WHEN f >= 4 THEN 'loyal'"
                + " WHEN r <= 2 AND f >= 3 THEN 'at_risk' WHEN r = 1 AND f <= 2 THEN 'lost'"
                + " WHEN r >= 4 AND f <= 2 THEN 'new_or_occasional' ELSE 'others' END AS segment, count(*),"
                + " sum(monetary) / sum(sum(monetary)) OVER (), median(recency), median(frequency) FROM scored"
                + " GROUP BY segment ORDER BY 2 DESC";
        Map<String, Object> segments = context.session().query(sql, row -> {
            Map<String, Object> map = new LinkedHashMap<>();
            while (row.next()) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("customers", row.getLong(2));
                item.put("monetary_share", Results.finite(row.getDouble(3)));
                item.put("median_recency_days", row.getDouble(4));
                item.put("median_frequency", row.getDouble(5));
                map.put(row.getString(1), item);
            }
            return map;
        });
        return new Kpis.Indicator("rfm_segments", null, "count", segments, "customers scored 1–5 by quintile of"
                + " recency (days since last purchase, to the last date in the file), frequency and monetary value;"
                + " champions R≥4 F≥4, loyal F≥4, at risk R≤2 F≥3, lost R=1 F≤2, new or occasional R≥4 F≤2");
    }
}
