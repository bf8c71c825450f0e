package io.sygnify.analysis;

import io.sygnify.analysis.engine.Text;
import io.sygnify.analysis.report.KeyFinding;
import io.sygnify.analysis.report.Kpis;
import io.sygnify.analysis.report.TimeSeries;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Each domain's indicators on a file built here with a known answer; no domain without its columns. */
class KpiAnalysisTest {

    @TempDir
    Path dir;

    private AnalysisReport analyze(String name, Consumer<PrintWriter> content) throws Exception {
        return GeneratedCsv.analyze(dir, name, content);
    }

    private static Kpis.Domain domain(AnalysisReport report, String name) {
        return report.kpis().domains().stream().filter(d -> d.domain().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " domain; notes: " + report.kpis().notes()));
    }

    private static Kpis.Indicator indicator(Kpis.Domain domain, String name) {
        return domain.indicators().stream().filter(i -> i.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in " + domain.indicators()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> detail(Kpis.Indicator indicator) {
        return (Map<String, Object>) indicator.detail();
    }

    /**
     * A German bank statement: Betrag is the amount and Saldo the balance although neither is English; most
     * amounts are payments out, so they are money out, not refunds; a balance is averaged per day, not summed.
     */
    @Test
    void germanBankStatementIsASignedLedgerWithItsBalanceAveragedPerDay() throws Exception {
        double[] in = {0};
        double[] out = {0};
        long[] payments = {0};
        AnalysisReport report = analyze("kontoauszug.csv", csv -> {
            csv.println("Buchungstag;Verwendungszweck;Betrag;Saldo");
            double balance = 1000;
            for (int day = 0; day < 240; day++) {
                // two payments on every fifth day
                LocalDate date = LocalDate.of(2024, 1, 1).plusDays(day - day / 5);
                double amount = date.getDayOfMonth() == 28 ? 3000 : -(10 + (day * 37 % 90));
                balance += amount;
                if (amount > 0) {
                    in[0] += amount;
                } else {
                    out[0] += amount;
                    payments[0]++;
                }
                csv.printf(Locale.ROOT, "%02d.%02d.%d;%s;%s;%s%n", date.getDayOfMonth(), date.getMonthValue(),
                        date.getYear(), amount > 0 ? "GEHALT" : "KARTENZAHLUNG", german(amount), german(balance));
            }
        });

        Kpis.Domain transactions = domain(report, "transactions");
        assertThat(transactions.columns()).containsEntry("amount", "Betrag");
        assertThat(transactions.indicators()).noneMatch(i -> i.name().equals("refund_rate"));
        Kpis.Indicator moneyIn = indicator(transactions, "money_in");
        assertThat(moneyIn.value()).isCloseTo(in[0], within(1e-6));
        assertThat(detail(moneyIn)).containsEntry("transactions", 240 - payments[0]);
        Kpis.Indicator moneyOut = indicator(transactions, "money_out");
        assertThat(moneyOut.value()).isCloseTo(out[0], within(1e-6));
        assertThat(detail(moneyOut)).containsEntry("transactions", payments[0]);
        assertThat(report.quality().alerts()).anySatisfy(alert -> {
            assertThat(alert.kind()).isEqualTo("negatives");
            assertThat(alert.message()).isEqualTo("Betrag has " + payments[0] + " negative values ("
                    + Text.percent(payments[0] / 240.0) + ") and " + (240 - payments[0]) + " positive values: a "
                    + "signed amount, money out and money in.");
        });
        assertThat(report.timeSeries().series()).filteredOn(series -> series.measure().equals("Saldo"))
                .singleElement().extracting(TimeSeries.Series::aggregate).isEqualTo("mean");
    }

    /** Rent on the 1st of every month, a salary on the 28th with a bonus in November, groceries at random. */
    @Test
    void paymentsThatComeBackEveryMonthAreRecurringTheOthersNot() throws Exception {
        Random random = new Random(8);
        AnalysisReport report = analyze("statement.csv", out -> {
            out.println("date,payee,amount");
            for (LocalDate day = LocalDate.of(2024, 1, 1); day.isBefore(LocalDate.of(2025, 1, 1)); day = day.plusDays(1)) {
                if (day.getDayOfMonth() == 1) {
                    out.println(day + ",Landlord,-950.00");
                }
                if (day.getDayOfMonth() == 28) {
                    out.println(day + ",Employer," + (day.getMonthValue() == 11 ? "3900.00" : "3100.00"));
                }
                if (random.nextDouble() < 0.4) {
                    out.printf(Locale.ROOT, "%s,Grocer,-%.2f%n", day, 5 + random.nextDouble() * 80);
                }
            }
        });

        Kpis.Indicator recurring = indicator(domain(report, "transactions"), "recurring");
        assertThat(recurring.value()).isEqualTo(2.0);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> payments = (List<Map<String, Object>>) recurring.detail();
        assertThat(payments).extracting(p -> p.get("payee")).containsExactly("Employer", "Landlord");
        assertThat(payments.get(0)).containsEntry("amount", null).containsEntry("min_amount", 3100.0)
                .containsEntry("max_amount", 3900.0).containsEntry("every", "month").containsEntry("times", 12L);
        assertThat(payments.get(1)).containsEntry("amount", -950.0).containsEntry("first", "2024-01-01")
                .containsEntry("last", "2024-12-01");
        assertThat(report.keyFindings()).anySatisfy(k -> assertThat(k.sentence()).isEqualTo("2 payments of amount "
                + "recur: Employer 3,100 to 3,900 every month (12 times, 2024-01-28 to 2024-12-28) and Landlord -950 "
                + "every month (12 times, 2024-01-01 to 2024-12-01)."));
    }

    /** Nine thousand card payments in three weeks: amounts repeat by chance, on no schedule that recurs. */
    @Test
    void amountsRepeatingByChanceAmongManyPaymentsDoNotRecur() throws Exception {
        Random random = new Random(9);
        AnalysisReport report = analyze("cards.csv", out -> {
            out.println("time,category,amount");
            for (int i = 0; i < 9_000; i++) {
                out.printf(Locale.ROOT, "%s,%s,%.2f%n", LocalDateTime.of(2024, 3, 1, 0, 0).plusSeconds(i * 190L),
                        "c" + random.nextInt(12), Math.exp(2.5 + random.nextGaussian()));
            }
        });

        assertThat(domain(report, "transactions").indicators()).noneMatch(i -> i.name().equals("recurring"));
        assertThat(report.kpis().notes()).noneMatch(note -> note.contains("recurring"));
    }

    @Test
    void aPaymentProcessorsLogIsNotSearchedForRecurringPayments() throws Exception {
        AnalysisReport report = analyze("processor.csv", out -> {
            out.println("time,category,amount");
            for (int i = 0; i < 3_000; i++) {
                out.printf(Locale.ROOT, "%s,c%d,%d.99%n", LocalDateTime.of(2024, 3, 1, 0, 0).plusSeconds(i * 60L), i % 5,
                        i % 40);
            }
        });

        assertThat(report.kpis().notes()).contains("transactions: recurring payments are looked for in files of at "
                + "most 500 rows a day, as statements and ledgers are; this one has 1,440.");
    }

    /** A web analytics export: one row per day, so its revenue is a day's total, no transaction's amount. */
    @Test
    void dailyTotalsAreNoTransactions() throws Exception {
        AnalysisReport report = analyze("analytics.csv", out -> {
            out.println("Date,Sessions,Conversions,Revenue");
            for (int day = 0; day < 200; day++) {
                out.printf(Locale.ROOT, "%s,%d,%d,%d.50%n", LocalDate.of(2024, 1, 1).plusDays(day), 900 + day * 7 % 300,
                        20 + day % 9, 1000 + day * 13 % 700);
            }
        });

        assertThat(report.kpis().domains()).noneMatch(d -> d.domain().equals("transactions"));
        assertThat(report.kpis().notes()).contains(
                "transactions: each row has its own Date, so the rows are totals per period, not transactions.");
    }

    /** {@code -1.234,50}: thousands with a dot, decimals with a comma. */
    private static String german(double amount) {
        return String.format(Locale.GERMANY, "%,.2f", amount);
    }

    /**
     * Three tickers' closes in one column (the long format of market data), with a volume that happens to be unique
     * on every row: each ticker's series is measured on its own, never a return from one ticker's price to another's.
     */
    @Test
    void pricesOfSeveralTickersInOneColumnAreMeasuredPerTickerAndCompared() throws Exception {
        Random random = new Random(12);
        double[][] closes = new double[3][260];
        AnalysisReport report = analyze("stocks.csv", out -> {
            out.println("date,close,volume,Name");
            double[] start = {100, 20, 300};
            LocalDate day = LocalDate.of(2023, 1, 2);
            for (int d = 0; d < 260; d++, day = day.plusDays(day.getDayOfWeek().getValue() == 5 ? 3 : 1)) {
                double market = random.nextGaussian() * 0.01;
                for (int t = 0; t < 3; t++) {
                    double drift = t == 0 ? 0.002 : t == 1 ? -0.002 : 0;
                    double move = d == 150 && t == 2 ? -0.2 : drift + market + random.nextGaussian() * 0.005;
                    closes[t][d] = d == 0 ? start[t] : Math.round(closes[t][d - 1] * (1 + move) * 100) / 100.0;
                    out.printf(Locale.ROOT, "%s,%.2f,%d,%s%n", day, closes[t][d], 1_000_000 + (d * 7919 % 260) * 3 + t,
                            new String[] {"AAA", "BBB", "CCC"}[t]);
                }
            }
        });

        Kpis.Domain prices = domain(report, "price_series");
        assertThat(prices.columns()).containsEntry("price", "close").containsEntry("entity", "Name");
        assertThat(indicator(prices, "series").value()).isEqualTo(3.0);
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> table = (Map<String, Map<String, Object>>) indicator(prices, "series")
                .detail();
        assertThat(table).containsOnlyKeys("AAA", "BBB", "CCC");
        assertThat(table.keySet()).first().isEqualTo("AAA");
        assertThat((double) table.get("BBB").get("total_return")).isCloseTo(closes[1][259] / closes[1][0] - 1,
                within(1e-9));
        assertThat(table.get("CCC").get("prices")).isEqualTo(260);
        assertThat(indicator(prices, "best_total_return").value()).isCloseTo(closes[0][259] / closes[0][0] - 1,
                within(1e-9));
        assertThat(detail(indicator(prices, "worst_total_return"))).containsEntry("Name", "BBB");
        String deepest = table.entrySet().stream().min(java.util.Comparator.comparingDouble(
                e -> (double) e.getValue().get("max_drawdown"))).orElseThrow().getKey();
        assertThat(detail(indicator(prices, "deepest_drawdown"))).containsEntry("Name", deepest);
        assertThat(indicator(prices, "deepest_drawdown").value()).isEqualTo(table.get(deepest).get("max_drawdown"));
        // the three share a market factor twice their own noise
        assertThat(indicator(prices, "mean_return_correlation").value()).isBetween(0.6, 0.95);
        assertThat(report.keyFindings()).anySatisfy(f -> assertThat(f.sentence())
                .startsWith("Of 3 Name series of close, AAA returned most"));
        assertThat(report.keyFindings()).anySatisfy(f -> assertThat(f.sentence())
                .matches("Name CCC's close fell 20 % on 2023-07-31, \\d+(\\.\\d+)? standard deviations of its "
                        + "returns: the one move that large in the 3 series\\."));
        assertThat(report.dataset().candidateKeys()).containsExactly(List.of("date", "Name"));
    }

    @Test
    void aCrashDayFarOutsideTheUsualReturnsIsAFinding() throws Exception {
        Random random = new Random(5);
        AnalysisReport report = analyze("crash.csv", out -> {
            out.println("date,close");
            double price = 50;
            for (int day = 0; day < 300; day++) {
                price *= day == 200 ? 0.85 : 1 + random.nextGaussian() * 0.01;
                out.printf(Locale.ROOT, "%s,%.4f%n", LocalDate.of(2023, 1, 1).plusDays(day), price);
            }
        });

        assertThat(report.keyFindings()).anySatisfy(f -> assertThat(f.sentence())
                .matches("close fell 15 % on 2023-07-20, its largest move between consecutive prices: \\d+(\\.\\d+)? "
                        + "standard deviations of its returns\\."));
    }

    @Test
    void priceSeriesReturnsDrawdownWithDatesVolatilityAndValueAtRisk() throws Exception {
        // a fall of exactly 20 % from 121 (3 Jan) to 96.8 (4 Jan), back to 121 on 7 Jan
        double[] prices = {100, 110, 121, 96.8, 100, 110, 121, 133.1, 120, 125, 130, 140};
        AnalysisReport report = analyze("prices.csv", out -> {
            out.println("date,close");
            for (int i = 0; i < prices.length; i++) {
                out.printf(Locale.ROOT, "%s,%s%n", LocalDate.of(2024, 1, 1).plusDays(i), prices[i]);
            }
        });

        Kpis.Domain prices1 = domain(report, "price_series");
        assertThat(prices1.columns()).containsEntry("price", "close").containsEntry("date", "date");
        assertThat(indicator(prices1, "total_return").value()).isCloseTo(0.4, within(1e-9));
        Kpis.Indicator drawdown = indicator(prices1, "max_drawdown");
        assertThat(drawdown.value()).isCloseTo(-0.2, within(1e-9));
        assertThat(detail(drawdown)).containsEntry("peak_date", "2024-01-03").containsEntry("trough_date", "2024-01-04")
                .containsEntry("recovery_date", "2024-01-07");

        double[] returns = new double[prices.length - 1];
        for (int i = 1; i < prices.length; i++) {
            returns[i - 1] = prices[i] / prices[i - 1] - 1;
        }
        double mean = Arrays.stream(returns).average().orElseThrow();
        double sd = Math.sqrt(Arrays.stream(returns).map(r -> (r - mean) * (r - mean)).sum()
                / (returns.length - 1));
        assertThat(indicator(prices1, "mean_return").value()).isCloseTo(mean, within(1e-12));
        // priced every day, weekends too (as coins are): 365 days a year
        assertThat(indicator(prices1, "volatility").value()).isCloseTo(sd * Math.sqrt(365), within(1e-9));
        assertThat(indicator(prices1, "sharpe_ratio").value()).isCloseTo(mean / sd * Math.sqrt(365), within(1e-9));
        assertThat(indicator(prices1, "sharpe_ratio").unit()).isEqualTo("statistic");
        assertThat(indicator(prices1, "volatility").unit()).isEqualTo("ratio");
        // the 5 % quantile of 11 returns lies between the two worst: −20 % and 120 / 133.1 − 1
        assertThat(indicator(prices1, "value_at_risk_95").value()).isBetween(1 - 120 / 133.1, 0.2);
        Kpis.Indicator worstDay = indicator(prices1, "worst_return");
        assertThat(worstDay.value()).isCloseTo(-0.2, within(1e-9));
        assertThat(detail(worstDay)).containsEntry("date", "2024-01-04").containsEntry("previous_date", "2024-01-03");
        assertThat(indicator(prices1, "best_return").value()).isCloseTo(0.1, within(1e-9));
        assertThat(detail(indicator(prices1, "best_return"))).containsEntry("date", "2024-01-02");
        // eleven returns cannot put one 5 standard deviations out
        assertThat(report.keyFindings()).noneMatch(f -> f.sentence().contains("largest move"));
        assertThat(report.keyFindings()).anyMatch(f -> f.kind().equals("kpi")
                && f.sentence().contains("total return 40 % from 2024-01-01 to 2024-01-12")
                && f.sentence().contains("maximum drawdown -20 % (peak 2024-01-03, trough 2024-01-04)"));
    }

    @Test
    void returnsAreAnnualisedByHowOftenTheSeriesIsPriced() throws Exception {
        AnalysisReport stock = analyze("stock.csv", out -> {
            out.println("date,close");
            LocalDate day = LocalDate.of(2024, 1, 1);
            for (int i = 0; i < 60; day = day.plusDays(1)) {
                if (day.getDayOfWeek().getValue() <= 5) {
                    out.printf(Locale.ROOT, "%s,%d%n", day, 100 + (i++ % 7));
                }
            }
        });
        assertThat(detail(indicator(domain(stock, "price_series"), "volatility")))
                .containsEntry("periods_per_year", 252.0);

        AnalysisReport coin = analyze("coin.csv", out -> {
            out.println("time,close");
            for (int i = 0; i < 24 * 30; i++) {
                out.printf(Locale.ROOT, "%s,%.2f%n", java.time.LocalDateTime.of(2024, 1, 1, 0, 0).plusHours(i),
                        100.0 + (i % 7));
            }
        });
        Kpis.Domain hourly = domain(coin, "price_series");
        // 719 hourly returns over 29.96 days: 8,766 a year, every hour of the year
        assertThat((Double) detail(indicator(hourly, "volatility")).get("periods_per_year"))
                .isCloseTo(24 * 365.25, within(1e-6));
        assertThat(indicator(hourly, "mean_return").note()).contains("within the day (every 60 minutes; 8,766 returns "
                + "a year");
        assertThat(detail(indicator(hourly, "total_return"))).containsEntry("from", "2024-01-01T00:00")
                .containsEntry("to", "2024-01-30T23:00");
    }

    @Test
    void aPriceColumnWithNegativesIsNotAPriceSeries() throws Exception {
        AnalysisReport report = analyze("pnl-like.csv", out -> {
            out.println("date,price");
            for (int i = 0; i < 20; i++) {
                out.printf(Locale.ROOT, "%s,%d%n", LocalDate.of(2024, 1, 1).plusDays(i), i % 3 == 0 ? -5 : 10 + i);
            }
        });

        assertThat(report.kpis().domains()).noneMatch(d -> d.domain().equals("price_series"));
        assertThat(report.kpis().notes()).anyMatch(n -> n.startsWith("price_series: price has zero or negative"));
    }

    @Test
    void profitAndLossMarginCostRatioAndGrowthOfTheLastCompleteYear() throws Exception {
        // 2022: 1,200 of revenue; 2023: 1,800 (+50 %); January 2024 is an incomplete year; cost is 60 % throughout
        AnalysisReport report = analyze("pnl.csv", out -> {
            out.println("month,revenue,cost");
            LocalDate month = LocalDate.of(2022, 1, 1);
            for (int i = 0; i < 25; i++, month = month.plusMonths(1)) {
                double revenue = month.getYear() == 2022 ? (i % 2 == 0 ? 90 : 110)
                        : month.getYear() == 2023 ? (i % 2 == 0 ? 140 : 160) : 500;
                out.printf(Locale.ROOT, "%s,%s,%s%n", month, revenue, revenue * 0.6);
            }
        });

        Kpis.Domain pnl = domain(report, "profit_and_loss");
        assertThat(indicator(pnl, "revenue").value()).isCloseTo(1200 + 1800 + 500, within(1e-9));
        assertThat(indicator(pnl, "cost_ratio").value()).isCloseTo(0.6, within(1e-9));
        assertThat(indicator(pnl, "margin").value()).isCloseTo(0.4, within(1e-9));
        Kpis.Indicator growth = indicator(pnl, "revenue_growth");
        assertThat(growth.value()).isCloseTo(0.5, within(1e-9));
        assertThat(detail(growth)).containsEntry("year", 2023).containsEntry("previous_year", 2022);
        assertThat(report.keyFindings()).filteredOn(k -> k.kind().equals("kpi")).singleElement()
                .satisfies(k -> {
                    assertThat(k.sentence()).isEqualTo("revenue totals 3,500 at a margin of 40 % (cost is 60 % of "
                            + "it); in 2023 it was 50 % above 2022.");
                    assertThat(k.evidence().columns()).containsExactly("revenue", "cost");
                    assertThat(k.evidence().chartKey()).isEqualTo("kpi:profit_and_loss");
                });
    }

    /**
     * A department budget against actuals, two years of months: Marketing overspends by 18 % throughout, and its
     * events by 30 % on top; Engineering spends 3 % less; the rest land on budget give or take noise. The variance,
     * who ran over and under, and the combination furthest out; no "Budget and Actual are correlated".
     */
    @Test
    void aBudgetAgainstActualsSaysWhoRanOverAndWhoUnder() throws Exception {
        Random random = new Random(15);
        Map<String, Double> departments = Map.of("Marketing", 1.18, "Engineering", 0.97, "Support", 1.0, "HR", 1.0);
        double[] planned = {0};
        double[] spent = {0};
        AnalysisReport report = analyze("budget.csv", out -> {
            out.println("Month,Department,Category,Budget,Actual");
            for (LocalDate month = LocalDate.of(2023, 1, 1); month.getYear() < 2025; month = month.plusMonths(1)) {
                for (String department : List.of("Marketing", "Engineering", "Support", "HR")) {
                    for (String category : List.of("Salaries", "Travel", "Events")) {
                        double budget = category.equals("Salaries") ? 30_000 : 5_000;
                        double factor = departments.get(department)
                                * (department.equals("Marketing") && category.equals("Events") ? 1.3 : 1);
                        double actual = Math.round(budget * factor * (1 + random.nextGaussian() * 0.03) * 100) / 100.0;
                        planned[0] += budget;
                        spent[0] += actual;
                        out.printf(Locale.ROOT, "%s,%s,%s,%.0f,%.2f%n", month.toString().substring(0, 7), department,
                                category, budget, actual);
                    }
                }
            }
        });

        Kpis.Domain domain = domain(report, "plan_vs_actual");
        assertThat(domain.columns()).containsEntry("plan", "Budget").containsEntry("actual", "Actual");
        assertThat(indicator(domain, "plan_total").value()).isCloseTo(planned[0], within(1e-6));
        assertThat(indicator(domain, "variance").value()).isCloseTo(spent[0] - planned[0], within(1e-3));
        assertThat(indicator(domain, "variance_rate").value()).isCloseTo(spent[0] / planned[0] - 1, within(1e-9));
        assertThat(report.keyFindings()).filteredOn(k -> k.evidence().chartKey() != null
                && k.evidence().chartKey().equals("kpi:plan_vs_actual")).singleElement().satisfies(k -> {
                    assertThat(k.sentence()).startsWith("Actual came to ").contains(" against a Budget of ")
                            .contains("By Department, Marketing ran ").containsPattern("Engineering ran [0-9.]+ % under")
                            .contains("Marketing and Events ran furthest over: ")
                            .doesNotContain("Support").doesNotContain("HR ran");
                });
        assertThat(report.keyFindings()).noneMatch(k -> k.kind().equals("correlation"));
        assertThat(report.quality().alerts()).noneMatch(a -> a.kind().equals("high_correlation"));
        assertThat(report.kpis().domains()).noneMatch(d -> d.domain().equals("transactions"));
    }

    /**
     * An international shop's orders in euros, dollars and yen: a yen order is about 150 times a euro one. No total
     * adds them; each currency has its own; the fraud rate, a share of rows, stands; "mean amount is highest in
     * Japan" is the exchange rate, not a finding; and Benford is judged on one currency's range, not the mix's.
     */
    @Test
    void amountsInSeveralCurrenciesAreNeverAddedAcrossThem() throws Exception {
        Random random = new Random(16);
        Map<String, Double> rates = Map.of("EUR", 1.0, "USD", 1.1, "JPY", 160.0);
        Map<String, String> countries = Map.of("EUR", "DE", "USD", "US", "JPY", "JP");
        Map<String, Double> totals = new java.util.HashMap<>();
        AnalysisReport report = analyze("orders.csv", out -> {
            out.println("order_id,date,country,currency,amount,is_fraud");
            for (int i = 0; i < 3000; i++) {
                String currency = List.of("EUR", "USD", "JPY").get(i % 3);
                double amount = Math.round(Math.exp(4 + random.nextGaussian() * 0.5) * rates.get(currency) * 100)
                        / 100.0;
                totals.merge(currency, amount, Double::sum);
                out.printf(Locale.ROOT, "%d,%s,%s,%s,%.2f,%s%n", 50_000 + i, LocalDate.of(2024, 1, 1)
                        .plusDays(i % 300), countries.get(currency), currency, amount, i % 50 == 0);
            }
        });

        Kpis.Domain transactions = domain(report, "transactions");
        assertThat(transactions.indicators()).extracting(Kpis.Indicator::name)
                .doesNotContain("total_amount", "mean_amount", "benford_mad").contains("fraud_rate");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> byCurrency = (List<Map<String, Object>>) indicator(transactions,
                "amount_by_currency").detail();
        assertThat(byCurrency).hasSize(3).allSatisfy(row -> assertThat((Double) row.get("total"))
                .isCloseTo(totals.get((String) row.get("currency")), within(1e-6)));
        assertThat(indicator(transactions, "fraud_rate").value()).isCloseTo(0.02, within(1e-9));
        assertThat(report.kpis().domains()).noneMatch(d -> d.domain().equals("retail"));
        assertThat(report.quality().alerts()).filteredOn(a -> a.kind().equals("mixed_currencies")).singleElement()
                .satisfies(a -> assertThat(a.message()).startsWith("amount is in 3 currencies, told by currency: "));
        assertThat(report.keyFindings()).noneMatch(k -> k.kind().startsWith("segment_")
                && k.evidence().columns().contains("amount"));
        assertThat(report.keyFindings()).noneMatch(k -> k.sentence().contains("worth"));
    }

    /**
     * A SaaS export, a row per customer: signup date, cancel date blank while subscribed, plan and monthly fee.
     * Active subscriptions, their monthly recurring revenue and the monthly churn rate, each checked against a count
     * made here; a support desk's created and closed dates (no plan, no fee) are no subscriptions.
     */
    @Test
    void subscriptionsAreCountedActiveWithTheirRecurringRevenueAndMonthlyChurn() throws Exception {
        Random random = new Random(20);
        List<LocalDate[]> spans = new ArrayList<>();
        List<Double> fees = new ArrayList<>();
        AnalysisReport report = analyze("customers.csv", out -> {
            out.println("customer_id,plan,signup_date,cancel_date,mrr");
            for (int i = 0; i < 1500; i++) {
                boolean pro = i % 4 == 0;
                LocalDate signup = LocalDate.of(2022, 1, 1).plusDays(random.nextInt(800));
                LocalDate cancel = random.nextDouble() < 0.4 ? signup.plusDays(20 + random.nextInt(400)) : null;
                if (cancel != null && cancel.isAfter(LocalDate.of(2024, 5, 31))) {
                    cancel = null;
                }
                spans.add(new LocalDate[] {signup, cancel});
                fees.add(pro ? 99.0 : 29.0);
                out.println("C" + i + "," + (pro ? "Pro" : "Basic") + "," + signup + "," + (cancel == null ? "" : cancel)
                        + "," + (pro ? 99 : 29));
            }
        });

        LocalDate asOf = spans.stream().flatMap(p -> java.util.stream.Stream.of(p[0], p[1]))
                .filter(java.util.Objects::nonNull).max(LocalDate::compareTo).orElseThrow();
        long active = spans.stream().filter(p -> p[1] == null || p[1].isAfter(asOf)).count();
        double mrr = java.util.stream.IntStream.range(0, spans.size())
                .filter(i -> spans.get(i)[1] == null || spans.get(i)[1].isAfter(asOf)).mapToDouble(fees::get).sum();
        Kpis.Domain domain = domain(report, "subscriptions");
        assertThat(indicator(domain, "active").value()).isEqualTo((double) active);
        assertThat(indicator(domain, "monthly_recurring_revenue").value()).isCloseTo(mrr, within(1e-6));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> months = (List<Map<String, Object>>) indicator(domain, "monthly_churn_rate").detail();
        assertThat(months).hasSize(12);
        Map<String, Object> first = months.get(0);
        LocalDate month = LocalDate.parse(first.get("month") + "-01");
        long atStart = spans.stream().filter(p -> p[0].isBefore(month) && (p[1] == null || !p[1].isBefore(month)))
                .count();
        long ended = spans.stream().filter(p -> p[0].isBefore(month) && p[1] != null && !p[1].isBefore(month)
                && p[1].isBefore(month.plusMonths(1))).count();
        assertThat(first).containsEntry("active_at_start", atStart).containsEntry("ended", ended);
        assertThat(report.keyFindings()).anySatisfy(k -> assertThat(k.sentence())
                .startsWith("Of 1,500 subscriptions, " + Text.count(active) + " are active at " + asOf));

        AnalysisReport tickets = analyze("tickets.csv", out -> {
            out.println("ticket_id,queue,created_date,closed_date");
            for (int i = 0; i < 500; i++) {
                LocalDate created = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(150));
                out.println("T" + i + "," + (i % 2 == 0 ? "Billing" : "Tech") + "," + created + ","
                        + (i % 5 == 0 ? "" : created.plusDays(random.nextInt(10))));
            }
        });
        assertThat(tickets.kpis().domains()).noneMatch(d -> d.domain().equals("subscriptions"));
    }

    @Test
    void theMarginSaysWhichProfitItIs() throws Exception {
        AnalysisReport report = analyze("statement.csv", out -> {
            out.println("month,revenue,gross_profit,net_income");
            for (int i = 0; i < 6; i++) {
                out.printf(Locale.ROOT, "%s,%d,%d,%d%n", LocalDate.of(2024, 1, 1).plusMonths(i), 100 + 10 * i,
                        40 + 4 * i, 10 + 3 * i % 7);
            }
        });

        // net income 10, 13, 16, 12, 15, 11: 77 of 750
        assertThat(report.keyFindings()).filteredOn(k -> k.kind().equals("kpi")).singleElement()
                .satisfies(k -> assertThat(k.sentence()).isEqualTo("revenue totals 750 at a margin of 40 % "
                        + "(gross_profit / revenue); margins net_income 10 %."));
        Kpis.Indicator net = indicator(domain(report, "profit_and_loss"), "margin_net_income");
        assertThat(net.value()).isCloseTo(77 / 750.0, within(1e-12));
        assertThat(detail(net)).containsEntry("profit", 77.0);
    }

    @Test
    void transactionsVolumeRefundsFraudRateAndBenford() throws Exception {
        int n = 1000;
        List<Double> amounts = new ArrayList<>();
        double refunded = 0;
        double flagged = 0;
        for (int i = 0; i < n; i++) {
            // log-uniform over four decades: first digits follow Benford's law
            double amount = Math.round(Math.pow(10, 4 * (i + 0.5) / n) * 100) / 100.0;
            if (i % 20 == 0) {
                amount = -amount;
                refunded += amount;
            }
            if (i % 50 == 1) {
                flagged += amount;
            }
            amounts.add(amount);
        }
        AnalysisReport report = analyze("transactions.csv", out -> {
            out.println("transaction_id,date,amount,is_fraud");
            for (int i = 0; i < n; i++) {
                out.printf(Locale.ROOT, "T%05d,%s,%.2f,%s%n", i, LocalDate.of(2024, 1, 1).plusDays(i % 365),
                        amounts.get(i), i % 50 == 1);
            }
        });

        Kpis.Domain transactions = domain(report, "transactions");
        assertThat(transactions.columns()).containsEntry("amount", "amount").containsEntry("fraud_flag", "is_fraud");
        assertThat(indicator(transactions, "volume").value()).isEqualTo(1000.0);
        assertThat(indicator(transactions, "total_amount").value())
                .isCloseTo(amounts.stream().mapToDouble(Double::doubleValue).sum(), within(1e-6));
        Kpis.Indicator refunds = indicator(transactions, "refund_rate");
        assertThat(refunds.value()).isCloseTo(0.05, within(1e-12));
        assertThat(detail(refunds)).containsEntry("refunds", 50L);
        assertThat((Double) detail(refunds).get("refunded_amount")).isCloseTo(refunded, within(1e-6));
        Kpis.Indicator fraud = indicator(transactions, "fraud_rate");
        assertThat(fraud.value()).isCloseTo(0.02, within(1e-12));
        assertThat(detail(fraud)).containsEntry("flagged", 20L);
        assertThat((Double) detail(fraud).get("flagged_amount")).isCloseTo(flagged, within(1e-6));
        Kpis.Indicator benford = indicator(transactions, "benford_mad");
        assertThat(detail(benford)).containsEntry("conformity", "close").containsEntry("n", 1000L);
        assertThat(benford.value()).isLessThanOrEqualTo(0.006);
        assertThat(benford.unit()).isEqualTo("statistic");
        assertThat(report.keyFindings()).noneMatch(f -> f.sentence().contains("Benford"));
    }

    @Test
    void paymentsRefundedByColumnFailedByStatusAndWhereDisputesConcentrate() throws Exception {
        String[] countries = {"US", "GB", "DE", "FR"};
        long[] counts = new long[3];
        double[] refundedAmount = new double[1];
        AnalysisReport report = analyze("payments.csv", out -> {
            out.println("id,created,Amount,Amount Refunded,Fee,Status,Card Country,Disputed");
            for (int i = 0; i < 4000; i++) {
                boolean nigeria = i % 50 == 0;
                String status = i % 25 == 3 ? "Failed" : i % 40 == 7 ? "Refunded" : "Paid";
                double amount = 10 + i % 97;
                double refunded = status.equals("Refunded") ? amount : 0;
                // a fifth of the 80 payments from NG are disputed, one in a thousand of the others
                boolean disputed = nigeria ? (i / 50) % 5 == 0 : i % 1000 == 1;
                counts[0] += status.equals("Refunded") ? 1 : 0;
                counts[1] += status.equals("Failed") ? 1 : 0;
                counts[2] += disputed ? 1 : 0;
                refundedAmount[0] += refunded;
                out.printf(Locale.ROOT, "ch_%05d,%s,%.2f,%.2f,%.2f,%s,%s,%s%n", i,
                        LocalDate.of(2024, 3, 1).plusDays(i / 40), amount, refunded,
                        status.equals("Failed") ? 0 : amount * 0.029 + 0.3, status,
                        nigeria ? "NG" : countries[i % 4], disputed);
            }
        });

        Kpis.Domain transactions = domain(report, "transactions");
        assertThat(transactions.columns()).containsEntry("amount", "Amount").containsEntry("refund", "Amount Refunded")
                .containsEntry("status", "Status").containsEntry("fraud_flag", "Disputed");
        Kpis.Indicator refunds = indicator(transactions, "refund_rate");
        assertThat(refunds.value()).as("no amount is negative: the refund column says it")
                .isCloseTo(counts[0] / 4000.0, within(1e-12));
        assertThat((Double) detail(refunds).get("refunded_amount")).isCloseTo(refundedAmount[0], within(1e-6));
        assertThat(indicator(transactions, "failure_rate").value()).isCloseTo(counts[1] / 4000.0, within(1e-12));
        assertThat(indicator(transactions, "fraud_rate").value()).isCloseTo(counts[2] / 4000.0, within(1e-12));
        assertThat(report.keyFindings()).anySatisfy(f -> assertThat(f.sentence()).isEqualTo("Disputed is true on "
                + "20 % of rows with Card Country NG (16 of 80), against 0.10 % of the others (p < 0.001)."));
        assertThat(report.segments().flagRates()).singleElement().satisfies(r -> {
            assertThat(r.flag()).isEqualTo("Disputed");
            assertThat(r.value()).isEqualTo("NG");
            assertThat(r.flagged()).isEqualTo(16);
        });
        assertThat(report.keyFindings()).anySatisfy(f -> assertThat(f.sentence())
                .startsWith(Text.percent(counts[2] / 4000.0) + " of transactions are flagged in Disputed ("));

        AnalysisReport orders = analyze("orders.csv", out -> {
            out.println("order_id,date,amount,status");
            for (int i = 0; i < 200; i++) {
                out.printf(Locale.ROOT, "O%04d,%s,%d,%s%n", i, LocalDate.of(2024, 1, 1).plusDays(i),
                        20 + i % 7, i % 10 == 0 ? "refunded" : "complete");
            }
        });
        Kpis.Indicator byStatus = indicator(domain(orders, "transactions"), "refund_rate");
        assertThat(byStatus.value()).isCloseTo(0.1, within(1e-12));
        assertThat(byStatus.note()).isEqualTo("share of transactions whose status says refunded");
        assertThat(domain(orders, "transactions").indicators()).noneMatch(i -> i.name().equals("failure_rate"));
    }

    @Test
    void anOrderExportsEmailIsItsCustomerAndItsVendorsAndCountriesAreRetailDimensions() throws Exception {
        AnalysisReport report = analyze("orders.csv", out -> {
            out.println("Name,Email,Paid at,Total,Vendor,Billing Country,Card Country");
            for (int i = 0; i < 600; i++) {
                out.printf(Locale.ROOT, "#%d,c%d@mail.com,%s,%.2f,%s,%s,%s%n", 1000 + i, i % 150,
                        LocalDate.of(2024, 1, 1).plusDays(i / 3), 20.0 + i % 40, i % 3 == 0 ? "Acme" : "Hatly",
                        i % 4 == 0 ? "CA" : "US", i % 5 == 0 ? "GB" : "US");
            }
        });

        Kpis.Domain retail = domain(report, "retail");
        assertThat(retail.columns()).containsEntry("customer", "Email").containsEntry("dimension_vendor", "Vendor")
                .containsEntry("dimension_billing_country", "Billing Country")
                .doesNotContainKey("dimension_card_country");
        assertThat(retail.indicators()).extracting(Kpis.Indicator::name).contains("rfm_segments",
                "revenue_by_vendor", "revenue_by_billing_country");
    }

    @Test
    void amountsThatAllStartWithFiveToNineFailBenford() throws Exception {
        AnalysisReport report = analyze("invented.csv", out -> {
            out.println("transaction_id,date,amount");
            for (int i = 0; i < 900; i++) {
                double amount = (5 + (i % 100) / 20.0) * Math.pow(10, i % 3);
                out.printf(Locale.ROOT, "T%05d,%s,%.2f%n", i, LocalDate.of(2024, 1, 1).plusDays(i % 300), amount);
            }
        });

        Kpis.Indicator benford = indicator(domain(report, "transactions"), "benford_mad");
        assertThat(detail(benford)).containsEntry("conformity", "nonconformity");
        @SuppressWarnings("unchecked")
        List<Double> observed = (List<Double>) detail(benford).get("observed");
        assertThat(observed.subList(0, 4)).containsOnly(0.0);
        assertThat((Double) detail(benford).get("p_value")).isLessThan(1e-6);
        assertThat(report.keyFindings()).anyMatch(f -> f.kind().equals("kpi")
                && f.sentence().startsWith("First digits of amount do not follow Benford's law"));
        assertThat(domain(report, "transactions").indicators()).noneMatch(i -> i.name().equals("fraud_rate"));
        assertThat(report.kpis().notes()).contains(
                "transactions: no fraud flag column (two-valued, named like fraud, chargeback or dispute).");
    }

    @Test
    void retailRevenueByCategoryAbcClassesAndRfmSegments() throws Exception {
        // customer: purchases, days between the last purchase and the file's last date
        String[] customers = {"C1", "C2", "C3", "C4", "C5"};
        int[] purchases = {10, 8, 4, 6, 1};
        int[] recency = {0, 10, 100, 200, 400};
        LocalDate last = LocalDate.of(2024, 12, 31);
        List<String> rows = new ArrayList<>();
        for (int c = 0; c < customers.length; c++) {
            for (int p = 0; p < purchases[c]; p++) {
                rows.add(last.minusDays(recency[c] + 3L * p) + "," + customers[c]);
            }
        }
        // 29 purchases: P1 (grocery) 25 × 32 = 800, P2 (toys) 40 + 50 + 60 = 150, P3 (garden) 50. P2 starts at
        // exactly 80 % of revenue, so it is B, and P3 at exactly 95 %, so it is C
        AnalysisReport report = analyze("sales.csv", out -> {
            out.println("order_date,customer,product,category,amount");
            for (int i = 0; i < rows.size(); i++) {
                String item = i < 25 ? "P1,grocery,32" : i < 28 ? "P2,toys," + (40 + 10 * (i - 25)) : "P3,garden,50";
                out.println(rows.get(i) + "," + item);
            }
        });

        Kpis.Domain retail = domain(report, "retail");
        assertThat(retail.columns()).containsEntry("product", "product").containsEntry("customer", "customer")
                .containsEntry("date", "order_date");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> byCategory = (List<Map<String, Object>>) indicator(retail, "revenue_by_category")
                .detail();
        assertThat(byCategory).extracting(m -> m.get("value")).containsExactly("grocery", "toys", "garden");
        assertThat(byCategory).extracting(m -> m.get("revenue")).containsExactly(800.0, 150.0, 50.0);
        assertThat((Double) byCategory.get(0).get("share")).isCloseTo(0.8, within(1e-12));

        Map<String, Object> abc = detail(indicator(retail, "abc_classes"));
        assertThat(abc).containsOnlyKeys("A", "B", "C");
        assertThat(abc.get("A")).isEqualTo(Map.of("items", 1L, "revenue_share", 0.8));
        assertThat(abc.get("B")).isEqualTo(Map.of("items", 1L, "revenue_share", 0.15));
        assertThat(abc.get("C")).isEqualTo(Map.of("items", 1L, "revenue_share", 0.05));

        // one customer per quintile: C1 R5 F5 and C2 R4 F4 champions, C3 R3 F2 others, C4 R2 F3 at risk, C5 lost
        Map<String, Object> rfm = detail(indicator(retail, "rfm_segments"));
        assertThat(rfm).containsOnlyKeys("champions", "others", "at_risk", "lost");
        assertThat(segment(rfm, "champions")).containsEntry("customers", 2L).containsEntry("median_frequency", 9.0);
        assertThat(segment(rfm, "at_risk")).containsEntry("customers", 1L).containsEntry("median_recency_days", 200.0);
        assertThat(segment(rfm, "lost")).containsEntry("customers", 1L).containsEntry("median_recency_days", 400.0);
        assertThat(segment(rfm, "others")).containsEntry("customers", 1L).containsEntry("median_frequency", 4.0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> segment(Map<String, Object> rfm, String name) {
        return (Map<String, Object>) rfm.get(name);
    }

    @Test
    void anAskingPriceIsNoTransactionAmountButTheSoldPriceIs() throws Exception {
        AnalysisReport report = analyze("listings.csv", out -> {
            out.println("MLS #,List Date,City,List Price,Status,Sold Price");
            for (int i = 0; i < 300; i++) {
                int price = 200_000 + (i % 37) * 5_000;
                boolean sold = i % 4 != 0;
                out.printf(Locale.ROOT, "MLS%d,%s,%s,%d,%s,%s%n", 1000 + i, LocalDate.of(2024, 1, 1).plusDays(i),
                        i % 2 == 0 ? "Austin" : "Dallas", price, sold ? "Sold" : "Active",
                        sold ? String.valueOf(price - 3_000) : "");
            }
        });

        Kpis.Domain transactions = domain(report, "transactions");
        assertThat(transactions.columns()).containsEntry("amount", "Sold Price");
        assertThat(indicator(transactions, "volume").value()).isEqualTo(225);

        AnalysisReport unitPricesOnly = analyze("catalogue.csv", out -> {
            out.println("sku,updated,Unit Price");
            for (int i = 0; i < 300; i++) {
                out.printf(Locale.ROOT, "S%d,%s,%d.99%n", i, LocalDate.of(2024, 1, 1).plusDays(i), 5 + i % 40);
            }
        });
        assertThat(unitPricesOnly.kpis().domains()).noneMatch(d -> d.domain().equals("transactions"));
    }

    @Test
    void noDomainWithoutItsColumnsAndEachAbsenceIsExplained() throws Exception {
        AnalysisReport report = analyze("sensors.csv", out -> {
            out.println("sensor,reading_time,temperature,humidity");
            for (int i = 0; i < 200; i++) {
                out.printf(Locale.ROOT, "S%d,2024-01-01 %02d:%02d:00,%.1f,%d%n", i % 4, i / 60, i % 60,
                        20 + (i % 7) * 0.5, 40 + i % 11);
            }
        });

        assertThat(report.kpis().domains()).isEmpty();
        assertThat(report.kpis().notes()).anyMatch(n -> n.startsWith("price_series: needs"))
                .anyMatch(n -> n.startsWith("profit_and_loss: needs"))
                .anyMatch(n -> n.startsWith("transactions: needs"))
                .anyMatch(n -> n.startsWith("retail: needs"))
                .anyMatch(n -> n.startsWith("advertising: needs"));
        assertThat(report.keyFindings()).noneMatch(f -> f.kind().equals("kpi"));
    }

    /**
     * An ad platform's export, a row per campaign, device and day: rates are ratios of totals (a tablet's day of 40
     * impressions must not weigh like a phone's 40,000), a campaign that brought back less than it cost is named,
     * and spend is neither a transaction nor a sale.
     */
    @Test
    void anAdExportsRatesAreRatiosOfTotalsAndItsWorstReturnIsNamed() throws Exception {
        double[] totals = new double[5]; // impressions, clicks, spend, conversions, revenue
        double[] rowRates = {0};
        int[] rows = {0};
        String[] campaigns = {"Brand", "Generic", "Video"};
        double[] ctr = {0.08, 0.03, 0.004};
        double[] roas = {4.0, 1.5, 0.5};
        AnalysisReport report = analyze("ads.csv", out -> {
            out.println("Day,Campaign,Device,Impressions,Clicks,CTR,Conversions,Spend,Revenue,CPC");
            for (int day = 0; day < 60; day++) {
                for (int c = 0; c < 3; c++) {
                    for (int device = 0; device < 2; device++) {
                        long impressions = device == 0 ? 40_000 + day * 10L : 40 + day % 7;
                        long clicks = Math.round(impressions * ctr[c] * (device == 0 ? 1 : 3));
                        long conversions = clicks / 20;
                        double spend = clicks * 0.75;
                        double revenue = Math.round(spend * roas[c] * 100) / 100.0;
                        double[] row = {impressions, clicks, spend, conversions, revenue};
                        for (int k = 0; k < 5; k++) {
                            totals[k] += row[k];
                        }
                        rowRates[0] += (double) clicks / impressions;
                        rows[0]++;
                        out.printf(Locale.ROOT, "%s,%s,%s,%d,%d,%.2f%%,%d,%.2f,%.2f,%s%n",
                                LocalDate.of(2025, 1, 1).plusDays(day), campaigns[c], device == 0 ? "mobile" : "tablet",
                                impressions, clicks, 100.0 * clicks / impressions, conversions, spend, revenue,
                                clicks == 0 ? "" : String.format(Locale.ROOT, "%.2f", spend / clicks));
                    }
                }
            }
        });

        Kpis.Domain ads = domain(report, "advertising");
        assertThat(ads.columns()).containsEntry("impressions", "Impressions").containsEntry("clicks", "Clicks")
                .containsEntry("spend", "Spend").containsEntry("conversions", "Conversions")
                .containsEntry("revenue", "Revenue").containsEntry("dimension", "Campaign");
        assertThat(indicator(ads, "click_through_rate").value()).isCloseTo(totals[1] / totals[0], within(1e-12))
                .isNotCloseTo(rowRates[0] / rows[0], within(1e-3));
        assertThat(indicator(ads, "cost_per_click").value()).isCloseTo(totals[2] / totals[1], within(1e-9));
        assertThat(indicator(ads, "cost_per_conversion").value()).isCloseTo(totals[2] / totals[3], within(1e-9));
        assertThat(indicator(ads, "return_on_ad_spend").value()).isCloseTo(totals[4] / totals[2], within(1e-9));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> byCampaign = (List<Map<String, Object>>) indicator(ads, "by_campaign").detail();
        assertThat(byCampaign).extracting(row -> row.get("value")).containsExactly("Brand", "Generic", "Video");
        assertThat((Double) byCampaign.get(2).get("return_on_ad_spend")).isCloseTo(0.5, within(0.01));
        assertThat(report.keyFindings()).filteredOn(f -> f.kind().equals("kpi")).extracting(KeyFinding::sentence)
                .anyMatch(s -> s.startsWith("Of the 3 values of Campaign, Brand returned most per unit of Spend "
                        + "(ROAS 400 %") && s.contains("and Video least (ROAS 50 %") && s.endsWith("less than it cost."))
                .anyMatch(s -> s.contains("impressions gave") && s.contains("a return on ad spend of"));
        assertThat(report.kpis().domains()).extracting(Kpis.Domain::domain).doesNotContain("transactions", "retail");
        assertThat(report.kpis().notes()).contains("transactions and retail: the rows are advertising results "
                + "(impressions and clicks), not sales or payments.");
    }

    /**
     * Order lines priced from a catalogue of eight prices: their totals span two orders of magnitude but take a few
     * hundred values, a price list's digits, so no Benford test; whether a line was returned is told once, by the
     * Returned flag, though the return date says the same.
     */
    @Test
    void orderLinesFromAPriceListGetNoBenfordTestAndAReturnIsToldOnce() throws Exception {
        double[] prices = {899, 129, 349, 199, 12, 49, 19, 119};
        String[] categories = {"Electronics", "Electronics", "Furniture", "Furniture", "Kitchen", "Kitchen", "Apparel",
            "Apparel"};
        Random random = new Random(9);
        AnalysisReport report = analyze("lines.csv", out -> {
            out.println("order_id,order_date,product,category,quantity,line_total,returned,return_date");
            for (int i = 0; i < 6000; i++) {
                int p = random.nextInt(8);
                int quantity = 1 + random.nextInt(3);
                LocalDate day = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(365));
                boolean returned = random.nextDouble() < (categories[p].equals("Apparel") ? 0.2 : 0.03);
                out.printf(Locale.ROOT, "SO%06d,%s,P%d,%s,%d,%.2f,%s,%s%n", i / 2, day, p, categories[p], quantity,
                        quantity * prices[p], returned ? "Y" : "N", returned ? day.plusDays(3 + random.nextInt(20)) : "");
            }
        });

        assertThat(domain(report, "transactions").indicators()).noneMatch(i -> i.name().equals("benford_mad"));
        assertThat(report.kpis().notes()).anyMatch(n -> n.startsWith("transactions: line_total takes only ")
                && n.endsWith("amounts built from a price list, to which Benford's law does not apply."));
        assertThat(report.segments().flagRates()).anyMatch(r -> r.flag().equals("returned"))
                .noneMatch(r -> r.flag().equals("return_date"));
    }

    /** A shop's file with what it spent and what it sold: its revenue is what it sold, not what it spent. */
    @Test
    void retailRevenueIsTheRevenueColumnNotTheSpend() throws Exception {
        AnalysisReport report = analyze("shop.csv", out -> {
            out.println("date,category,spend,revenue");
            for (int i = 0; i < 300; i++) {
                out.printf(Locale.ROOT, "%s,%s,%d.25,%d.75%n", LocalDate.of(2024, 1, 1).plusDays(i / 3),
                        List.of("Toys", "Books", "Garden").get(i % 3), 10 + i % 13, 100 + i % 17);
            }
        });

        assertThat(domain(report, "retail").columns()).containsEntry("amount", "revenue");
        assertThat(report.kpis().domains()).noneMatch(d -> d.domain().equals("advertising"));
    }
}
