package io.sygnify.analysis;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Transaction indicators: volume, amounts, refunds, fraud rate where a flag exists, Benford's first-digit test. */
final class TransactionKpis extends DomainKpis {

    private static final Pattern FRAUD = Pattern.compile("fraud|chargeback|is_fraud|suspicious");
    private static final Pattern TRANSACTION_ID = Pattern.compile("(^|_)(id|transaction|tx|order)($|_)");
    // Nigrini (2012), first-digit test: MAD conformity ranges
    private static final double[] BENFORD_MAD = {0.006, 0.012, 0.015};
    private static final int BENFORD_MIN_ROWS = 500;
    private static final double BENFORD_MIN_RANGE = 100;

    TransactionKpis(KpiScope scope) {
        super(scope);
    }

    @Override
    Optional<Kpis.Domain> compute() throws SQLException, AnalysisCancelledException {
        Optional<Integer> amount = scope.amount();
        if (amount.isEmpty() || (scope.time().isEmpty() && scope.find(TRANSACTION_ID, ColumnRoles.IDENTIFIER).isEmpty())
                || context.rows() < 100) {
            scope.note("transactions: needs an amount column, a date or transaction id column, and 100 rows.");
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
        Optional<Integer> fraud = scope.find(FRAUD, ColumnRoles.FLAG);
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
                scope.finding(KeyFinding.of("kpi", String.format("%s of transactions are flagged as fraud in %s (%s of "
                                + "%s), worth %s of %s.", Text.percent(rate[0] / rate[1]), context.name(fraud.get()),
                        Text.count((long) rate[0]), Text.count((long) rate[1]), Text.number(rate[2]), name),
                        Math.min(1, 0.3 + rate[0] / rate[1] * 5), 1.0, List.of(context.name(fraud.get()), name),
                        "kpi:transactions", List.of()));
            }
        } else {
            scope.note("transactions: no fraud flag column (two-valued, named like fraud or chargeback).");
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
            scope.note("transactions: Benford's law needs at least " + BENFORD_MIN_ROWS + " non-zero amounts spanning"
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
            scope.finding(KeyFinding.of("kpi", String.format("First digits of %s do not follow Benford's law (MAD %s, "
                            + "above Nigrini's 0.015; χ² = %s, %s): worth checking for invented or capped amounts.",
                    name, String.format(Locale.ROOT, "%.4f", mad), Text.number(chi), Text.pValue(p)), 0.5,
                    KeyFinding.significanceOf(p), List.of(name), "kpi:benford", List.of()));
        }
        return Optional.of(new Kpis.Indicator("benford_mad", mad, "statistic", detail,
                "mean absolute deviation of first-digit shares from Benford's law; Nigrini: ≤ 0.006 close, ≤ 0.012 "
                        + "acceptable, ≤ 0.015 marginal, above nonconformity"));
    }
}
