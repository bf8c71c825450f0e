package io.sygnify.analysis.kpis;

import io.sygnify.analysis.AnalysisCancelledException;
import io.sygnify.analysis.engine.AnalysisContext;
import io.sygnify.analysis.engine.ColumnRoles;
import io.sygnify.analysis.engine.Text;
import io.sygnify.analysis.ingest.ColumnTypeResolver;
import io.sygnify.analysis.report.ColumnProfile;
import io.sygnify.analysis.report.KeyFinding;
import io.sygnify.analysis.report.Relationships;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Amounts in more than one currency, told apart by a currency column (named so, or holding ISO 4217 codes): an
 * international shop's orders in EUR, USD and JPY. Their sum adds yen to euros, so no figure in money is taken over
 * all rows ({@link KpiAnalysis}); the quality alert gives each currency's own total.
 */
public final class CurrencyMix {

    private static final Pattern CURRENCY_NAME = Pattern.compile("currency|currencies|ccy|curr|currency_code");
    private static final Pattern ISO_CODE = Pattern.compile("USD|EUR|GBP|JPY|CHF|CAD|AUD|NZD|CNY|INR|BRL|MXN|SEK|NOK"
            + "|DKK|PLN|ZAR|HKD|SGD|KRW|RUB|TRY|CZK|HUF|ILS|AED|SAR|THB|IDR|MYR|PHP|TWD|VND|CLP|COP|ARS|PEN|NGN|EGP"
            + "|KES|RON|BGN|ISK|UAH");
    private static final long MAX_CURRENCIES = 50;

    /** One currency's rows and the amount's total and median in it. */
    record Currency(String code, long rows, double total, double median) {
    }

    /** @param currencies by rows, most first */
    public record Mix(String column, String amount, List<Currency> currencies) {

        /**
         * Findings that the currencies explain: the amount differing by the currency, or by a column that goes with
         * it one to one (country JP is yen), is the exchange rate, not the customers.
         */
        public java.util.function.Predicate<KeyFinding> explains(Relationships relationships) {
            java.util.Set<String> byCurrency = new java.util.HashSet<>(List.of(column));
            if (relationships != null) {
                for (Relationships.Dependency d : relationships.dependencies()) {
                    if (d.sources().size() == 1 && (d.target().equals(column) || d.sources().contains(column))) {
                        byCurrency.add(d.target());
                        byCurrency.addAll(d.sources());
                    }
                }
            }
            return finding -> (finding.kind().startsWith("segment_") || finding.kind().equals("association"))
                    && finding.evidence().columns().contains(amount)
                    && finding.evidence().columns().stream().anyMatch(byCurrency::contains);
        }

        /** "EUR (1,512 rows, total 101,234.5), USD (…)" */
        public String listed() {
            List<String> parts = new ArrayList<>();
            for (Currency c : currencies) {
                parts.add(String.format("%s (%s, total %s, median %s)", c.code(), Text.count(c.rows(), "row"),
                        Text.number(c.total()), Text.number(c.median())));
            }
            return String.join(", ", parts);
        }
    }

    private CurrencyMix() {
    }

    /** The amount's currencies, when the file has an amount ({@link KpiScope#amount}) in two or more. */
    public static Optional<Mix> find(AnalysisContext context, Optional<Integer> amount)
            throws SQLException, AnalysisCancelledException {
        if (amount.isEmpty()) {
            return Optional.empty();
        }
        for (int i = 0; i < context.columns().size(); i++) {
            ColumnProfile profile = context.profile(i);
            boolean grouping = profile.role().equals(ColumnRoles.CATEGORY) || profile.role().equals(ColumnRoles.FLAG);
            if (!grouping || profile.distinctCount() < 2 || profile.distinctCount() > MAX_CURRENCIES
                    || !(AnalysisContext.matches(CURRENCY_NAME, context.name(i)) || isoCodes(profile))) {
                continue;
            }
            String a = context.sql(amount.get()) + "::DOUBLE";
            String c = "CAST(" + context.sql(i) + " AS VARCHAR)";
            List<Currency> currencies = context.session().query("SELECT " + c + " AS c, count(" + a + "), sum(" + a
                    + "), median(" + a + ") FROM " + ColumnTypeResolver.TABLE + " WHERE " + context.sql(i)
                    + " IS NOT NULL GROUP BY c HAVING count(" + a + ") > 0 ORDER BY 2 DESC, 1", row -> {
                        List<Currency> list = new ArrayList<>();
                        while (row.next()) {
                            list.add(new Currency(row.getString(1), row.getLong(2), row.getDouble(3),
                                    row.getDouble(4)));
                        }
                        return list;
                    });
            if (currencies.size() >= 2) {
                return Optional.of(new Mix(context.name(i), context.name(amount.get()), currencies));
            }
        }
        return Optional.empty();
    }

    /** Whether every listed value of the column is a currency code. */
    private static boolean isoCodes(ColumnProfile profile) {
        return profile.categories() != null && profile.categories().otherCount() == 0
                && !profile.categories().topValues().isEmpty()
                && profile.categories().topValues().stream().allMatch(v -> ISO_CODE.matcher(v.value()).matches());
    }
}
