package io.sygnify.analysis.kpis;

import io.sygnify.analysis.AnalysisCancelledException;
import io.sygnify.analysis.engine.ColumnRoles;
import io.sygnify.analysis.engine.ColumnType;
import io.sygnify.analysis.engine.Results;
import io.sygnify.analysis.engine.Sql;
import io.sygnify.analysis.engine.Text;
import io.sygnify.analysis.ingest.ColumnTypeResolver;
import io.sygnify.analysis.quality.QualityAnalysis;
import io.sygnify.analysis.report.ColumnProfile;
import io.sygnify.analysis.report.KeyFinding;
import io.sygnify.analysis.report.Kpis;
import io.sygnify.analysis.report.Segments;
import io.sygnify.analysis.segments.FlagRates;
import io.sygnify.analysis.stats.Distributions;
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

    private static final Pattern FRAUD = Pattern.compile("fraud|chargeback|suspicious|disput");
    private static final Pattern REFUND = Pattern.compile("refund");
    private static final Pattern STATUS = Pattern.compile("(^|_)(status|state|outcome|result)($|_)");
    private static final String REFUNDED = "refund";
    private static final String FAILED = "fail|declin|reject|error";
    private static final Pattern TRANSACTION_ID = Pattern.compile("(^|_)(id|transaction|tx|order)($|_)");
    // Nigrini (2012), first-digit test: MAD conformity ranges
    private static final double[] BENFORD_MAD = {0.006, 0.012, 0.015};
    private static final int BENFORD_MIN_ROWS = 500;
    private static final double BENFORD_MIN_RANGE = 100;
    private static final double BENFORD_MIN_DISTINCT = 0.05;

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
        Optional<Integer> time = scope.time();
        boolean identified = context.profiles().stream().anyMatch(p -> p.role().equals(ColumnRoles.IDENTIFIER));
        if (time.isPresent() && !identified && context.column(time.get()).type() == ColumnType.DATE
                && context.profile(time.get()).distinctCount() == context.rows()) {
            // a web analytics export or a daily sales report: each row is a day's total, and 540 days are no 540
            // transactions; a transaction log has an id, or days with more than one
            scope.note(String.format("transactions: each row has its own %s, so the rows are totals per period, "
                    + "not transactions.", context.name(time.get())));
            return Optional.empty();
        }
        String a = context.sql(amount.get()) + "::DOUBLE";
        String name = context.name(amount.get());
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("amount", name);
        ColumnProfile profile = context.profile(amount.get());
        double[] v = {profile.presentCount(), profile.numeric().sum(), profile.numeric().p50(), profile.mean()};
        List<Kpis.Indicator> indicators = new ArrayList<>();
        indicators.add(new Kpis.Indicator("volume", v[0], "count", null, "transactions with an amount"));
        if (scope.currencies().isPresent()) {
            CurrencyMix.Mix mix = scope.currencies().get();
            columns.put("currency", mix.column());
            List<Map<String, Object>> byCurrency = new ArrayList<>();
            for (CurrencyMix.Currency c : mix.currencies()) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("currency", c.code());
                row.put("transactions", c.rows());
                row.put("total", c.total());
                row.put("median", c.median());
                byCurrency.add(row);
            }
            indicators.add(new Kpis.Indicator("amount_by_currency", null, null, byCurrency, "the count, sum and "
                    + "median of " + name + " in each currency; amounts of different currencies are never added"));
        } else {
            indicators.add(new Kpis.Indicator("total_amount", v[1], "currency", null, "sum of " + name));
            indicators.add(new Kpis.Indicator("mean_amount", Results.finite(v[3]), "currency",
                    Map.of("median", v[2]), "mean of " + name));
        }
        Optional<Integer> status = scope.find(STATUS, ColumnRoles.CATEGORY, ColumnRoles.FLAG);
        indicators.addAll(refunds(amount.get(), status, columns));
        if (status.isPresent()) {
            failures(status.get(), columns).ifPresent(indicators::add);
        }
        Optional<Integer> fraud = scope.find(FRAUD, ColumnRoles.FLAG);
        if (fraud.isPresent()) {
            columns.put("fraud_flag", context.name(fraud.get()));
            fraudRate(fraud.get(), a, name).ifPresent(indicators::add);
        } else {
            scope.note("transactions: no fraud flag column (two-valued, named like fraud, chargeback or dispute).");
        }
        if (profile.distinctCount() < BENFORD_MIN_DISTINCT * profile.presentCount()) {
            // 128 amounts in 12,000 order lines are a price list times a few quantities and discounts: their first
            // digits are the catalogue's, which no law of leading digits describes
            scope.note(String.format("transactions: %s takes only %s distinct values in %s rows, amounts built from "
                    + "a price list, to which Benford's law does not apply.", name, Text.count(profile.distinctCount()),
                    Text.count(profile.presentCount())));
        } else {
            benford(a, name).ifPresent(indicators::add);
        }
        if (time.isPresent()) {
            new RecurringPayments(scope).find(amount.get(), time.get()).ifPresent(indicators::add);
        }
        return Optional.of(new Kpis.Domain("transactions", columns, indicators));
    }

    private Optional<Kpis.Indicator> fraudRate(int fraud, String a, String name)
            throws SQLException, AnalysisCancelledException {
        String flag = context.name(fraud);
        String flagged = FlagRates.flagged(context, fraud);
        double[] rate = context.session().query("SELECT count(*) FILTER (WHERE " + flagged + "), count("
                + context.sql(fraud) + "), sum(" + a + ") FILTER (WHERE " + flagged + ") FROM "
                + ColumnTypeResolver.TABLE, row -> {
                    row.next();
                    return new double[] {row.getLong(1), row.getLong(2), row.getDouble(3)};
                });
        if (rate[1] == 0) {
            return Optional.empty();
        }
        boolean oneCurrency = scope.currencies().isEmpty();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("flagged", (long) rate[0]);
        if (oneCurrency) {
            detail.put("flagged_amount", rate[0] == 0 ? 0.0 : Results.finite(rate[2]));
        }
        // "flagged as fraud in is_fraud", but a dispute is not yet a fraud: "flagged in Disputed"
        String as = KpiScope.normalized(flag).contains("fraud") ? "flagged as fraud in " : "flagged in ";
        scope.finding(KeyFinding.of("kpi", String.format("%s of transactions are %s%s (%s of %s)%s.",
                        Text.percent(rate[0] / rate[1]), as, flag, Text.count((long) rate[0]),
                        Text.count((long) rate[1]), oneCurrency ? ", worth " + Text.number(rate[2]) + " of " + name
                                : ""),
                Math.min(1, 0.3 + rate[0] / rate[1] * 5), 1.0, List.of(flag, name), "kpi:transactions", List.of()));
        // the segments tell these as findings (of every yes/no column); here they are the indicator's detail
        List<Map<String, Object>> bySegment = new ArrayList<>();
        for (Segments.FlagRate r : scope.flagRates(flag)) {
            Map<String, Object> segment = new LinkedHashMap<>();
            segment.put("dimension", r.dimension());
            segment.put("value", r.value());
            segment.put("rows", r.rows());
            segment.put("flagged", r.flagged());
            segment.put("rate", r.rate());
            segment.put("rest_rate", r.restRate());
            segment.put("p_value", r.pValue());
            bySegment.add(segment);
        }
        if (!bySegment.isEmpty()) {
            detail.put("highest_by_segment", bySegment);
        }
        return Optional.of(new Kpis.Indicator("fraud_rate", rate[0] / rate[1], "ratio", detail,
                "share of rows flagged true/1/yes in " + flag + (bySegment.isEmpty() ? ""
                        : "; highest_by_segment: per dimension, the value whose rate is highest, at least "
                        + Text.number(FlagRates.RATE_RATIO) + "× the others' (or " + Text.number(FlagRates.ODDS_RATIO)
                        + "× their odds) and " + Text.percent(FlagRates.RATE_DIFFERENCE)
                        + " above (twice the others' when theirs is below " + Text.percent(FlagRates.RATE_DIFFERENCE)
                        + "), on " + FlagRates.MIN_ROWS
                        + " rows or more (Fisher's exact test, Bonferroni-corrected)")));
    }

    /**
     * Refunds as the file records them: a refund column (Stripe's "Amount Refunded"), else a status saying
     * refunded, else negative amounts; but when a quarter or more of the amounts are negative, the amount is signed
     * (a bank statement's payments out beside money in) and the money in and out are told instead.
     */
    private List<Kpis.Indicator> refunds(int amount, Optional<Integer> status, Map<String, String> columns)
            throws SQLException, AnalysisCancelledException {
        String a = context.sql(amount) + "::DOUBLE";
        Optional<Integer> refundColumn = scope.find(REFUND, ColumnRoles.MEASURE).filter(i -> i != amount);
        String where = a + " < 0";
        String value = a;
        String note = "share of transactions with a negative amount";
        if (refundColumn.isPresent()) {
            value = context.sql(refundColumn.get()) + "::DOUBLE";
            where = value + " > 0";
            columns.put("refund", context.name(refundColumn.get()));
            note = "share of transactions with a positive " + context.name(refundColumn.get());
        } else if (status.isPresent() && any(statusIs(status.get(), REFUNDED))) {
            where = statusIs(status.get(), REFUNDED);
            columns.put("status", context.name(status.get()));
            note = "share of transactions whose " + context.name(status.get()) + " says refunded";
        }
        double[] counts = context.session().query("SELECT count(*) FILTER (WHERE " + where + "), coalesce(sum("
                + value + ") FILTER (WHERE " + where + "), 0), count(" + a + ") FROM " + ColumnTypeResolver.TABLE,
                row -> {
                    row.next();
                    return new double[] {row.getLong(1), row.getDouble(2), row.getLong(3)};
                });
        if (where.equals(a + " < 0") && counts[2] > 0 && counts[0] / counts[2] >= QualityAnalysis.SIGNED_SHARE) {
            return scope.currencies().isPresent() ? List.of() : moneyInAndOut(a, counts[0] / counts[2]);
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("refunds", (long) counts[0]);
        if (scope.currencies().isEmpty()) {
            detail.put("refunded_amount", Results.finite(counts[1]));
        }
        return List.of(new Kpis.Indicator("refund_rate", counts[2] == 0 ? 0 : counts[0] / counts[2], "ratio", detail,
                note));
    }

    /** The positive amounts' sum and count, then the negative ones'. */
    private List<Kpis.Indicator> moneyInAndOut(String a, double negativeShare)
            throws SQLException, AnalysisCancelledException {
        double[] sums = context.session().query("SELECT coalesce(sum(" + a + ") FILTER (WHERE " + a + " > 0), 0),"
                + " count(*) FILTER (WHERE " + a + " > 0), coalesce(sum(" + a + ") FILTER (WHERE " + a + " < 0), 0),"
                + " count(*) FILTER (WHERE " + a + " < 0) FROM " + ColumnTypeResolver.TABLE, row -> {
                    row.next();
                    return new double[] {row.getDouble(1), row.getLong(2), row.getDouble(3), row.getLong(4)};
                });
        String signed = String.format("; %s of the amounts are negative, so they are payments out, not refunds",
                Text.percent(negativeShare));
        return List.of(
                new Kpis.Indicator("money_in", Results.finite(sums[0]), "currency",
                        Map.of("transactions", (long) sums[1]), "sum of the positive amounts" + signed),
                new Kpis.Indicator("money_out", Results.finite(sums[2]), "currency",
                        Map.of("transactions", (long) sums[3]), "sum of the negative amounts" + signed));
    }

    /** The share of transactions whose status says failed, declined, rejected or error, when some do. */
    private Optional<Kpis.Indicator> failures(int status, Map<String, String> columns)
            throws SQLException, AnalysisCancelledException {
        String failed = statusIs(status, FAILED);
        if (!any(failed)) {
            return Optional.empty();
        }
        double[] counts = context.session().query("SELECT count(*) FILTER (WHERE " + failed + "), count("
                + context.sql(status) + ") FROM " + ColumnTypeResolver.TABLE, row -> {
                    row.next();
                    return new double[] {row.getLong(1), row.getLong(2)};
                });
        columns.put("status", context.name(status));
        return Optional.of(new Kpis.Indicator("failure_rate", counts[0] / counts[1], "ratio",
                Map.of("failed", (long) counts[0]), "share of transactions whose " + context.name(status)
                        + " says failed, declined, rejected or error (volume and total_amount include them)"));
    }

    private String statusIs(int status, String pattern) {
        return "regexp_matches(lower(CAST(" + context.sql(status) + " AS VARCHAR)), " + Sql.literal(pattern) + ")";
    }

    private boolean any(String condition) throws SQLException, AnalysisCancelledException {
        return context.session().queryLong("SELECT count(*) FROM (SELECT 1 FROM " + ColumnTypeResolver.TABLE
                + " WHERE " + condition + " LIMIT 1)") > 0;
    }

    private Optional<Kpis.Indicator> benford(String a, String name) throws SQLException, AnalysisCancelledException {
        String digit = "floor(abs(" + a + ") / pow(10, floor(log10(abs(" + a + ")))))::INTEGER";
        // only a gate: an approximate range is enough to decide whether the test applies; in several currencies,
        // the widest range of one currency's amounts (yen beside euros span two orders of magnitude by themselves)
        String range = "approx_quantile(abs(" + a + "), 0.99) / nullif(approx_quantile(abs(" + a + "), 0.01), 0)";
        String from = ColumnTypeResolver.TABLE + " WHERE abs(" + a + ") > 0";
        String sql = scope.currencies().isEmpty() ? "SELECT count(*), " + range + " FROM " + from
                : "SELECT sum(n), max(r) FROM (SELECT count(*) AS n, " + range + " AS r FROM " + from + " GROUP BY "
                + context.sql(context.index(scope.currencies().get().column())) + ")";
        double[] stats = context.session().query(sql, row -> {
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
