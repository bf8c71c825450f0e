package io.sygnify.analysis;

import io.sygnify.analysis.engine.ColumnRoles;
import io.sygnify.analysis.quality.MixedQuantities;
import io.sygnify.analysis.relationships.CoMovingGroups;
import io.sygnify.analysis.report.ColumnProfile;
import io.sygnify.analysis.report.KeyFinding;
import io.sygnify.analysis.report.Outliers;
import io.sygnify.analysis.report.Quality;
import io.sygnify.analysis.report.Relationships;
import io.sygnify.analysis.report.Segments;
import io.sygnify.analysis.report.TimeSeries;
import io.sygnify.analysis.segments.SegmentAnalysis;
import io.sygnify.analysis.time.UnusualPeriods;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

/** Each analysis on data built here with a known answer. */
class AnalysesTest {

    @TempDir
    Path dir;

    private AnalysisReport analyze(String name, Consumer<PrintWriter> content) throws Exception {
        return GeneratedCsv.analyze(dir, name, content);
    }

    private static List<String> kinds(AnalysisReport report) {
        return report.keyFindings().stream().map(KeyFinding::kind).toList();
    }

    private static String f(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    @Test
    void independentRandomNoiseYieldsNoTrendCorrelationSegmentOrSeasonFinding() throws Exception {
        Random random = new Random(20240601);
        AnalysisReport report = analyze("noise.csv", out -> {
            out.println("day,x1,x2,x3,x4,group,color,flag");
            LocalDate start = LocalDate.of(2022, 1, 1);
            String[] groups = {"g1", "g2", "g3", "g4"};
            String[] colors = {"red", "green", "blue"};
            for (int i = 0; i < 3000; i++) {
                out.println(start.plusDays(random.nextInt(730)) + "," + f(random.nextGaussian()) + ","
                        + f(random.nextGaussian() * 5 + 50) + "," + f(random.nextDouble() * 100) + ","
                        + f(random.nextGaussian()) + "," + groups[random.nextInt(4)] + ","
                        + colors[random.nextInt(3)] + "," + random.nextBoolean());
            }
        });

        assertThat(report.timeSeries().series()).isNotEmpty();
        assertThat(report.relationships().strongestPairs()).isNotEmpty();
        assertThat(kinds(report)).as("%s", report.keyFindings()).doesNotContain("trend", "correlation", "association", "segment_difference",
                "segment_concentration", "seasonality", "change_point", "functional_dependency", "period_change",
                "unusual_period");
        assertThat(report.timeSeries().series()).allMatch(s -> s.unusualPeriods().isEmpty());
    }

    @Test
    void linearRelationWithNoiseIsFoundCorrelated() throws Exception {
        Random random = new Random(1);
        AnalysisReport report = analyze("linear.csv", out -> {
            out.println("x,y,z");
            for (int i = 0; i < 500; i++) {
                double x = random.nextDouble() * 10;
                out.println(f(x) + "," + f(2 * x + random.nextGaussian()) + "," + f(random.nextGaussian()));
            }
        });

        KeyFinding finding = report.keyFindings().stream().filter(k -> k.kind().equals("correlation")).findFirst()
                .orElseThrow();
        assertThat(finding.evidence().columns()).containsExactly("x", "y");
        assertThat(finding.sentence()).contains("strongly positively correlated");
        assertThat(report.relationships().pearson().get(0).get(1)).isGreaterThan(0.9);
        assertThat(report.keyFindings()).filteredOn(k -> k.evidence().columns().contains("z")
                && k.kind().equals("correlation")).isEmpty();
    }

    /**
     * Five stocks: the cheaper ones trade in larger volumes, but within each stock price and volume are independent
     * — the correlation over all rows only compares the stocks. In a second file each group's x and y rise
     * together while the group means fall: Simpson's paradox. In a third the relation holds within the groups too.
     */
    @Test
    void aCorrelationMadeByGroupsIsSaidToLiveBetweenThemOrToReverseWithinThem() throws Exception {
        Random random = new Random(8);
        AnalysisReport stocks = analyze("panel.csv", out -> {
            out.println("ticker,price,volume");
            double[] prices = {12, 90, 150, 280, 500};
            double[] volumes = {60e6, 20e6, 12e6, 8e6, 5e6};
            for (int i = 0; i < 2000; i++) {
                int t = i % 5;
                out.println("T" + t + "," + f(prices[t] * (1 + 0.05 * random.nextGaussian())) + ","
                        + Math.round(volumes[t] * (1 + 0.2 * random.nextGaussian())));
            }
        });
        assertThat(stocks.relationships().pearson().get(0).get(1)).isLessThan(-0.4);
        assertThat(stocks.keyFindings()).filteredOn(k -> k.kind().equals("correlation")).singleElement()
                .satisfies(k -> {
                    assertThat(k.sentence()).matches("(price and volume|volume and price) are correlated over all "
                            + "rows \\(Pearson r = -0\\.\\d+\\) only because they differ by ticker: within each "
                            + "ticker, r = -?0\\.0\\d\\. ticker explains \\d+ % of the variance of .*");
                    assertThat(k.evidence().columns()).contains("ticker");
                });

        AnalysisReport simpson = analyze("simpson.csv", out -> {
            out.println("group,x,y");
            for (int i = 0; i < 1500; i++) {
                int g = i % 3;
                double x = 10 * g + 3 * random.nextGaussian();
                out.println("g" + g + "," + f(x) + "," + f(100 - 20 * g + (x - 10 * g) + random.nextGaussian()));
            }
        });
        assertThat(simpson.keyFindings()).filteredOn(k -> k.kind().equals("correlation")).singleElement()
                .satisfies(k -> assertThat(k.sentence()).contains("are negatively correlated over all rows")
                        .contains("but positively within each group").contains("Simpson's paradox"));

        AnalysisReport held = analyze("held.csv", out -> {
            out.println("group,x,y");
            for (int i = 0; i < 1500; i++) {
                int g = i % 3;
                double x = 10 * g + 3 * random.nextGaussian();
                out.println("g" + g + "," + f(x) + "," + f(2 * x + random.nextGaussian()));
            }
        });
        assertThat(held.keyFindings()).filteredOn(k -> k.kind().equals("correlation")).singleElement()
                .satisfies(k -> assertThat(k.sentence()).contains("strongly positively correlated")
                        .doesNotContain("within"));
    }

    @Test
    void measuresStronglyCorrelatedWithOneAnotherAreOneFindingNotOnePerPair() throws Exception {
        Random random = new Random(31);
        AnalysisReport report = analyze("cluster.csv", out -> {
            out.println("spend,clicks,conversions,returns,noise");
            for (int i = 0; i < 600; i++) {
                double x = random.nextGaussian();
                // each about 0.85 with the others: strong, but not one measure (that is 0.95)
                out.println(f(x + 0.4 * random.nextGaussian()) + "," + f(x + 0.4 * random.nextGaussian()) + ","
                        + f(x + 0.4 * random.nextGaussian()) + "," + f(-x + 0.4 * random.nextGaussian()) + ","
                        + f(random.nextGaussian()));
            }
        });

        List<KeyFinding> correlations = report.keyFindings().stream().filter(k -> k.kind().equals("correlation"))
                .toList();
        assertThat(correlations).anySatisfy(k -> {
            assertThat(k.sentence()).startsWith("spend, clicks and conversions are strongly positively correlated "
                    + "with one another (Pearson r or Spearman ρ 0.");
            assertThat(k.evidence().columns()).containsExactly("spend", "clicks", "conversions");
        });
        assertThat(correlations).as("no pair inside the cluster on its own").noneMatch(k ->
                k.evidence().columns().size() == 2 && !k.evidence().columns().contains("returns"));
        assertThat(correlations).as("falling as they rise: pairs of their own")
                .filteredOn(k -> k.evidence().columns().contains("returns")).hasSize(3)
                .allSatisfy(k -> assertThat(k.sentence()).contains("strongly negatively correlated"));
    }

    @Test
    void aMeasureMayJoinTwoClustersAndPairsInsideEitherAreNotToldAlone() throws Exception {
        Random random = new Random(33);
        AnalysisReport report = analyze("homes.csv", out -> {
            out.println("list_price,sold_price,sqft,beds,baths");
            for (int i = 0; i < 600; i++) {
                double rooms = random.nextGaussian();
                // about 0.8 between price and area and between area and rooms, so about 0.64 between price and rooms
                double area = rooms + 0.66 * random.nextGaussian();
                double price = area + 0.9 * random.nextGaussian();
                out.println(f(price) + "," + f(price + 0.05 * random.nextGaussian()) + "," + f(area) + ","
                        + f(rooms + 0.3 * random.nextGaussian()) + "," + f(rooms + 0.3 * random.nextGaussian()));
            }
        });

        List<KeyFinding> correlations = report.keyFindings().stream().filter(k -> k.kind().equals("correlation"))
                .toList();
        assertThat(correlations).filteredOn(k -> k.sentence().contains("with one another"))
                .extracting(k -> k.evidence().columns())
                .containsExactlyInAnyOrder(List.of("list_price", "sold_price", "sqft"), List.of("sqft", "beds", "baths"));
        assertThat(correlations).as("no pair inside a cluster on its own").noneMatch(k ->
                k.evidence().columns().size() == 2 && (k.evidence().columns().contains("sqft")
                        || List.of("beds", "baths").containsAll(k.evidence().columns())));
    }

    @Test
    void feesWithZerosAreJudgedOnALogScaleAmongTheNonZeroOnesAndCustomerEmailsAreIdentifiers() throws Exception {
        Random random = new Random(32);
        AnalysisReport report = analyze("fees.csv", out -> {
            out.println("customer_email,buyer,fee");
            for (int i = 0; i < 3000; i++) {
                // failed payments cost nothing; the others' fees are log-normal, one of them absurd
                String fee = i == 500 ? "5000" : i % 12 == 0 ? "0" : f(Math.exp(1 + 0.8 * random.nextGaussian()));
                out.println("user" + random.nextInt(300) + "@example.com,b" + random.nextInt(1500) + "," + fee);
            }
        });

        Outliers.ColumnOutliers fee = outliers(report, "fee");
        assertThat(fee.scale()).isEqualTo(Outliers.LOG);
        assertThat(fee.count()).as("a linear scale took the long tail for outliers").isLessThanOrEqualTo(3);
        assertThat(fee.rows()).extracting(Outliers.OutlierRow::row).contains(501L);
        assertThat(report.keyFindings()).anySatisfy(k -> assertThat(k.sentence()).startsWith("fee has ")
                .contains("of its non-zero values, robust z-score above 3.50 on a log scale"));
        assertThat(report.columns().get(0).role()).as("300 e-mails").isEqualTo(ColumnRoles.IDENTIFIER);
        assertThat(report.columns().get(1).role()).as("1,300 short labels, each twice").isEqualTo(ColumnRoles.IDENTIFIER);
    }

    @Test
    void plantedOutliersAreFoundAndListedWithTheirRows() throws Exception {
        Random random = new Random(2);
        AnalysisReport report = analyze("outliers.csv", out -> {
            out.println("id,value");
            for (int i = 1; i <= 1000; i++) {
                double value = i == 100 || i == 500 || i == 900 ? 1000 + i : 100 + random.nextGaussian() * 10;
                out.println(i + "," + f(value));
            }
        });

        Outliers.ColumnOutliers value = outliers(report, "value");
        assertThat(value.rows()).extracting(Outliers.OutlierRow::row).startsWith(900L, 500L, 100L);
        assertThat(value.rows().get(0).values()).containsEntry("id", 900L);
        assertThat(value.high()).isGreaterThanOrEqualTo(3);
        assertThat(report.keyFindings()).anySatisfy(k -> {
            assertThat(k.kind()).isEqualTo("outliers");
            assertThat(k.evidence().rows()).contains(100L, 500L, 900L);
        });
    }

    /**
     * Daily sales of a slow and a fast product: the fast one's ordinary days lie far above the range of both
     * together, and are no outliers; the slow one's day of 40, inside that range, is — for the slow product.
     */
    @Test
    void outliersOfAMeasureACategoryExplainsAreJudgedWithinItsGroups() throws Exception {
        Random random = new Random(18);
        AnalysisReport report = analyze("sales.csv", out -> {
            out.println("date,product,units");
            for (int day = 0; day < 200; day++) {
                LocalDate date = LocalDate.of(2024, 1, 1).plusDays(day);
                for (int p = 0; p < 4; p++) {
                    double mean = p == 3 ? 200 : 10 + p;
                    long units = day == 120 && p == 0 ? 40 : Math.max(0, Math.round(mean * (1
                            + random.nextGaussian() * 0.1)));
                    out.println(date + ",P" + p + "," + units);
                }
            }
        });

        Outliers.ColumnOutliers units = outliers(report, "units");
        assertThat(units.count()).as("the fast product's days, outside the range over all rows").isGreaterThan(100);
        assertThat(units.within()).isEqualTo("product");
        assertThat(units.withinCount()).isEqualTo(1);
        long planted = 120 * 4 + 1;
        assertThat(report.keyFindings()).filteredOn(k -> k.kind().equals("outliers")).singleElement()
                .satisfies(k -> {
                    assertThat(k.sentence()).startsWith("units has 1 value out of line for its product ")
                            .contains("the most extreme is 40 at row " + planted);
                    assertThat(k.evidence().rows()).containsExactly(planted);
                });
    }

    /** A day out of line in every measure (a campaign) is one finding, naming the day; a lone outlier names it too. */
    @Test
    void aRowThatIsTheOnlyOutlierOfSeveralMeasuresIsOneFindingNamedByItsDate() throws Exception {
        Random random = new Random(21);
        AnalysisReport report = analyze("daily.csv", out -> {
            out.println("Date,Sessions,Orders,Basket Size");
            for (int day = 0; day < 300; day++) {
                boolean campaign = day == 200;
                double basket = day == 50 ? 400 : 40 + random.nextGaussian() * 3;
                out.printf(Locale.ROOT, "%s,%d,%d,%.2f%n", LocalDate.of(2024, 1, 1).plusDays(day),
                        (campaign ? 5000 : 1000) + random.nextInt(80), (campaign ? 300 : 50) + random.nextInt(8), basket);
            }
        });

        assertThat(report.keyFindings()).filteredOn(k -> k.kind().equals("outliers")).satisfiesExactlyInAnyOrder(
                both -> {
                    assertThat(both.sentence()).startsWith("Row 201 (Date 2024-07-19) is the only outlier in Sessions "
                            + "and Orders: Sessions 5,0");
                    assertThat(both.evidence().columns()).containsExactly("Sessions", "Orders");
                    assertThat(both.evidence().rows()).containsExactly(201L);
                },
                basket -> assertThat(basket.sentence()).contains("the most extreme is 400 at row 51 (Date 2024-02-20);"));
        // the quality alerts keep one per column, and none of them is a key finding of its own
        assertThat(report.quality().alerts()).filteredOn(a -> a.kind().equals("outliers")).hasSize(3);
    }

    /** A ledger's balance, oldest row first: the previous balance plus the amount, to the cent. */
    private static void ledger(PrintWriter out, boolean newestFirst, Set<Integer> left) {
        Random random = new Random(4);
        List<String> lines = new java.util.ArrayList<>();
        double balance = 500;
        for (int i = 1; i <= 120; i++) {
            double amount = i % 10 == 0 ? 1500 : -Math.round(random.nextDouble() * 20_000) / 100.0;
            balance += amount;
            if (!left.contains(i)) {
                lines.add(LocalDate.of(2024, 1, 1).plusDays(i) + "," + f(amount) + "," + f(balance));
            }
        }
        if (newestFirst) {
            java.util.Collections.reverse(lines);
        }
        out.println("date,amount,running balance");
        lines.forEach(out::println);
    }

    @Test
    void aBalanceThatIsTheRunningTotalOfTheAmountIsADependencyInEitherOrder() throws Exception {
        for (boolean newestFirst : new boolean[] {false, true}) {
            AnalysisReport report = analyze("ledger-" + newestFirst + ".csv", out -> ledger(out, newestFirst, Set.of()));

            assertThat(report.relationships().dependencies()).singleElement().satisfies(d -> {
                assertThat(d.kind()).isEqualTo("running_total");
                assertThat(d.target()).isEqualTo("running balance");
                assertThat(d.sources()).containsExactly("amount");
                assertThat(d.expression()).isEqualTo("running balance = " + (newestFirst ? "next" : "previous")
                        + " row's running balance + amount");
                assertThat(d.rowsChecked()).isEqualTo(119);
            });
            assertThat(report.quality().alerts()).noneMatch(a -> a.kind().equals("broken_running_total"));
        }
    }

    /** The booking date, first in the file, is the time axis, though the value date has a few more days. */
    @Test
    void ofTwoCompleteDateColumnsAboutAsVariedTheFirstIsTheTimeAxis() throws Exception {
        AnalysisReport report = analyze("booked.csv", out -> {
            out.println("booked,value_date,amount");
            for (int i = 0; i < 300; i++) {
                LocalDate booked = LocalDate.of(2024, 1, 1).plusDays(i / 2);
                out.println(booked + "," + booked.plusDays(i % 2) + "," + (10 + i % 17));
            }
        });

        java.util.function.Function<String, Long> distinct = name -> report.columns().stream()
                .filter(c -> c.name().equals(name)).findFirst().orElseThrow().distinctCount();
        assertThat(distinct.apply("value_date")).isGreaterThan(distinct.apply("booked"));
        assertThat(report.timeSeries().timeColumn()).isEqualTo("booked");
    }

    /** A bank export with a Debit and a Credit column, one of them blank on each row. */
    @Test
    void aBalanceMovedByCreditsAndDebitsIsTheirRunningTotal() throws Exception {
        Random random = new Random(6);
        AnalysisReport report = analyze("statement.csv", out -> {
            out.println("Date,Description,Debit,Credit,Balance");
            double balance = 800;
            for (int i = 1; i <= 150; i++) {
                boolean credit = i % 12 == 0;
                double amount = credit ? 2400 + i : Math.round(random.nextDouble() * 15_000) / 100.0 + 1;
                balance += credit ? amount : -amount;
                out.println(LocalDate.of(2024, 1, 1).plusDays(i) + "," + (credit ? "Salary" : "Card") + ","
                        + (credit ? "" : f(amount)) + "," + (credit ? f(amount) : "") + "," + f(balance));
            }
        });

        assertThat(report.relationships().dependencies()).filteredOn(d -> d.kind().equals("running_total"))
                .singleElement().satisfies(d -> {
                    assertThat(d.expression()).isEqualTo("Balance = previous row's Balance + Credit − Debit");
                    assertThat(d.sources()).containsExactly("Credit", "Debit");
                    assertThat(d.rowsChecked()).isEqualTo(149);
                });
    }

    /**
     * An epidemic's daily figures per country, rows in date order: {@code total_cases} adds up each country's
     * {@code new_cases} over its own days. A running total, not an amount: no transactions KPIs, no "outliers" in its
     * first small days, no correlation of two totals that both only grow, and no weekly pattern of its own.
     */
    @Test
    void aTotalThatAddsUpEachEntitysDailyFiguresIsARunningTotalPerEntity() throws Exception {
        Random random = new Random(11);
        AnalysisReport report = analyze("epidemic.csv", out -> {
            out.println("date,location,new_cases,total_cases,new_deaths,total_deaths");
            String[] locations = {"France", "Germany", "Italy", "Spain"};
            long[] cases = new long[locations.length];
            long[] deaths = new long[locations.length];
            for (int day = 0; day < 200; day++) {
                LocalDate date = LocalDate.of(2020, 3, 1).plusDays(day);
                for (int l = 0; l < locations.length; l++) {
                    double wave = 2000 * (l + 1) * Math.exp(-Math.pow((day - 90) / 30.0, 2));
                    long fresh = Math.max(0, Math.round(wave + random.nextGaussian() * Math.sqrt(wave + 1) * 3));
                    long died = Math.max(0, Math.round(fresh * 0.012 + random.nextGaussian()));
                    cases[l] += fresh;
                    deaths[l] += died;
                    out.println(date + "," + locations[l] + "," + fresh + "," + cases[l] + "," + died + ","
                            + deaths[l]);
                }
            }
        });

        assertThat(report.relationships().dependencies()).filteredOn(d -> d.kind().equals("running_total"))
                .extracting(Relationships.Dependency::expression).containsExactlyInAnyOrder(
                        "total_cases = total_cases of location's previous date + new_cases",
                        "total_deaths = total_deaths of location's previous date + new_deaths");
        assertThat(report.keyFindings()).anySatisfy(k -> assertThat(k.sentence()).isEqualTo("total_cases is a "
                + "running total per location: each row's total_cases is the same location's previous one (by date) "
                + "plus its new_cases, on all 796 rows after each location's first."));
        assertThat(report.kpis().domains()).noneMatch(d -> d.domain().equals("transactions"));
        assertThat(report.outliers().columns()).noneMatch(c -> c.column().startsWith("total_"));
        assertThat(report.relationships().numericColumns()).doesNotContain("total_cases", "total_deaths");
        assertThat(report.keyFindings()).noneMatch(k -> k.kind().equals("correlation")
                && k.evidence().columns().contains("total_deaths"));
        TimeSeries.Series total = series(report, "total_cases");
        assertThat(total.aggregate()).isEqualTo("mean");
        assertThat(total.seasonality()).isEmpty();
    }

    /**
     * A shop's stock per product and day: each day's on_hand is the product's previous one plus what came in less
     * what was sold — a running balance per product of two flows named like goods in and out.
     */
    @Test
    void stockOnHandIsARunningBalanceOfGoodsInLessGoodsOutPerProduct() throws Exception {
        Random random = new Random(17);
        AnalysisReport report = analyze("stock.csv", out -> {
            out.println("date,sku,units_received,units_sold,on_hand");
            int[] stock = {200, 60, 400};
            int[] rate = {20, 5, 50};
            for (int day = 0; day < 60; day++) {
                for (int s = 0; s < stock.length; s++) {
                    int sold = Math.min(stock[s], Math.max(0, (int) Math.round(rate[s] * (1 + random.nextGaussian()
                            * 0.3))));
                    int received = stock[s] - sold < 2 * rate[s] ? 10 * rate[s] : 0;
                    stock[s] += received - sold;
                    out.println(LocalDate.of(2024, 1, 1).plusDays(day) + ",SKU-" + s + "," + received + "," + sold
                            + "," + stock[s]);
                }
            }
        });

        assertThat(report.relationships().dependencies()).filteredOn(d -> d.kind().equals("running_total"))
                .singleElement().satisfies(d -> {
                    assertThat(d.expression()).isEqualTo("on_hand = on_hand of sku's previous date + units_received "
                            + "− units_sold");
                    assertThat(d.rowsChecked()).isEqualTo(177);
                });
    }

    /**
     * The same epidemic as counts to date only, one per country and day: {@code Confirmed} never falls along each
     * country's days. Its series is of its daily increases, where the halved weekends are; its level is in no
     * correlation, outlier or segment. A country's population, which grows a little every day from tens of
     * millions, is a level, not a count to date.
     */
    @Test
    void aCountToDateIsFollowedByItsIncreases() throws Exception {
        Random random = new Random(13);
        AnalysisReport report = analyze("confirmed.csv", out -> {
            out.println("Date,Country,Confirmed,Deaths,Population");
            String[] countries = {"France", "Germany", "Italy"};
            long[] confirmed = new long[countries.length];
            long[] deaths = new long[countries.length];
            for (int day = 0; day < 150; day++) {
                LocalDate date = LocalDate.of(2020, 3, 2).plusDays(day);
                double week = date.getDayOfWeek().getValue() > 5 ? 0.5 : 1.2;
                for (int c = 0; c < countries.length; c++) {
                    double wave = 1500 * (c + 1) * Math.exp(-Math.pow((day - 70) / 30.0, 2)) * week;
                    long fresh = Math.max(0, Math.round(wave * (1 + random.nextGaussian() * 0.05)));
                    confirmed[c] += fresh;
                    deaths[c] += Math.round(fresh * 0.01);
                    out.println(date + "," + countries[c] + "," + confirmed[c] + "," + deaths[c] + ","
                            + ((c + 1) * 10_000_000 + day * 1_000));
                }
            }
        });

        assertThat(report.quality().alerts()).filteredOn(a -> a.kind().equals("cumulative"))
                .extracting(a -> a.columns().get(0)).containsExactlyInAnyOrder("Confirmed", "Deaths");
        assertThat(report.quality().alerts()).filteredOn(a -> a.kind().equals("cumulative")).first()
                .satisfies(a -> assertThat(a.message()).startsWith("Confirmed never falls along each Country's Date "
                        + "and rises on "));
        TimeSeries.Series confirmed = series(report, "Confirmed");
        assertThat(confirmed.aggregate()).isEqualTo("increase");
        assertThat(confirmed.values().get(1)).as("the second day's new cases of all countries").isPositive();
        assertThat(confirmed.seasonality()).filteredOn(s -> s.kind().equals("weekly")).singleElement()
                .satisfies(s -> assertThat(s.significant()).isTrue());
        assertThat(report.relationships().numericColumns()).doesNotContain("Confirmed", "Deaths");
        assertThat(report.outliers().columns()).noneMatch(c -> c.column().equals("Confirmed"));
        assertThat(report.segments().breakdowns()).noneMatch(b -> b.measure().equals("Confirmed"));
        assertThat(series(report, "Population").aggregate()).isNotEqualTo("increase");
        assertThat(report.quality().alerts()).noneMatch(a -> a.kind().equals("cumulative")
                && a.columns().contains("Population"));
        assertThat(report.keyFindings()).anySatisfy(k -> assertThat(k.sentence())
                .startsWith("At the last Date (2020-07-29), Confirmed stood at ")
                .contains(" over 3 values of Country: Italy ").contains("; France least ("));
    }

    /**
     * Daily counts that rise and fall in two waves, halved at weekends: the week is measured from each day's own
     * week, not from one straight line the waves swamp.
     */
    @Test
    void aWeeklyPatternUnderWavesOfTheLevelIsFound() throws Exception {
        Random random = new Random(12);
        AnalysisReport report = analyze("waves.csv", out -> {
            out.println("date,visits");
            for (int day = 0; day < 365; day++) {
                LocalDate date = LocalDate.of(2024, 1, 1).plusDays(day);
                double level = 200 + 5000 * Math.exp(-Math.pow((day - 80) / 25.0, 2))
                        + 9000 * Math.exp(-Math.pow((day - 260) / 40.0, 2));
                double week = date.getDayOfWeek().getValue() > 5 ? 0.5 : 1.2;
                out.println(date + "," + Math.round(level * week * (1 + random.nextGaussian() * 0.05)));
            }
        });

        TimeSeries.Series visits = series(report, "visits");
        assertThat(visits.seasonality()).filteredOn(s -> s.kind().equals("weekly")).singleElement()
                .satisfies(s -> {
                    assertThat(s.significant()).isTrue();
                    assertThat(s.profile().get(5)).isLessThan(0.8);
                    assertThat(s.profile().get(0)).isGreaterThan(1.05);
                });
    }

    @Test
    void aRunningBalanceWithMissingTransactionsNamesTheRowsWhereItBreaks() throws Exception {
        // transactions 31 and 77 left out: the rows after them, 31 (transaction 32) and 76 (transaction 78), break
        AnalysisReport report = analyze("gaps.csv", out -> ledger(out, false, Set.of(31, 77)));

        assertThat(report.relationships().dependencies()).noneMatch(d -> d.kind().equals("running_total"));
        assertThat(report.quality().alerts()).filteredOn(a -> a.kind().equals("broken_running_total")).singleElement()
                .satisfies(a -> {
                    assertThat(a.severity()).isEqualTo("warning");
                    assertThat(a.message()).startsWith("running balance is a running balance of amount (the previous "
                            + "row's plus its amount) on 115 of 117 rows, but not on 2 (rows 31 and 76)");
                });
        assertThat(report.keyFindings()).anySatisfy(k -> {
            assertThat(k.evidence().chartKey()).isEqualTo("quality:broken_running_total");
            assertThat(k.evidence().rows()).containsExactly(31L, 76L);
        });
        assertThat(report.quality().deductions()).anySatisfy(d -> {
            assertThat(d.dimension()).isEqualTo("integrity");
            assertThat(d.points()).isEqualTo(10.0);
        });
    }

    /** Four years of orders, counted per week, with a busy November and December every year. */
    @Test
    void weeklySeriesOverYearsHaveTheirMonthOfYearPattern() throws Exception {
        Random random = new Random(12);
        AnalysisReport report = analyze("orders-by-week.csv", out -> {
            out.println("order_date,sales");
            for (int i = 0; i < 5000; i++) {
                LocalDate date = LocalDate.of(2021, 1, 1).plusDays(random.nextInt(1461));
                if (random.nextDouble() < 0.3) {
                    date = date.withMonth(11 + random.nextInt(2)).withDayOfMonth(1 + random.nextInt(28));
                }
                out.println(date + "," + f(50 + random.nextDouble() * 100));
            }
        });

        assertThat(report.timeSeries().period()).isEqualTo("week");
        TimeSeries.Seasonality yearly = series(report, "rows").seasonality().stream()
                .filter(s -> s.kind().equals("yearly")).findFirst().orElseThrow();
        assertThat(yearly.significant()).isTrue();
        // November and December, each about 2.5 times an ordinary month's weeks
        assertThat(yearly.profile().get(10)).isGreaterThan(2.0);
        assertThat(yearly.profile().get(11)).isGreaterThan(2.0);
        assertThat(yearly.profile().get(5)).isLessThan(1.0);
        assertThat(report.keyFindings()).anySatisfy(k -> assertThat(k.sentence())
                .startsWith("The number of rows per week of order_date follows a yearly pattern: "));
        // the last week of December is expected to be busy: no anomaly
        assertThat(report.keyFindings()).noneMatch(k -> k.kind().equals("last_period_anomaly")
                && k.sentence().contains("The number of rows"));
    }

    /** A profit crosses zero: a small one is as ordinary as a large one, and its tails are judged by ratio. */
    @Test
    void aProfitNearZeroIsNoOutlierOnItsSignedLogScale() throws Exception {
        Random random = new Random(13);
        AnalysisReport report = analyze("profits.csv", out -> {
            out.println("order,Profit");
            for (int i = 1; i <= 3000; i++) {
                double sales = Math.exp(4 + random.nextGaussian());
                double profit = i == 1500 ? 0.01 : i == 2500 ? 250_000 : sales * (random.nextDouble() * 0.6 - 0.15);
                out.println(i + "," + f(profit));
            }
        });

        Outliers.ColumnOutliers profit = outliers(report, "Profit");
        assertThat(profit.scale()).isEqualTo(Outliers.SIGNED_LOG);
        assertThat(profit.rows()).extracting(Outliers.OutlierRow::row).contains(2500L).doesNotContain(1500L);
        assertThat(profit.lowerFence()).isNegative();
    }

    @Test
    void theTopLevelsOfASmallIntegerColumnAreNoOutliersButAValueBeyondAGapIs() throws Exception {
        // quantities 1 … 10, mostly 1 to 3 (median 2, MAD 1: a robust z-score puts 8, 9 and 10 beyond 7.19);
        // units 1 … 5 with two rows of 1,000
        Random random = new Random(18);
        AnalysisReport report = analyze("baskets.csv", out -> {
            out.println("quantity,units");
            for (int i = 1; i <= 2000; i++) {
                int r = i % 100;
                int quantity = r < 30 ? 1 : r < 55 ? 2 : r < 75 ? 3 : r < 97 ? 4 + (r - 75) % 4 : 8 + (r - 97);
                int units = i == 700 || i == 1400 ? 1000 : 1 + random.nextInt(5);
                out.println(quantity + "," + units);
            }
        });

        Outliers.ColumnOutliers quantity = outliers(report, "quantity");
        assertThat(quantity.scale()).isEqualTo("linear");
        assertThat(quantity.count()).isZero();
        assertThat(quantity.upperFence()).isEqualTo(10.0);
        Outliers.ColumnOutliers units = outliers(report, "units");
        assertThat(units.count()).isEqualTo(2);
        assertThat(units.rows()).extracting(Outliers.OutlierRow::row).containsExactlyInAnyOrder(700L, 1400L);
        assertThat(report.keyFindings()).filteredOn(k -> k.kind().equals("outliers"))
                .extracting(k -> k.evidence().columns()).containsExactly(List.of("units"));
    }

    @Test
    void heavyTailedAmountsAreAssessedOnALogScale() throws Exception {
        // log-normal amounts: on a linear scale their ordinary tail would be flagged; on a log scale only the
        // planted 50-million amount (about 17 standard deviations out in logs) is
        Random random = new Random(12);
        AnalysisReport report = analyze("amounts.csv", out -> {
            out.println("id,amount");
            for (int i = 1; i <= 2000; i++) {
                double amount = i == 1234 ? 50_000_000 : Math.exp(3 + random.nextGaussian());
                out.println(i + "," + f(amount));
            }
        });

        Outliers.ColumnOutliers amount = outliers(report, "amount");
        assertThat(amount.scale()).isEqualTo("log");
        assertThat(amount.method()).isEqualTo("modified_z");
        assertThat(amount.rows()).extracting(Outliers.OutlierRow::row).first().isEqualTo(1234L);
        assertThat(amount.upperFence()).isLessThan(50_000_000.0);
        // a log-normal sample has almost nothing beyond a modified z of 3.5 in logs
        assertThat(amount.share()).isLessThan(0.005);
    }

    @Test
    void amountsWithRefundsAreSizedOnALogScaleSoAnExtremeRefundIsFound() throws Exception {
        // log-normal sales, one in ten refunded at a similar size, one planted 50-million refund and no other
        // extreme: judged by size on a log scale, only the planted refund is far out; before, refunds were skipped
        Random random = new Random(12);
        AnalysisReport report = analyze("refunds.csv", out -> {
            out.println("id,amount");
            for (int i = 1; i <= 2000; i++) {
                double size = Math.exp(3 + random.nextGaussian());
                double amount = i == 777 ? -50_000_000 : i % 10 == 0 ? -size : size;
                out.println(i + "," + f(amount));
            }
        });

        Outliers.ColumnOutliers amount = outliers(report, "amount");
        assertThat(amount.scale()).isEqualTo("log_magnitude");
        assertThat(amount.assessed()).isEqualTo(2000);
        assertThat(amount.rows()).extracting(Outliers.OutlierRow::row).first().isEqualTo(777L);
        assertThat(amount.rows().get(0).value()).isEqualTo(-50_000_000.0);
        assertThat(amount.high()).isPositive();
        assertThat(amount.upperFence()).isBetween(100.0, 50_000_000.0);
        assertThat(amount.share()).isLessThan(0.005);
        assertThat(report.keyFindings()).anySatisfy(k -> assertThat(k.sentence()).startsWith("amount has ")
                .contains("on a log scale of their size").contains("-50,000,000 at row 777").endsWith(" either way."));
    }

    @Test
    void aPriceHistorysOpenHighLowAndCloseAreOneFindingNotTenPairs() throws Exception {
        Random random = new Random(5);
        AnalysisReport report = analyze("prices.csv", out -> {
            out.println("Date,Open,High,Low,Close,Adj Close,Volume");
            double price = 100;
            LocalDate day = LocalDate.of(2021, 1, 4);
            for (int i = 0; i < 900; i++, day = day.plusDays(day.getDayOfWeek().getValue() == 5 ? 3 : 1)) {
                double open = price;
                double close = price * Math.exp(0.0003 + 0.015 * random.nextGaussian());
                double high = Math.max(open, close) * (1 + Math.abs(0.005 * random.nextGaussian()));
                double low = Math.min(open, close) * (1 - Math.abs(0.005 * random.nextGaussian()));
                out.println(day + "," + f(open) + "," + f(high) + "," + f(low) + "," + f(close) + "," + f(close) + ","
                        + Math.round(Math.exp(14 + 0.4 * random.nextGaussian())));
                price = close;
            }
        });

        List<KeyFinding> correlations = report.keyFindings().stream().filter(k -> k.kind().equals("correlation"))
                .toList();
        assertThat(correlations).hasSize(1);
        assertThat(correlations.get(0).sentence()).startsWith("Open, High, Low, Close and Adj Close move together "
                + "(|Pearson r| ").contains(" between every pair, n ≥ 900, p < 0.001)").endsWith("in effect one measure.");
        assertThat(correlations.get(0).evidence().columns()).containsExactly("Open", "High", "Low", "Close",
                "Adj Close");
        Set<String> prices = Set.of("Open", "High", "Low", "Close", "Adj Close");
        // a kind's findings about the prices are about one of them
        for (String kind : List.of("trend", "outliers", "seasonality", "change_point")) {
            assertThat(report.keyFindings().stream().filter(k -> k.kind().equals(kind))
                    .filter(k -> prices.containsAll(k.evidence().columns())).map(k -> k.evidence().columns())
                    .distinct()).as(kind).hasSizeLessThanOrEqualTo(1);
        }
        // a random walk wanders; corrected for its persistence, that is neither a trend nor a shift in level
        assertThat(report.keyFindings()).noneSatisfy(k -> assertThat(k.kind()).isIn("trend", "change_point"));
        assertThat(report.quality().alerts().stream().filter(a -> a.kind().equals("high_correlation"))
                .map(Quality.Alert::message)).containsExactlyInAnyOrder(
                "Open, High, Low, Close and Adj Close move together (|r| ≥ 0.95): all but one may be redundant.",
                "Exact dependency: Adj Close = Close on all 900 rows; Adj Close adds no information.");
        // no "normal range" below the smallest volume: a fence beyond the values stops at them
        Outliers.ColumnOutliers volume = outliers(report, "Volume");
        ColumnProfile volumes = report.columns().stream().filter(c -> c.name().equals("Volume")).findFirst()
                .orElseThrow();
        assertThat(volume.low()).isZero();
        assertThat(volume.lowerFence()).isEqualTo(((Number) volumes.min()).doubleValue()).isPositive();
        // the sections still tell every pair and every series
        assertThat(report.relationships().strongestPairs()).hasSizeGreaterThanOrEqualTo(10);
        assertThat(report.timeSeries().series()).extracting(TimeSeries.Series::measure)
                .contains("Open", "High", "Close", "Adj Close");
    }

    @Test
    void measuresLinkedThroughEachOtherAreOneGroup() {
        double[][] r = {
            {1, 0.97, 0.2, 0.1},
            {0.97, 1, 0.96, 0.0},
            {0.2, 0.96, 1, -0.99},
            {0.1, 0.0, -0.99, 1},
        };
        assertThat(CoMovingGroups.of(r)).containsExactly(List.of(0, 1, 2, 3));
        assertThat(CoMovingGroups.of(new double[][] {{1, 0.5}, {0.5, 1}})).isEmpty();
    }

    @Test
    void aShiftInLevelIsAChangePointAndTheForecastHasAnInterval() throws Exception {
        Random random = new Random(13);
        AnalysisReport report = analyze("shift.csv", out -> {
            out.println("day,orders");
            LocalDate start = LocalDate.of(2024, 1, 1);
            for (int i = 0; i < 120; i++) {
                // 100 a day until 10 March (day 70), 160 from then on
                out.println(start.plusDays(i) + "," + Math.round((i < 70 ? 100 : 160) + random.nextGaussian() * 5));
            }
        });

        TimeSeries.Series orders = series(report, "orders");
        assertThat(orders.changePoints()).anySatisfy(point -> {
            assertThat(point.period()).isEqualTo("2024-03-11");
            assertThat(point.before()).isBetween(95.0, 105.0);
            assertThat(point.after()).isBetween(155.0, 165.0);
            assertThat(point.pValue()).isLessThan(0.001);
        });
        assertThat(report.keyFindings()).anySatisfy(k -> {
            assertThat(k.kind()).isEqualTo("change_point");
            assertThat(k.sentence()).contains("at 2024-03-11");
        });
        TimeSeries.Forecast forecast = orders.forecast();
        assertThat(forecast.periods()).first().isEqualTo("2024-04-30");
        for (int h = 0; h < forecast.values().size(); h++) {
            assertThat(forecast.lower().get(h)).isLessThanOrEqualTo(forecast.values().get(h));
            assertThat(forecast.upper().get(h)).isGreaterThanOrEqualTo(forecast.values().get(h));
        }
    }

    @Test
    void severalShiftsAreOneFindingWhoseLevelsChain() throws Exception {
        Random random = new Random(21);
        AnalysisReport report = analyze("shifts.csv", out -> {
            out.println("day,orders");
            LocalDate start = LocalDate.of(2024, 1, 1);
            for (int i = 0; i < 150; i++) {
                // 100 a day, 160 from day 50 (20 February), 120 from day 100 (10 April)
                int level = i < 50 ? 100 : i < 100 ? 160 : 120;
                out.println(start.plusDays(i) + "," + Math.round(level + random.nextGaussian() * 5));
            }
        });

        List<TimeSeries.ChangePoint> points = series(report, "orders").changePoints();
        assertThat(points).extracting(TimeSeries.ChangePoint::period).containsExactly("2024-02-20", "2024-04-10");
        assertThat(points.get(0).before()).isBetween(95.0, 105.0);
        assertThat(points.get(0).after()).isBetween(155.0, 165.0).isEqualTo(points.get(1).before());
        assertThat(points.get(1).after()).isBetween(115.0, 125.0);
        List<KeyFinding> shifts = report.keyFindings().stream()
                .filter(k -> k.kind().equals("change_point") && k.evidence().columns().equals(List.of("orders")))
                .toList();
        assertThat(shifts).singleElement().satisfies(k -> assertThat(k.sentence())
                .startsWith("orders (per day) shifted in level 2 times: median ")
                .contains("at first, ").contains(" from 2024-02-20 and ").endsWith(" from 2024-04-10 (Pettitt "
                        + "tests, each p < 0.001)."));
    }

    @Test
    void sumsThatShareTheRowCountsPatternAreToldWithIt() throws Exception {
        Random random = new Random(22);
        AnalysisReport report = analyze("weekly-orders.csv", out -> {
            out.println("day,amount,unit_price");
            LocalDate start = LocalDate.of(2024, 1, 1);
            for (int i = 0; i < 140; i++) {
                LocalDate day = start.plusDays(i);
                // twice the orders at weekends; amounts per order the same every day; prices higher on Mondays
                int orders = day.getDayOfWeek().getValue() >= 6 ? 40 : 20;
                for (int k = 0; k < orders; k++) {
                    double price = (day.getDayOfWeek().getValue() == 1 ? 30 : 10) + random.nextGaussian();
                    out.println(day + "," + f(50 + random.nextGaussian() * 5) + "," + f(price));
                }
            }
        });

        assertThat(series(report, "amount").seasonality()).anySatisfy(s -> assertThat(s.significant()).isTrue());
        List<KeyFinding> weekly = report.keyFindings().stream().filter(k -> k.kind().equals("seasonality")).toList();
        assertThat(weekly).anySatisfy(k -> {
            assertThat(k.sentence()).startsWith("The number of rows per day follows a weekly pattern: Saturday is ")
                    .endsWith("; so does amount (sum per day).");
            assertThat(k.evidence().columns()).containsExactly("amount");
        });
        assertThat(weekly).as("the mean price has a rhythm of its own").anySatisfy(k ->
                assertThat(k.sentence()).startsWith("unit_price (mean per day) follows a weekly pattern: Monday"));
        assertThat(weekly).hasSize(2);
    }

    @Test
    void aCampaignTableSaysOnceWhatItsCampaignsExplainWhatGoesTogetherAndWhenItPeaks() throws Exception {
        Random random = new Random(30);
        String[][] campaigns = {{"brand", "search"}, {"generic", "search"}, {"retarget", "display"},
            {"prospecting", "social"}, {"video", "youtube"}};
        double[] reach = {20_000, 16_000, 30_000, 25_000, 45_000};
        double[] clickRate = {0.08, 0.03, 0.006, 0.009, 0.004};
        double[] costPerClick = {1.2, 2.5, 0.6, 0.9, 0.3};
        AnalysisReport report = analyze("campaigns.csv", out -> {
            out.println("day,campaign,channel,impressions,clicks,spend");
            LocalDate start = LocalDate.of(2024, 1, 1);
            for (int d = 0; d < 120; d++) {
                LocalDate day = start.plusDays(d);
                // a fixed five rows a day, every campaign busiest on Thursdays
                double weekday = day.getDayOfWeek().getValue() == 4 ? 1.4 : day.getDayOfWeek().getValue() >= 6
                        ? 0.7 : 1;
                for (int c = 0; c < campaigns.length; c++) {
                    long impressions = Math.round(reach[c] * weekday * (1 + 0.1 * random.nextGaussian()));
                    long clicks = Math.round(impressions * clickRate[c] * (1 + 0.1 * random.nextGaussian()));
                    out.println(day + "," + campaigns[c][0] + "," + campaigns[c][1] + "," + impressions + ","
                            + clicks + "," + f(clicks * costPerClick[c] * (1 + 0.05 * random.nextGaussian())));
                }
            }
        });

        List<KeyFinding> bySegment = report.keyFindings().stream()
                .filter(k -> k.kind().equals("segment_difference") || k.kind().equals("association")).toList();
        assertThat(bySegment).as("%s", report.keyFindings()).singleElement().satisfies(k -> {
            assertThat(k.sentence()).contains(" campaign also explains ");
            assertThat(k.evidence().columns()).contains("campaign", "impressions", "clicks", "spend")
                    .doesNotContain("channel");
        });
        List<KeyFinding> weekly = report.keyFindings().stream().filter(k -> k.kind().equals("seasonality")).toList();
        assertThat(weekly).singleElement().satisfies(k -> assertThat(k.sentence()).contains("Thursday is ")
                .endsWith("(sums per day)."));
    }

    @Test
    void aGrowingSeasonalSeriesHasItsTrendTestedWithTheSeasonSetAsideAndItsSeasonNotTakenForGrowth()
            throws Exception {
        Random random = new Random(24);
        AnalysisReport report = analyze("monthly.csv", out -> {
            out.println("month;revenue");
            LocalDate start = LocalDate.of(2021, 1, 1);
            for (int i = 0; i < 48; i++) {
                LocalDate month = start.plusMonths(i);
                // 2 % growth a month; 10 % above the year's average in April, 10 % below in October
                double season = 1 + 0.1 * Math.sin(2 * Math.PI * (month.getMonthValue() - 1) / 12);
                out.println(month.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH)
                        + " " + month.getYear() + ";" + f(1000 * (1 + 0.02 * i) * season * (1 + random.nextGaussian() * 0.01)));
            }
        });

        TimeSeries.Series revenue = series(report, "revenue");
        assertThat(revenue.trend().significant()).isTrue();
        assertThat(revenue.trend().direction()).isEqualTo("up");
        TimeSeries.Seasonality yearly = revenue.seasonality().stream().filter(s -> s.kind().equals("yearly"))
                .findFirst().orElseThrow();
        assertThat(yearly.significant()).isTrue();
        List<Double> profile = yearly.profile();
        assertThat(profile.indexOf(java.util.Collections.max(profile))).as("April, not the year's last month")
                .isEqualTo(3);
        assertThat(profile.indexOf(java.util.Collections.min(profile))).isEqualTo(9);
        assertThat(report.keyFindings()).anySatisfy(k -> assertThat(k.sentence())
                .startsWith("revenue (per month) rose over 48 months, its yearly pattern set aside: Theil–Sen slope"));
    }

    @Test
    void anHourOfDayRhythmIsADailyPatternButADrainingBatteryIsNot() throws Exception {
        Random random = new Random(25);
        AnalysisReport report = analyze("sensor.csv", out -> {
            out.println("timestamp,visits_rate,battery_v,noise");
            java.time.LocalDateTime start = java.time.LocalDateTime.of(2024, 3, 1, 0, 0);
            for (int m = 0; m < 10 * 24 * 60; m += 10) {
                java.time.LocalDateTime t = start.plusMinutes(m);
                // busy from 9 to 17; a battery that drains steadily; noise without any rhythm
                double rate = (t.getHour() >= 9 && t.getHour() < 17 ? 40 : 10) + random.nextGaussian() * 3;
                out.println(t + "," + f(rate) + "," + f(3.7 - m * 2e-5) + "," + f(random.nextGaussian()));
            }
        });

        TimeSeries.Seasonality visits = daily(series(report, "visits_rate"));
        assertThat(visits.significant()).isTrue();
        assertThat(visits.profile()).hasSize(24);
        // 40 by day and 10 by night average 20 an hour: twice and half the average
        assertThat(visits.profile().get(12)).isBetween(1.9, 2.1);
        assertThat(visits.profile().get(3)).isBetween(0.45, 0.55);
        assertThat(daily(series(report, "battery_v")).significant()).as("a steady drain is no rhythm").isFalse();
        assertThat(daily(series(report, "noise")).significant()).isFalse();
        assertThat(report.keyFindings()).filteredOn(k -> k.kind().equals("seasonality")).singleElement()
                .satisfies(k -> assertThat(k.sentence()).startsWith("visits_rate (mean per hour) follows a daily "
                        + "pattern: "));
    }

    private static TimeSeries.Seasonality daily(TimeSeries.Series series) {
        return series.seasonality().stream().filter(s -> s.kind().equals("daily")).findFirst().orElseThrow();
    }

    @Test
    void responseTimesAndSatisfactionScoresAreAveragedPerDayNotSummed() throws Exception {
        AnalysisReport report = analyze("tickets.csv", out -> {
            out.println("created,Resolution Time (h),CSAT,refund_amount");
            LocalDate start = LocalDate.of(2024, 1, 1);
            for (int i = 0; i < 600; i++) {
                out.println(start.plusDays(i / 5) + "," + (2 + i % 17) + "," + (1 + i % 5) + "," + (10 + i % 7));
            }
        });

        assertThat(report.timeSeries().series()).filteredOn(s -> !s.measure().equals("rows"))
                .extracting(TimeSeries.Series::measure, TimeSeries.Series::aggregate)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("Resolution Time (h)", "mean"),
                        org.assertj.core.groups.Tuple.tuple("CSAT", "mean"),
                        org.assertj.core.groups.Tuple.tuple("refund_amount", "sum"));
    }

    @Test
    void aMeasureOnlyOneGroupHasIsNotBrokenDownByThatCategory() throws Exception {
        AnalysisReport report = analyze("tickets.csv", out -> {
            out.println("ticket,status,channel,resolution_hours");
            for (int i = 0; i < 300; i++) {
                boolean closed = i % 5 != 0;
                out.println("T" + i + "," + (closed ? "Closed" : i % 2 == 0 ? "Open" : "Pending") + ","
                        + (i % 3 == 0 ? "Chat" : "Email") + "," + (closed ? String.valueOf(1 + i % 23) : ""));
            }
        });

        assertThat(report.segments().breakdowns()).extracting(b -> b.measure() + " by " + b.dimension())
                .contains("resolution_hours by channel", "rows by status")
                .doesNotContain("resolution_hours by status");
        assertThat(report.segments().notes()).contains(
                "resolution_hours by status is left out: it has values only where status is Closed.");
    }

    @Test
    void aSalesPipelineTellsWhereDealsAreWonAndNotWhatItsStagesDefine() throws Exception {
        Random random = new Random(38);
        String[] open = {"Prospecting", "Qualification", "Proposal", "Negotiation"};
        String[] sources = {"Web", "Referral", "Partner", "Event"};
        AnalysisReport report = analyze("deals.csv", out -> {
            out.println("deal,stage,amount,source,probability,won,close_date");
            for (int i = 0; i < 3000; i++) {
                String source = sources[i % 4];
                boolean closed = i % 3 != 0;
                // referrals are won 75 % of the time, the others 55 %: 1.36 times, but 2.45 times the odds
                boolean won = random.nextDouble() < (source.equals("Referral") ? 0.75 : 0.55);
                String stage = !closed ? open[i % 4] : won ? "Closed Won" : "Closed Lost";
                int probability = !closed ? 10 + 20 * (i % 4) : won ? 100 : 0;
                out.println("D" + i + "," + stage + "," + (1000 + random.nextInt(9000)) + "," + source + ","
                        + probability + "," + (closed ? String.valueOf(won) : "") + ","
                        + (closed ? LocalDate.of(2024, 1, 1).plusDays(i % 300) : ""));
            }
        });

        List<String> sentences = report.keyFindings().stream().map(KeyFinding::sentence).toList();
        assertThat(sentences).anySatisfy(s -> assertThat(s).startsWith("won is true on ")
                .contains(" of rows with source Referral ("));
        assertThat(sentences).as("a definition, said as one").contains(
                "probability has a single value per stage, from 100 for Closed Won to 0 for Closed Lost (6 values).");
        assertThat(sentences).as("won ↔ stage is a dependency, not a concentration")
                .noneMatch(s -> s.contains("with stage Closed Won"));
        assertThat(report.quality().alerts()).anySatisfy(a -> assertThat(a.message()).isEqualTo("close_date is blank "
                + "on exactly the 1,000 rows with stage Negotiation, Proposal, Prospecting or Qualification, and filled "
                + "on all others: it does not apply there, so these blanks are not counted as missing."));
    }

    @Test
    void incomesWithAModerateRightSkewAreJudgedByRatioOtherMeasuresOnlyWhenHeavyTailed() throws Exception {
        Random random = new Random(39);
        AnalysisReport report = analyze("applicants.csv", out -> {
            out.println("applicant,annual_income,distance_km");
            for (int i = 0; i < 3000; i++) {
                // log-normal with σ = 0.5: skewness about 1.75, and no income far from the others by ratio
                out.println("A" + i + "," + Math.round(Math.exp(11 + 0.5 * random.nextGaussian())) + ","
                        + f(Math.exp(3 + 0.5 * random.nextGaussian())));
            }
        });

        Outliers.ColumnOutliers income = report.outliers().columns().stream()
                .filter(c -> c.column().equals("annual_income")).findFirst().orElseThrow();
        assertThat(income.scale()).isEqualTo(Outliers.LOG);
        assertThat(income.share()).as("a log-normal's tail is no outlier").isLessThan(0.005);
        assertThat(report.outliers().columns()).filteredOn(c -> c.column().equals("distance_km"))
                .singleElement().satisfies(c -> assertThat(c.scale()).isEqualTo(Outliers.LINEAR));
    }

    @Test
    void aLastDayWithThreeTimesTheRowsSaysSoInTheMiddleOfItsSentence() throws Exception {
        AnalysisReport report = analyze("visits.csv", out -> {
            out.println("day,visitor");
            LocalDate start = LocalDate.of(2024, 1, 1);
            Random random = new Random(15);
            for (int i = 0; i < 90; i++) {
                int rows = i == 89 ? 60 : 20 + random.nextInt(3);
                for (int r = 0; r < rows; r++) {
                    out.println(start.plusDays(i) + ",V" + random.nextInt(500));
                }
            }
        });

        assertThat(report.keyFindings()).anySatisfy(k -> assertThat(k.sentence()).startsWith(
                "The last complete day (2024-03-30) is out of line: the number of rows per day is 60 where"));
    }

    @Test
    void aLastDayFarAboveTheRestIsAnAnomalousLastPeriod() throws Exception {
        AnalysisReport report = analyze("daily.csv", out -> {
            out.println("day,orders");
            LocalDate start = LocalDate.of(2024, 1, 1);
            Random random = new Random(14);
            for (int i = 0; i < 90; i++) {
                out.println(start.plusDays(i) + "," + Math.round(i == 89 ? 200 : 100 + random.nextGaussian() * 5));
            }
        });

        TimeSeries.LastPeriod last = series(report, "orders").lastPeriod();
        assertThat(last.period()).isEqualTo("2024-03-30");
        assertThat(last.value()).isEqualTo(200.0);
        assertThat(last.anomalous()).isTrue();
        assertThat(report.keyFindings()).anySatisfy(k -> {
            assertThat(k.kind()).isEqualTo("last_period_anomaly");
            assertThat(k.sentence()).startsWith("The last complete day (2024-03-30) is out of line");
        });
    }

    /**
     * A fortnight of survey answers: about 85 a day, the last day 105 — two Poisson standard deviations, no anomaly,
     * though the earlier days happen to lie within one or two of each other. The answers, scored 1 to 5 in five
     * questions, are averaged per day, never summed (a lone quantity of 0 to 4 is summed: see
     * {@link #reportJsonHasNoNonFiniteNumbers}).
     */
    @Test
    void aFortnightsLastDayTwoStandardDeviationsUpIsNoAnomalyAndRatingsAreAveraged() throws Exception {
        int[] perDay = {84, 85, 86, 85, 84, 86, 85, 85, 84, 86, 85, 86, 105};
        Random random = new Random(30);
        AnalysisReport report = analyze("survey.csv", out -> {
            out.println("submitted,q1,q2_workload,q3_manager,q4,q5_pay");
            for (int d = 0; d < perDay.length; d++) {
                for (int k = 0; k < perDay[d]; k++) {
                    StringBuilder row = new StringBuilder(LocalDate.of(2024, 3, 1).plusDays(d).toString());
                    for (int q = 0; q < 5; q++) {
                        row.append(',').append(1 + random.nextInt(5));
                    }
                    out.println(row);
                }
            }
        });

        TimeSeries.Series rows = series(report, "rows");
        assertThat(rows.lastPeriod().value()).isEqualTo(105.0);
        assertThat(rows.lastPeriod().anomalous()).isFalse();
        assertThat(report.keyFindings()).noneMatch(k -> k.kind().equals("last_period_anomaly"));
        assertThat(series(report, "q2_workload").aggregate()).isEqualTo("mean");
        assertThat(series(report, "q5_pay").aggregate()).isEqualTo("mean");
    }

    /**
     * Half a year of daily revenue with a weekly rhythm: a tracking outage zeroes three days in March, and one day in
     * May doubles. Both are named with their dates; the weekly dip of each Sunday is the season's, no anomaly. The
     * orders, zeroed by the same outage, are told in the same finding.
     */
    @Test
    void aThreeDayOutageAndASpikeInsideTheSeriesAreUnusualPeriods() throws Exception {
        Random random = new Random(41);
        LocalDate outage = LocalDate.of(2025, 3, 10);
        LocalDate spike = LocalDate.of(2025, 5, 6);
        AnalysisReport report = analyze("revenue.csv", out -> {
            out.println("date,revenue,orders");
            for (int i = 0; i < 180; i++) {
                LocalDate day = LocalDate.of(2025, 1, 1).plusDays(i);
                double value = (day.getDayOfWeek().getValue() == 7 ? 7000 : 10000) + random.nextGaussian() * 400;
                long orders = Math.round(200 + random.nextGaussian() * 8);
                if (!day.isBefore(outage) && day.isBefore(outage.plusDays(3))) {
                    value = 0;
                    orders = 0;
                } else if (day.equals(spike)) {
                    value *= 2;
                }
                out.println(day + "," + f(value) + "," + orders);
            }
        });

        List<TimeSeries.UnusualPeriod> unusual = series(report, "revenue").unusualPeriods();
        assertThat(unusual).extracting(TimeSeries.UnusualPeriod::from, TimeSeries.UnusualPeriod::to,
                TimeSeries.UnusualPeriod::periods).containsExactly(tuple("2025-03-10", "2025-03-12", 3),
                tuple("2025-05-06", "2025-05-06", 1));
        assertThat(unusual.get(0).value()).isZero();
        assertThat(unusual.get(0).robustZ()).isNull();
        assertThat(unusual.get(0).scale()).isEqualTo("log");
        assertThat(unusual.get(0).expected()).as("a weekday's").isCloseTo(10_000, within(300.0));
        assertThat(unusual.get(1).robustZ()).isGreaterThan(UnusualPeriods.Z);
        assertThat(report.keyFindings()).filteredOn(k -> k.kind().equals("unusual_period"))
                .extracting(KeyFinding::sentence).anySatisfy(s -> assertThat(s).startsWith(
                        "revenue (per day) and orders (per day) were 0 from 2025-03-10 to 2025-03-12 (3 days) where "
                        + "about ").endsWith("were expected, as if nothing was recorded."))
                .anySatisfy(s -> assertThat(s).startsWith("revenue (per day) was ").contains("on 2025-05-06"));
    }

    /**
     * Daily sales with heavy tails (lognormal): their highest days lie 5 robust standard deviations out, so only a
     * day standing apart is unusual — and two days with nothing recorded, though a wide spread puts zero only 5 or 6
     * deviations below. The same sales without the gap have no unusual day.
     */
    @Test
    void daysWithNothingRecordedAmongHeavyTailedSalesAreUnusualButTheirTailIsNot() throws Exception {
        Random random = new Random(43);
        AnalysisReport report = analyze("sales.csv", out -> {
            out.println("date,sales,other_sales");
            for (int i = 0; i < 365; i++) {
                LocalDate day = LocalDate.of(2025, 1, 1).plusDays(i);
                double sales = Math.exp(Math.log(5000) + 0.45 * random.nextGaussian());
                double other = Math.exp(Math.log(5000) + 0.45 * random.nextGaussian());
                out.println(day + "," + f(i == 200 || i == 201 ? 0 : sales) + "," + f(other));
            }
        });

        assertThat(series(report, "sales").unusualPeriods()).extracting(TimeSeries.UnusualPeriod::from,
                TimeSeries.UnusualPeriod::periods).containsExactly(tuple("2025-07-20", 2));
        assertThat(series(report, "other_sales").unusualPeriods()).isEmpty();
    }

    /**
     * An access log of about 40 requests an hour with a day of nothing: the day is unusual in the count of rows.
     * Weekly means of ratings given by a new hire or three are as unsteady as one rating: no unusual week.
     */
    @Test
    void aDayWithoutRowsIsUnusualButMeansOfAFewRowsAreNot() throws Exception {
        Random random = new Random(44);
        AnalysisReport log = analyze("access.csv", out -> {
            out.println("timestamp,bytes");
            for (int day = 0; day < 60; day++) {
                if (day == 40) {
                    continue;
                }
                int requests = 900 + random.nextInt(200);
                for (int k = 0; k < requests; k++) {
                    out.println(LocalDate.of(2025, 1, 1).plusDays(day).atStartOfDay().plusSeconds(random.nextInt(86_400))
                            + "," + (500 + random.nextInt(5000)));
                }
            }
        });
        assertThat(series(log, "rows").unusualPeriods()).extracting(TimeSeries.UnusualPeriod::from)
                .containsExactly("2025-02-10");
        assertThat(log.keyFindings()).anySatisfy(k -> assertThat(k.sentence()).startsWith(
                "The number of rows per day was 0 on 2025-02-10 where about ").endsWith("as if nothing was recorded."));

        AnalysisReport ratings = analyze("hires.csv", out -> {
            out.println("hire_date,rating,salary");
            for (int i = 0; i < 400; i++) {
                int rating = 1 + Math.min(4, Math.max(0, (int) Math.round(2 + random.nextGaussian())));
                out.println(LocalDate.of(2020, 1, 6).plusDays(random.nextInt(1000)) + "," + rating + ","
                        + (50_000 + random.nextInt(40_000)));
            }
        });
        assertThat(ratings.timeSeries().series()).isNotEmpty().allMatch(s -> s.unusualPeriods().isEmpty());
    }

    /** A lasting step up is a shift in level (a change point), not a run of unusual days. */
    @Test
    void aLastingShiftInLevelIsNoUnusualPeriod() throws Exception {
        Random random = new Random(42);
        AnalysisReport report = analyze("step.csv", out -> {
            out.println("date,orders");
            for (int i = 0; i < 120; i++) {
                out.println(LocalDate.of(2025, 1, 1).plusDays(i) + "," + f((i < 60 ? 100 : 160)
                        + random.nextGaussian() * 4));
            }
        });

        TimeSeries.Series orders = series(report, "orders");
        assertThat(orders.changePoints()).isNotEmpty();
        assertThat(orders.unusualPeriods()).isEmpty();
    }

    @Test
    void anOrdinaryLastDayIsNotAnomalous() throws Exception {
        AnalysisReport report = analyze("daily.csv", out -> {
            out.println("day,orders");
            LocalDate start = LocalDate.of(2024, 1, 1);
            Random random = new Random(15);
            for (int i = 0; i < 90; i++) {
                out.println(start.plusDays(i) + "," + Math.round(100 + random.nextGaussian() * 5));
            }
        });

        assertThat(series(report, "orders").lastPeriod().anomalous()).isFalse();
        assertThat(kinds(report)).doesNotContain("last_period_anomaly");
    }

    @Test
    void plantedMonthlyTrendIsFoundWithTheRightSign() throws Exception {
        Random random = new Random(3);
        AnalysisReport report = analyze("monthly.csv", out -> {
            out.println("month,sales,returns");
            for (int i = 0; i < 48; i++) {
                out.println(LocalDate.of(2020, 1, 1).plusMonths(i) + "," + f(1000 + 25 * i + random.nextGaussian() * 40)
                        + "," + f(500 - 6 * i + random.nextGaussian() * 20));
            }
        });

        assertThat(report.timeSeries().period()).isEqualTo("month");
        TimeSeries.Series sales = series(report, "sales");
        TimeSeries.Series returns = series(report, "returns");
        assertThat(sales.trend().direction()).isEqualTo("up");
        assertThat(sales.trend().slopePerPeriod()).isBetween(20.0, 30.0);
        assertThat(returns.trend().direction()).isEqualTo("down");
        assertThat(report.keyFindings()).anySatisfy(k -> {
            assertThat(k.kind()).isEqualTo("trend");
            assertThat(k.sentence()).startsWith("sales (per month) rose over 48 months");
        });
        assertThat(sales.changes()).extracting(TimeSeries.PeriodChange::kind)
                .contains("previous_period", "year_over_year");
        assertThat(sales.forecast().values().get(0)).isGreaterThan(2000);
    }

    @Test
    void aStepInTheRowsPerDayIsAChangePointNotATrendOfZeroPerDay() throws Exception {
        // two rows a day for 60 days, then one: the plain Mann–Kendall test is significant, the median slope is 0,
        // and corrected for the persistence of a step the test is not significant either
        AnalysisReport report = analyze("step.csv", out -> {
            out.println("day,amount");
            LocalDate start = LocalDate.of(2023, 1, 1);
            for (int i = 0; i < 180; i++) {
                for (int row = 0; row < (i < 60 ? 2 : 1); row++) {
                    out.println(start.plusDays(i) + "," + (100 + (i * 7 + row * 3) % 11));
                }
            }
        });

        TimeSeries.Series rows = series(report, "rows");
        assertThat(rows.trend().kendallTau()).isNegative();
        assertThat(rows.trend().slopePerPeriod()).isZero();
        assertThat(rows.trend().significant()).isFalse();
        assertThat(rows.trend().direction()).isEqualTo("none");
        assertThat(rows.changePoints()).extracting(TimeSeries.ChangePoint::period).contains("2023-03-02");
        assertThat(report.keyFindings()).noneSatisfy(k -> assertThat(k.sentence()).contains("rows per day fell"));
    }

    /**
     * An office's orders, weekdays only, Mondays busiest: weekends are closed days, not days of no orders — no
     * "Saturday 100 % below", no weekend in the forecast, and a Monday is compared with the Friday before it.
     */
    @Test
    void aBusinessDaySeriesHasItsWeekendsLeftOutNotCountedAsZeros() throws Exception {
        Random random = new Random(21);
        AnalysisReport report = analyze("orders.csv", out -> {
            out.println("date,amount");
            // 2024-01-01 is a Monday; the last day, 2024-04-29, too
            for (LocalDate day = LocalDate.of(2024, 1, 1); !day.isAfter(LocalDate.of(2024, 4, 29));
                 day = day.plusDays(1)) {
                int weekday = day.getDayOfWeek().getValue();
                for (int k = 0; weekday <= 5 && k < (weekday == 1 ? 30 : 20); k++) {
                    out.println(day + "," + f(50 + random.nextGaussian() * 5));
                }
            }
        });

        assertThat(report.timeSeries().notes()).anySatisfy(n -> assertThat(n).startsWith("No row falls on a Saturday "
                + "or Sunday: weekends are closed days"));
        TimeSeries.Series rows = series(report, "rows");
        assertThat(rows.values().get(5)).isNull();
        assertThat(rows.values().get(7)).isEqualTo(30.0);
        assertThat(rows.forecast().periods()).noneMatch(p -> LocalDate.parse(p).getDayOfWeek().getValue() > 5)
                .first().isEqualTo("2024-04-30");
        assertThat(rows.changes()).filteredOn(c -> c.kind().equals("previous_period")).singleElement()
                .satisfies(c -> {
                    assertThat(c.period()).isEqualTo("2024-04-29");
                    assertThat(c.comparedTo()).isEqualTo("2024-04-26");
                });
        assertThat(report.keyFindings()).anySatisfy(k -> assertThat(k.sentence()).startsWith(
                "The number of rows per day follows a weekly pattern: Monday is 36 % above the average, Tuesday 9."));
        assertThat(report.keyFindings()).noneSatisfy(k -> assertThat(k.sentence()).containsAnyOf("Saturday",
                "Sunday"));
    }

    /**
     * Orders shipped a day or two after they are placed and delivered after a transit that depends on the carrier;
     * two rows were shipped "before" they were ordered. Birthdays beside them follow no order.
     */
    @Test
    void theTimeBetweenTwoDatesIsMeasuredWithWhatItDependsOnAndDatesInTheWrongOrderAreErrors() throws Exception {
        Random random = new Random(4);
        String[] carriers = {"FedEx", "UPS", "USPS"};
        int[] transit = {2, 3, 5};
        AnalysisReport report = analyze("orders.csv", out -> {
            out.println("order_id,order_date,ship_date,delivery_date,carrier,birthday");
            for (int i = 0; i < 3000; i++) {
                LocalDate ordered = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(300));
                LocalDate shipped = i == 100 || i == 2000 ? ordered.minusDays(20)
                        : ordered.plusDays(random.nextInt(3));
                int c = i % 3;
                LocalDate delivered = shipped.plusDays(transit[c] + random.nextInt(2));
                out.println("SO" + i + "," + ordered + "," + shipped + "," + delivered + "," + carriers[c] + ","
                        + LocalDate.of(1960, 1, 1).plusDays(random.nextInt(15_000)));
            }
        });

        List<Relationships.DateSpan> spans = report.relationships().dateSpans();
        assertThat(spans).extracting(span -> span.from() + ">" + span.to()).containsExactly(
                "order_date>ship_date", "order_date>delivery_date", "ship_date>delivery_date");
        Relationships.DateSpan shipping = spans.get(0);
        assertThat(shipping.unit()).isEqualTo("days");
        assertThat(shipping.median()).isEqualTo(1.0);
        assertThat(shipping.reversed()).isEqualTo(2);
        assertThat(shipping.reversedRows()).containsExactly(101L, 2001L);
        Relationships.DateSpan transitTime = spans.get(2);
        assertThat(transitTime.by().dimension()).isEqualTo("carrier");
        assertThat(transitTime.by().groups()).extracting(Relationships.GroupMean::value)
                .containsExactly("FedEx", "UPS", "USPS");
        assertThat(transitTime.by().groups().get(2).mean()).isCloseTo(5.5, within(0.1));

        assertThat(report.keyFindings()).filteredOn(k -> k.kind().equals("time_between"))
                .extracting(KeyFinding::sentence).satisfiesExactlyInAnyOrder(
                        s -> assertThat(s).startsWith("ship_date comes 1 day after order_date (median; "),
                        s -> assertThat(s).startsWith("delivery_date comes 3 days after ship_date").containsPattern(
                                "it depends on carrier: 2\\.\\d+ days on average for FedEx, 5\\.\\d+ days for USPS"));
        assertThat(report.quality().alerts()).filteredOn(a -> a.kind().equals("date_order")).singleElement()
                .satisfies(a -> assertThat(a.message()).startsWith("ship_date comes before order_date on 2 rows "
                        + "(rows 101 and 2,001)"));
        assertThat(report.quality().deductions()).anySatisfy(d -> assertThat(d.dimension()).isEqualTo("integrity"));
    }

    /**
     * A statistics office's long format: GDP in dollars, population in people and unemployment in percent share the
     * Value column, told apart by Indicator Name. Summed per year or taken as a transaction amount they add unlike
     * things; the column is no measure, and an alert says what it holds. Sales per product, whose medians differ as
     * much, are one quantity: product is no indicator.
     */
    @Test
    void aValueColumnHoldingSeveralIndicatorsIsNoMeasure() throws Exception {
        Random random = new Random(3);
        AnalysisReport report = analyze("worldbank.csv", out -> {
            out.println("Country Name,Indicator Name,Year,Value");
            for (String country : List.of("Germany", "France", "Spain")) {
                for (int year = 2000; year < 2024; year++) {
                    out.println(country + ",GDP (current US$)," + year + "," + f(3e12 * (1 + random.nextDouble())));
                    out.println(country + ",\"Population, total\"," + year + "," + f(6e7 * (1 + random.nextDouble())));
                    out.println(country + ",Unemployment rate," + year + "," + f(5 + 5 * random.nextDouble()));
                }
            }
        });

        assertThat(report.columns()).filteredOn(c -> c.name().equals("Value")).singleElement()
                .satisfies(c -> assertThat(c.role()).isEqualTo(MixedQuantities.ROLE));
        assertThat(report.quality().alerts()).filteredOn(a -> a.kind().equals("mixed_quantities")).singleElement()
                .satisfies(a -> assertThat(a.message()).startsWith("Value holds 3 different quantities told apart by "
                        + "Indicator Name ('Unemployment rate', 'Population, total' and 'GDP (current US$)'), with "
                        + "medians from 7."));
        assertThat(report.kpis().domains()).isEmpty();
        assertThat(report.timeSeries().series()).extracting(TimeSeries.Series::measure).containsExactly("rows");
        assertThat(report.keyFindings()).noneSatisfy(k -> assertThat(k.kind()).isIn("trend", "outliers"));

        AnalysisReport sales = analyze("sales.csv", out -> {
            out.println("product,amount");
            for (int i = 0; i < 300; i++) {
                out.println((i % 2 == 0 ? "car," + f(30_000 + i) : "screw," + f(0.5 + i / 1000.0)));
            }
        });
        assertThat(sales.quality().alerts()).noneMatch(a -> a.kind().equals("mixed_quantities"));
    }

    /**
     * A web server's log: response times slow tenfold for an hour and a half, and the HTTP status is a code, not a
     * quantity. The slow requests are one incident with its times; in a second log their outliers are scattered.
     */
    @Test
    void outliersThatComeTogetherInTimeAreAnIncidentWithItsStartAndEnd() throws Exception {
        Random random = new Random(17);
        LocalDateTime start = LocalDateTime.of(2024, 5, 1, 0, 0);
        LocalDateTime incident = LocalDateTime.of(2024, 5, 3, 14, 0);
        Consumer<PrintWriter> log = out -> {
            out.println("timestamp,status,response_ms");
            for (int i = 0; i < 14_400; i++) {
                LocalDateTime at = start.plusSeconds(i * 30L);
                boolean slow = !at.isBefore(incident) && at.isBefore(incident.plusMinutes(90));
                out.println(at + "," + (slow && i % 2 == 0 ? 500 : 200) + ","
                        + f(Math.exp((slow ? 6.5 : 4) + 0.3 * random.nextGaussian())));
            }
        };
        AnalysisReport report = analyze("access.csv", log);

        assertThat(report.columns()).filteredOn(c -> c.name().equals("status")).singleElement()
                .satisfies(c -> assertThat(c.role()).isEqualTo(ColumnRoles.CATEGORY));
        assertThat(report.keyFindings()).anySatisfy(k -> assertThat(k.sentence()).matches("\\d+ of response_ms's "
                + "\\d+ outliers fall between 2024-05-03 14:00 and 15:29 \\(timestamp\\), a stretch holding "
                + "1\\.\\d % of the rows: something happened then\\."));
        // the errors of the outage too: a rare status, all of it in those 90 minutes
        assertThat(report.keyFindings()).anySatisfy(k -> assertThat(k.sentence()).matches("All \\d+ rows with status "
                + "500 fall between 2024-05-03 14:00 and 15:29 \\(timestamp\\), a stretch holding 1\\.\\d % of all "
                + "rows\\."));

        AnalysisReport scattered = analyze("scattered.csv", out -> {
            out.println("timestamp,response_ms");
            for (int i = 0; i < 14_400; i++) {
                double level = 4 + (i % 97 == 0 ? 3 : 0.3 * random.nextGaussian());
                out.println(start.plusSeconds(i * 30L) + "," + f(Math.exp(level)));
            }
        });
        assertThat(scattered.outliers().columns().get(0).count()).isGreaterThan(100);
        assertThat(scattered.keyFindings()).noneSatisfy(k -> assertThat(k.sentence()).contains("fall between"));
    }

    /** A measure past the segments' first three that a category explains is told with its highest and lowest mean. */
    @Test
    void whatACategoryExplainsOfAMeasureNamesItsHighestAndLowestMeans() throws Exception {
        Random random = new Random(6);
        String[] departments = {"Sales", "Engineering", "Support"};
        double[] growth = {3.0, 4.0, 2.0};
        AnalysisReport report = analyze("staff.csv", out -> {
            out.println("department,a,b,c,growth");
            for (int i = 0; i < 900; i++) {
                int d = i % 3;
                out.println(departments[d] + "," + f(random.nextGaussian()) + "," + f(random.nextGaussian()) + ","
                        + f(random.nextGaussian()) + "," + f(growth[d] + 0.5 * random.nextGaussian()));
            }
        });

        assertThat(report.keyFindings()).filteredOn(k -> k.kind().equals("association")).singleElement()
                .satisfies(k -> assertThat(k.sentence()).startsWith("department explains ")
                        .containsPattern("of the variance of growth \\(correlation ratio η = 0\\.\\d+ over 3 groups, "
                                + "n = 900, p < 0\\.001\\): mean 4\\.\\d+ for Engineering, [12]\\.\\d+ for Support"));
    }

    @Test
    void aLastMonthUnlikeEveryEarlierOneIsFoundMonthOverMonthAndYearOverYear() throws Exception {
        Random random = new Random(7);
        AnalysisReport report = analyze("monthly.csv", out -> {
            out.println("day,amount");
            LocalDate start = LocalDate.of(2022, 1, 1);
            LocalDate lastMonth = LocalDate.of(2023, 12, 1);
            for (LocalDate day = start; day.isBefore(LocalDate.of(2024, 1, 1)); day = day.plusDays(1)) {
                double level = day.isBefore(lastMonth) ? 100 : 180; // +80 % in the last month only
                for (int k = 0; k < 3; k++) {
                    out.println(day + "," + f(level + random.nextGaussian() * 10));
                }
            }
        });

        List<KeyFinding> changes = report.keyFindings().stream()
                .filter(finding -> finding.kind().equals("period_change")).toList();
        assertThat(changes).extracting(KeyFinding::sentence).anySatisfy(sentence ->
                assertThat(sentence).contains("month over month in 2023-12").contains("+"));
        assertThat(changes).extracting(KeyFinding::sentence).anySatisfy(sentence ->
                assertThat(sentence).contains("year over year in 2023-12"));
        assertThat(changes).allSatisfy(finding ->
                assertThat(finding.evidence().chartKey()).startsWith("time_series:"));
    }

    @Test
    void ordinaryMonthsMakeNoPeriodChangeFinding() throws Exception {
        Random random = new Random(11);
        AnalysisReport report = analyze("steady.csv", out -> {
            out.println("day,amount");
            for (LocalDate day = LocalDate.of(2022, 1, 1); day.isBefore(LocalDate.of(2024, 1, 1));
                 day = day.plusDays(1)) {
                for (int k = 0; k < 3; k++) {
                    out.println(day + "," + f(100 + random.nextGaussian() * 30));
                }
            }
        });

        assertThat(report.timeSeries().series()).isNotEmpty();
        assertThat(kinds(report)).doesNotContain("period_change");
    }

    @Test
    void plantedWeeklySeasonIsFound() throws Exception {
        Random random = new Random(4);
        AnalysisReport report = analyze("weekly.csv", out -> {
            out.println("date,visitors");
            LocalDate start = LocalDate.of(2024, 1, 1);
            for (int i = 0; i < 140; i++) {
                LocalDate day = start.plusDays(i);
                boolean weekend = day.getDayOfWeek().getValue() >= 6;
                out.println(day + "," + Math.round(200 + (weekend ? 80 : 0) + random.nextGaussian() * 15));
            }
        });

        TimeSeries.Series visitors = series(report, "visitors");
        assertThat(visitors.seasonality()).anySatisfy(season -> {
            assertThat(season.kind()).isEqualTo("weekly");
            assertThat(season.significant()).isTrue();
            assertThat(season.profile().get(5)).isGreaterThan(1.1);
        });
        assertThat(kinds(report)).contains("seasonality").doesNotContain("trend");
    }

    @Test
    void exactDifferenceIsReportedAsADependencyNotACorrelation() throws Exception {
        Random random = new Random(5);
        AnalysisReport report = analyze("pnl.csv", out -> {
            out.println("gross,tax,net");
            for (int i = 0; i < 300; i++) {
                long gross = 1000 + random.nextInt(100_000);
                long tax = gross / 5 + random.nextInt(50);
                out.println(gross / 100.0 + "," + tax / 100.0 + "," + (gross - tax) / 100.0);
            }
        });

        assertThat(report.relationships().dependencies()).anySatisfy(d -> {
            assertThat(d.kind()).isEqualTo("difference");
            assertThat(d.expression()).isEqualTo("net = gross − tax");
            assertThat(d.rowsChecked()).isEqualTo(300);
        });
        assertThat(kinds(report)).contains("functional_dependency").doesNotContain("correlation");
    }

    /** An income statement: EBITDA follows Gross Profit and Operating Expenses, Net Income is rounded to cents. */
    @Test
    void aStatementsComputedColumnsAreTheOnesFurtherRightWithTheSimplestCoefficients() throws Exception {
        Random random = new Random(15);
        AnalysisReport report = analyze("statement.csv", out -> {
            out.println("Gross Profit,Operating Expenses,EBITDA,Net Income");
            for (int i = 0; i < 60; i++) {
                long gross = 4_000_000 + random.nextInt(2_000_000);
                long opex = 2_800_000 + random.nextInt(400_000);
                long ebitda = gross - opex;
                out.println(gross / 100.0 + "," + opex / 100.0 + "," + ebitda / 100.0 + ","
                        + Math.round((ebitda * 0.75 - 300_000)) / 100.0);
            }
        });

        assertThat(report.relationships().dependencies()).extracting(Relationships.Dependency::expression)
                .contains("EBITDA = Gross Profit − Operating Expenses", "Net Income = 0.75 × EBITDA − 3000");
    }

    @Test
    void whereAYesNoColumnIsConcentratedIsFoundOnceForAPairOfFlags() throws Exception {
        Random random = new Random(34);
        AnalysisReport report = analyze("staff.csv", out -> {
            out.println("employee,department,overtime,attrition,gender");
            String[] departments = {"sales", "research", "hr"};
            for (int i = 0; i < 1500; i++) {
                boolean overtime = random.nextDouble() < 0.3;
                // leavers: 30 % of those who work overtime, 10 % of the others; departments and gender play no part
                boolean left = random.nextDouble() < (overtime ? 0.3 : 0.1);
                out.println("E" + i + "," + departments[random.nextInt(3)] + "," + (overtime ? "Yes" : "No") + ","
                        + (left ? "Yes" : "No") + "," + (random.nextBoolean() ? "female" : "male"));
            }
        });

        assertThat(report.segments().flagRates()).singleElement().satisfies(rate -> {
            assertThat(rate.flag()).as("the rarer flag is the outcome").isEqualTo("attrition");
            assertThat(rate.dimension()).isEqualTo("overtime");
            assertThat(rate.value()).as("as the file writes it").isEqualTo("yes");
            assertThat(rate.rate()).isBetween(0.25, 0.35);
            assertThat(rate.restRate()).isBetween(0.07, 0.13);
        });
        assertThat(report.keyFindings()).anySatisfy(k -> assertThat(k.sentence())
                .matches("attrition is yes on \\d+ % of rows with overtime yes \\([\\d,]+ of [\\d,]+\\), against "
                        + "[\\d.]+ % of the others \\(p < 0.001\\)\\."));
    }

    @Test
    void aRareFlagTwiceAsCommonInOneGroupIsFoundAndCodesOfCancelledFlightsDetermineNothing() throws Exception {
        Random random = new Random(37);
        AnalysisReport report = analyze("flights.csv", out -> {
            out.println("flight,day,carrier,dep_delay,cancelled,cancellation_code");
            String[] carriers = {"AA", "DL", "UA", "B6"};
            for (int i = 0; i < 8000; i++) {
                String carrier = carriers[i % 4];
                // 6 % of B6's flights are cancelled, 2.5 % of the others': 3.5 points, but more than twice
                boolean cancelled = random.nextDouble() < (carrier.equals("B6") ? 0.06 : 0.025);
                out.println("F" + i + "," + LocalDate.of(2024, 1, 1).plusDays(i / 40) + "," + carrier + ","
                        + (cancelled ? "" : (int) (random.nextGaussian() * 15 + 5))
                        + "," + (cancelled ? 1 : 0) + "," + (cancelled ? "ABC".charAt(i % 3) : ""));
            }
        });

        assertThat(report.segments().flagRates()).singleElement().satisfies(rate -> {
            assertThat(rate.flag()).isEqualTo("cancelled");
            assertThat(rate.dimension()).isEqualTo("carrier");
            assertThat(rate.value()).isEqualTo("B6");
        });
        assertThat(report.relationships().dependencies()).as("cancelled is 1 wherever a code is: no dependency")
                .noneMatch(d -> d.expression().contains("cancellation_code"));
        assertThat(report.quality().alerts()).anySatisfy(a -> assertThat(a.message())
                .startsWith("cancellation_code is blank on exactly the ").contains(" rows with cancelled 0"));
        assertThat(report.timeSeries().series()).as("a day's delays are averaged, not summed")
                .filteredOn(series -> series.measure().equals("dep_delay")).singleElement()
                .satisfies(series -> assertThat(series.aggregate()).isEqualTo("mean"));
        assertThat(report.quality().alerts()).anySatisfy(a -> assertThat(a.message())
                .matches("dep_delay has [\\d,]+ negative values \\([\\d.]+ %\\): ahead of time\\."));
    }

    @Test
    void aMeasureCutIntoFifthsShowsWhereAFlagIsConcentrated() throws Exception {
        Random random = new Random(35);
        AnalysisReport report = analyze("customers.csv", out -> {
            out.println("customer,tenure_months,monthly_fee,churned");
            for (int i = 0; i < 2000; i++) {
                int tenure = 1 + i % 60;
                // new customers (a year or less) leave four times as often; the fee plays no part
                boolean churned = random.nextDouble() < (tenure <= 12 ? 0.4 : 0.1);
                out.println("C" + i + "," + tenure + "," + f(20 + random.nextDouble() * 30) + "," + churned);
            }
        });

        assertThat(report.segments().flagRates()).singleElement().satisfies(rate -> {
            assertThat(rate.flag()).isEqualTo("churned");
            assertThat(rate.dimension()).isEqualTo("tenure_months");
            assertThat(rate.value()).isEqualTo("1 to 12");
            assertThat(rate.rate()).isBetween(0.33, 0.47);
        });
        assertThat(report.keyFindings()).anySatisfy(k -> assertThat(k.sentence())
                .startsWith("churned is true on ").contains(" of rows with tenure_months 1 to 12 ("));
    }

    /**
     * Weekly sales of three products, a fifth of them on promotion: units rise 45 % and the price falls 20 %,
     * product for product. In a second file promotions run almost only on the slow seller and change nothing: a
     * comparison over all rows would find promoted rows selling far less, the comparison within products finds
     * nothing.
     */
    @Test
    void aPromotionsUpliftIsMeasuredProductForProductAndNotTakenFromTheProductMix() throws Exception {
        String[] products = {"Cola", "Chips", "Cookies"};
        int[] base = {400, 250, 150};
        double[] prices = {1.5, 2.2, 3.0};
        Random random = new Random(51);
        AnalysisReport report = analyze("promo.csv", out -> {
            out.println("week,product,promo,price,units");
            for (int w = 0; w < 100; w++) {
                for (int p = 0; p < 3; p++) {
                    boolean promo = random.nextDouble() < 0.2;
                    out.println(LocalDate.of(2023, 1, 2).plusWeeks(w) + "," + products[p] + "," + (promo ? "Y" : "N")
                            + "," + f(prices[p] * (promo ? 0.8 : 1)) + ","
                            + Math.round(base[p] * (promo ? 1.45 : 1) * (0.9 + 0.2 * random.nextDouble())));
                }
            }
        });

        assertThat(report.segments().flagEffects()).filteredOn(e -> e.measure().equals("units")).singleElement()
                .satisfies(e -> {
                    assertThat(e.flag()).isEqualTo("promo");
                    assertThat(e.by()).isEqualTo("product");
                    assertThat(e.relative()).isCloseTo(0.45, within(0.05));
                    assertThat(e.groups()).hasSize(3);
                });
        assertThat(report.segments().flagEffects()).filteredOn(e -> e.measure().equals("price")).singleElement()
                .satisfies(e -> assertThat(e.relative()).isCloseTo(-0.2, within(0.01)));
        assertThat(report.keyFindings()).anySatisfy(k -> assertThat(k.sentence()).startsWith("units is 4")
                .contains(" higher where promo is yes, product for product (")).noneMatch(k -> k.sentence()
                .startsWith("promo is yes on ") && k.sentence().contains(" of rows with units "));

        AnalysisReport mix = analyze("mix.csv", out -> {
            out.println("week,product,promo,units");
            for (int w = 0; w < 100; w++) {
                for (int p = 0; p < 3; p++) {
                    boolean promo = random.nextDouble() < (p == 2 ? 0.6 : 0.03);
                    out.println(LocalDate.of(2023, 1, 2).plusWeeks(w) + "," + products[p] + "," + (promo ? "Y" : "N")
                            + "," + Math.round(base[p] * (0.9 + 0.2 * random.nextDouble())));
                }
            }
        });
        assertThat(mix.segments().flagEffects()).isEmpty();
    }

    /** A two-valued label is compared the same way: the North's stores sell a fifth more, product for product. */
    @Test
    void aTwoValuedLabelsEffectIsMeasuredWithinTheCategoryThatExplainsTheMeasure() throws Exception {
        String[] products = {"Cola", "Chips", "Cookies"};
        int[] base = {400, 250, 150};
        Random random = new Random(52);
        AnalysisReport report = analyze("regions.csv", out -> {
            out.println("week,region,product,units");
            for (int w = 0; w < 100; w++) {
                for (String region : new String[] {"North", "North", "South", "South", "South"}) {
                    for (int p = 0; p < 3; p++) {
                        out.println(LocalDate.of(2023, 1, 2).plusWeeks(w) + "," + region + "," + products[p] + ","
                                + Math.round(base[p] * (region.equals("North") ? 1.2 : 1) * (0.9 + 0.2
                                * random.nextDouble())));
                    }
                }
            }
        });

        assertThat(report.segments().flagEffects()).singleElement().satisfies(e -> {
            assertThat(e.flag()).isEqualTo("region");
            assertThat(e.value()).isEqualTo("North");
            assertThat(e.otherValue()).isEqualTo("South");
            assertThat(e.relative()).isCloseTo(0.2, within(0.03));
        });
        assertThat(report.keyFindings()).anySatisfy(k -> assertThat(k.sentence()).startsWith("units is ")
                .contains(" higher where region is North than where it is South, product for product ("));
    }

    /** What one flag does to several measures over all rows is one finding. */
    @Test
    void aFlagsEffectsOnSeveralMeasuresAreToldTogether() throws Exception {
        Random random = new Random(53);
        AnalysisReport report = analyze("members.csv", out -> {
            out.println("member,vip,spend,visits");
            for (int i = 0; i < 2000; i++) {
                boolean vip = i % 5 == 0;
                out.println("M" + i + "," + (vip ? "yes" : "no") + "," + f((vip ? 130 : 100) * (0.8 + 0.4
                        * random.nextDouble())) + "," + f((vip ? 12.5 : 10) * (0.8 + 0.4 * random.nextDouble())));
            }
        });

        assertThat(report.segments().flagEffects()).extracting(Segments.FlagEffect::measure)
                .containsExactlyInAnyOrder("spend", "visits");
        assertThat(report.keyFindings()).filteredOn(k -> k.evidence().chartKey() != null
                && k.evidence().chartKey().startsWith("flag_effects:")).singleElement().satisfies(k -> assertThat(
                        k.sentence()).startsWith("Where vip is yes (400 of 2,000 rows), spend averages ")
                .contains(" elsewhere (+").contains(" and visits ").endsWith("; each p < 0.001."));
        assertThat(report.keyFindings()).as("vip's association with either measure is the effect's to tell")
                .noneMatch(k -> k.evidence().chartKey() != null && k.evidence().chartKey().startsWith("segments:")
                        && k.evidence().columns().contains("vip"));
    }

    @Test
    void aMeasureFixedByACategoryIsSaidToHaveOneValuePerGroup() throws Exception {
        Random random = new Random(36);
        String[] products = {"tee", "hoodie", "cap", "mug"};
        double[] prices = {25, 55, 18, 12};
        AnalysisReport report = analyze("lines.csv", out -> {
            out.println("product,amount,total,cost,unit_price");
            for (int i = 0; i < 400; i++) {
                int p = i % products.length;
                int quantity = 1 + random.nextInt(3);
                out.println(products[p] + "," + f(prices[p] * quantity) + "," + f(prices[p] * quantity * 1.08) + ","
                        + f(prices[p] * quantity * 0.4 + random.nextGaussian()) + "," + f(prices[p]));
            }
        });

        assertThat(report.keyFindings()).anySatisfy(k -> assertThat(k.sentence()).startsWith(
                "unit_price has a single value per product (4 groups, n = 400): product explains all of its variance."));
    }

    @Test
    void whatTwoLabelsOfTheSameGroupsDetermineIsToldOnce() throws Exception {
        String[][] products = {{"Classic Tee", "TEE-01", "Acme"}, {"Hoodie", "HOOD-01", "Acme"},
            {"Cap", "CAP-01", "Hatly"}, {"Mug", "MUG-01", "Potter"}, {"Poster", "POS-01", "Printo"}};
        AnalysisReport report = analyze("lines.csv", out -> {
            out.println("name,sku,vendor,quantity");
            for (int i = 0; i < 500; i++) {
                String[] product = products[i % products.length];
                out.println(product[0] + "," + product[1] + "," + product[2] + "," + (1 + i % 4));
            }
        });

        List<String> dependencies = report.keyFindings().stream()
                .filter(k -> k.kind().equals("functional_dependency")).map(KeyFinding::sentence).toList();
        assertThat(dependencies).anySatisfy(d -> assertThat(d).startsWith("name and sku label the same groups"));
        assertThat(dependencies).filteredOn(d -> d.contains("determines vendor")).singleElement()
                .satisfies(d -> assertThat(d).startsWith("name determines vendor"));
    }

    @Test
    void copiesLinearMapsSumsAndProductsAreExactDependencies() throws Exception {
        Random random = new Random(16);
        AnalysisReport report = analyze("orders.csv", out -> {
            out.println("quantity,unit_price,total,shipping,charged,celsius,fahrenheit,total_copy");
            for (int i = 0; i < 400; i++) {
                int quantity = 1 + random.nextInt(9);
                double price = (100 + random.nextInt(9_900)) / 100.0;
                double total = Math.round(quantity * price * 100) / 100.0;
                double shipping = (random.nextInt(2_000)) / 100.0;
                double charged = Math.round((total + shipping) * 100) / 100.0;
                int celsius = -20 + random.nextInt(60);
                out.println(quantity + "," + price + "," + total + "," + shipping + "," + charged + "," + celsius + ","
                        + (celsius * 1.8 + 32) + "," + total);
            }
        });

        List<Relationships.Dependency> dependencies = report.relationships().dependencies();
        assertThat(dependencies).extracting(Relationships.Dependency::expression).contains(
                "total_copy = total", "total = quantity × unit_price", "charged = total + shipping",
                "fahrenheit = 1.8 × celsius + 32");
        assertThat(dependencies).filteredOn(d -> d.expression().equals("total_copy = total")).singleElement()
                .satisfies(d -> {
                    assertThat(d.kind()).isEqualTo("copy");
                    assertThat(d.rowsChecked()).isEqualTo(400);
                });
        assertThat(dependencies).filteredOn(d -> d.target().equals("fahrenheit")).extracting(
                Relationships.Dependency::kind).containsExactly("linear");
        assertThat(report.keyFindings()).anySatisfy(k -> {
            assertThat(k.kind()).isEqualTo("functional_dependency");
            assertThat(k.sentence()).startsWith("total_copy = total holds on all 400 rows where the columns are "
                    + "present: total_copy is a copy of total");
        });
        // exact relations are not also reported as correlations (charged and unit_price are, rightly: indirectly)
        assertThat(report.keyFindings()).filteredOn(k -> k.kind().equals("correlation"))
                .extracting(k -> Set.copyOf(k.evidence().columns()))
                .isNotEmpty()
                .doesNotContain(Set.of("celsius", "fahrenheit"), Set.of("total", "total_copy"),
                        Set.of("quantity", "total"), Set.of("unit_price", "total"), Set.of("total", "charged"));
    }

    @Test
    void aCityThatAlwaysLiesInOneCountryDeterminesIt() throws Exception {
        String[][] cities = {{"Lyon", "France"}, {"Paris", "France"}, {"Nice", "France"}, {"Milan", "Italy"},
            {"Rome", "Italy"}, {"Porto", "Portugal"}};
        Random random = new Random(17);
        AnalysisReport report = analyze("visits.csv", out -> {
            out.println("city,country,visits");
            for (int i = 0; i < 300; i++) {
                String[] city = cities[random.nextInt(cities.length)];
                out.println(city[0] + "," + city[1] + "," + (1 + random.nextInt(50)));
            }
        });

        assertThat(report.relationships().dependencies()).anySatisfy(d -> {
            assertThat(d.kind()).isEqualTo("determines");
            assertThat(d.target()).isEqualTo("country");
            assertThat(d.sources()).containsExactly("city");
            assertThat(d.expression()).isEqualTo("city → country");
            assertThat(d.rowsChecked()).isEqualTo(300);
        });
    }

    @Test
    void meansThatDifferBySegmentAreFound() throws Exception {
        Random random = new Random(6);
        AnalysisReport report = analyze("segments.csv", out -> {
            out.println("store,basket");
            String[] stores = {"north", "south", "east", "west"};
            for (int i = 0; i < 2000; i++) {
                int s = random.nextInt(4);
                out.println(stores[s] + "," + f(50 + (s == 2 ? 30 : 0) + random.nextGaussian() * 10));
            }
        });

        assertThat(report.keyFindings()).anySatisfy(k -> {
            assertThat(k.kind()).isEqualTo("segment_difference");
            assertThat(k.sentence()).contains("highest for east");
        });
        Segments.Breakdown basket = breakdown(report, "basket");
        assertThat(basket.top().get(0).value()).isEqualTo("east");
        assertThat(basket.groups()).isEqualTo(4);
    }

    @Test
    void aMeasureHeldMostlyByOneSegmentIsConcentrated() throws Exception {
        // five stores with 20 rows each; store a sells 70, the others 10 each: Gini 0.44, top fifth 70 / 110
        AnalysisReport report = analyze("stores.csv", out -> {
            out.println("store,revenue");
            for (int i = 0; i < 100; i++) {
                String store = String.valueOf((char) ('a' + i % 5));
                double revenue = store.equals("a") ? (i % 2 == 0 ? 3 : 4) : (i % 2 == 0 ? 0.25 : 0.75);
                out.println(store + "," + revenue);
            }
        });

        Segments.Breakdown revenue = breakdown(report, "revenue");
        assertThat(revenue.total()).isEqualTo(110.0);
        assertThat(revenue.top()).extracting(Segments.Share::value).containsExactly("a", "b", "c", "d", "e");
        assertThat(revenue.top().get(0).share()).isEqualTo(70.0 / 110);
        assertThat(revenue.topFifthShare()).isEqualTo(70.0 / 110);
        // sorted 10, 10, 10, 10, 70: 2 × (10 + 20 + 30 + 40 + 350) / (5 × 110) − 6 / 5
        assertThat(revenue.gini()).isCloseTo(2 * 450.0 / 550 - 1.2, within(1e-12));
        assertThat(revenue.pareto()).extracting(Segments.ParetoPoint::groupsShare)
                .containsExactly(0.2, 0.4, 0.6, 0.8, 1.0);
        assertThat(revenue.pareto()).extracting(Segments.ParetoPoint::totalShare)
                .containsExactly(70.0 / 110, 80.0 / 110, 90.0 / 110, 100.0 / 110, 1.0);
        assertThat(report.keyFindings()).anySatisfy(k -> {
            assertThat(k.kind()).isEqualTo("segment_concentration");
            assertThat(k.sentence()).isEqualTo("revenue is concentrated by store: the top 1 of 5 values (20 %) "
                    + "account for 64 % of the total (Gini 0.44); a alone has 64 %.");
        });
        // the rows are spread evenly: no concentration of rows
        Segments.Breakdown rows = breakdown(report, "rows");
        assertThat(rows.gini()).isZero();
    }

    @Test
    void theParetoCurveOfManyGroupsHasTwentyPointsEndingWithEveryGroup() {
        // 45 groups of 1 and one of 55: the largest first, ceil(45 × k / 20) groups at point k
        double[] ascending = new double[45];
        java.util.Arrays.fill(ascending, 1);
        ascending[44] = 56;

        List<Segments.ParetoPoint> curve = SegmentAnalysis.pareto(ascending);

        assertThat(curve).hasSize(Segments.PARETO_POINTS);
        assertThat(curve.get(0)).isEqualTo(new Segments.ParetoPoint(3.0 / 45, 58.0 / 100));
        assertThat(curve.get(9)).isEqualTo(new Segments.ParetoPoint(23.0 / 45, 78.0 / 100));
        assertThat(curve.get(19)).isEqualTo(new Segments.ParetoPoint(1.0, 1.0));
        assertThat(curve).isSortedAccordingTo(java.util.Comparator.comparingDouble(Segments.ParetoPoint::groupsShare));
        assertThat(SegmentAnalysis.pareto(new double[] {0, 0})).extracting(Segments.ParetoPoint::totalShare)
                .as("nothing to share").containsExactly(0.0, 0.0);
    }

    @Test
    void pricesAreComparedByTheirMeansNeverByTheirSums() throws Exception {
        Random random = new Random(9);
        AnalysisReport report = analyze("prices.csv", out -> {
            out.println("category,unit_price,quantity");
            // food sells often at low prices, jewellery rarely at high ones: sums would rank food first
            for (int i = 0; i < 3000; i++) {
                boolean jewellery = i % 10 == 0;
                out.println((jewellery ? "jewellery" : i % 3 == 0 ? "food" : "books") + ","
                        + f((jewellery ? 400 : i % 3 == 0 ? 5 : 20) + random.nextGaussian()) + "," + (1 + i % 4));
            }
        });

        Segments.Breakdown price = breakdown(report, "unit_price");
        assertThat(price.additive()).isFalse();
        assertThat(price.top()).extracting(Segments.Share::value).containsExactly("jewellery", "books", "food");
        assertThat(price.top()).allSatisfy(share -> assertThat(share.share()).isNull());
        assertThat(price.total()).isNull();
        assertThat(price.gini()).isNull();
        assertThat(price.topFifthShare()).isNull();
        assertThat(price.pareto()).isNull();
        assertThat(price.meansDiffer()).isTrue();

        Segments.Breakdown quantity = breakdown(report, "quantity");
        assertThat(quantity.additive()).isTrue();
        assertThat(quantity.top().get(0).value()).isEqualTo("books");
        assertThat(quantity.total()).isEqualTo(7500.0);
        assertThat(ReportJson.write(report)).contains("\"additive\":false").contains("\"additive\":true");
    }

    @Test
    void aTemperaturesPatternAndTrendAreToldInDegreesNotPercentages() throws Exception {
        Random random = new Random(33);
        AnalysisReport report = analyze("weather.csv", out -> {
            out.println("time,temp_c");
            LocalDateTime start = LocalDateTime.of(2024, 1, 1, 0, 0);
            for (int i = 0; i < 60 * 24; i++) {
                LocalDateTime at = start.plusHours(i);
                // 8 degrees warmer at 14:00 than the day's mean, around 0 °C in January, a tenth warmer each day
                double temp = 8 * Math.cos((at.getHour() - 14) / 24.0 * 2 * Math.PI) + i / 24 * 0.1
                        + random.nextGaussian();
                out.println(at + "," + f(temp));
            }
        });

        assertThat(report.keyFindings()).anySatisfy(k -> assertThat(k.sentence())
                .matches("temp_c \\(mean per hour\\) follows a daily pattern: 14:00 is [78]\\.\\d+ above the average, "
                        + "02:00 [78]\\.\\d+ below .*"));
        assertThat(report.keyFindings()).anySatisfy(k -> assertThat(k.sentence())
                .matches("temp_c \\(mean per day\\) rose over \\d+ days: Theil–Sen slope \\+0\\.\\d+ per day "
                        + "\\(\\+[56]\\.\\d+ in total\\).*"));
        assertThat(series(report, "temp_c").trend().relativeChange()).isNull();
        assertThat(report.quality().alerts()).noneMatch(a -> a.kind().equals("negatives"));
    }

    @Test
    void percentagesAndReadingsAreAveragedPerPeriodAndPerGroupNeverSummed() throws Exception {
        Random random = new Random(10);
        AnalysisReport report = analyze("discounts.csv", out -> {
            out.println("day,store,discount,revenue,battery_v");
            LocalDate start = LocalDate.of(2024, 1, 1);
            for (int i = 0; i < 90 * 20; i++) {
                out.println(start.plusDays(i / 20) + "," + (i % 2 == 0 ? "north" : "south") + ","
                        + (5 * random.nextInt(4)) + "%," + f(50 + random.nextGaussian() * 10) + ","
                        + f(3.7 - i * 1e-4));
            }
        });

        assertThat(series(report, "discount").aggregate()).isEqualTo("mean");
        assertThat(series(report, "revenue").aggregate()).isEqualTo("sum");
        assertThat(series(report, "battery_v").aggregate()).isEqualTo("mean");
        assertThat(breakdown(report, "discount").additive()).isFalse();
        assertThat(breakdown(report, "revenue").additive()).isTrue();
    }

    private static Outliers.ColumnOutliers outliers(AnalysisReport report, String column) {
        return report.outliers().columns().stream().filter(c -> c.column().equals(column)).findFirst().orElseThrow();
    }

    /** The first breakdown of {@code measure} (the row count's, for "rows"). */
    private static Segments.Breakdown breakdown(AnalysisReport report, String measure) {
        return report.segments().breakdowns().stream().filter(b -> b.measure().equals(measure)).findFirst()
                .orElseThrow();
    }

    private static TimeSeries.Series series(AnalysisReport report, String measure) {
        return report.timeSeries().series().stream().filter(s -> s.measure().equals(measure)).findFirst()
                .orElseThrow();
    }

    @Test
    void reportJsonHasNoNonFiniteNumbers() throws Exception {
        Random random = new Random(8);
        AnalysisReport report = analyze("mixed.csv", out -> {
            out.println("day,amount,qty,category,empty,note");
            for (int i = 0; i < 400; i++) {
                out.println(LocalDate.of(2023, 1, 1).plusDays(i % 200) + "," + (i % 17 == 0 ? "" : f(random.nextDouble()
                        * 100 - 5)) + "," + (i % 5) + "," + (i % 3 == 0 ? "a" : "b") + ",," + (i % 7 == 0 ? "x" : ""));
            }
        });

        String json = ReportJson.write(report);
        assertThat(json).doesNotContain("NaN").doesNotContain("Infinity").contains("\"schema_version\":\"2.11\"");
        // a lone quantity of 0 to 4 is no rating: it is summed
        assertThat(series(report, "qty").aggregate()).isEqualTo("sum");
    }
}
