package io.sygnify.analysis.quality;

import io.sygnify.analysis.AnalysisReport;
import io.sygnify.analysis.GeneratedCsv;
import io.sygnify.analysis.engine.ColumnRoles;
import io.sygnify.analysis.report.ColumnProfile;
import io.sygnify.analysis.report.DatasetSummary;
import io.sygnify.analysis.report.KeyFinding;
import io.sygnify.analysis.report.Quality;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Each data-quality alert on a column planted to raise it, with its threshold; the score adds up. */
class QualityAnalysisTest {

    private static final int ROWS = 200;

    @TempDir
    Path dir;

    private AnalysisReport analyze(String name, Consumer<PrintWriter> content) throws Exception {
        return GeneratedCsv.analyze(dir, name, content);
    }

    private static Quality.Alert alert(AnalysisReport report, String kind, String column) {
        return report.quality().alerts().stream()
                .filter(a -> a.kind().equals(kind) && a.columns().contains(column)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " alert on " + column + "; alerts: "
                        + report.quality().alerts().stream().map(a -> a.kind() + " " + a.columns()).toList()));
    }

    /**
     * One column per alert: {@code id} unique, {@code source} constant, {@code notes} empty, {@code comment} half
     * missing, {@code score} with 'N/A' placeholders, {@code quantity} with negatives, {@code balance} with
     * negatives of a kind that may be expected, {@code discount} zero in half the rows, {@code amount} with a heavy
     * tail, {@code segment} 95 % one value, {@code reading} with one word among numbers, {@code x} and {@code y}
     * almost proportional, {@code visit} with dates that read day-first and month-first.
     */
    private AnalysisReport messy() throws Exception {
        return analyze("messy.csv", out -> {
            out.println("id,source,notes,comment,score,quantity,balance,discount,amount,segment,reading,x,y,visit");
            for (int i = 0; i < ROWS; i++) {
                String comment = i % 2 == 0 ? "" : "note " + (i % 7);
                String score = i % 20 == 0 ? "N/A" : String.valueOf(50 + i % 13);
                int quantity = i % 40 == 0 ? -1 : 1 + i % 9;
                int balance = i % 4 == 0 ? -(i % 17) - 1 : i % 23;
                int discount = i % 2 == 0 ? 0 : 5 + i % 3;
                int amount = i % 50 == 0 ? 10_000 : 10 + i % 5;
                String segment = i % 20 == 7 ? "B" : "A";
                String reading = i == 100 ? "error" : String.valueOf(i % 11 + 0.5);
                double x = i % 37;
                double y = 2 * x + (i % 3) * 0.01;
                // day and month both 1–12: either reading fits every value
                LocalDate visit = LocalDate.of(2024, 1 + i % 12, 1 + (i / 12) % 12);
                out.printf(Locale.ROOT, "%d,web,,%s,%s,%d,%d,%d,%d,%s,%s,%s,%s,%02d/%02d/%d%n", i + 1, comment, score,
                        quantity, balance, discount, amount, segment, reading, x, y, visit.getDayOfMonth(),
                        visit.getMonthValue(), visit.getYear());
            }
        });
    }

    @Test
    void everyPlantedProblemRaisesItsAlertWithItsThreshold() throws Exception {
        AnalysisReport report = messy();

        assertThat(alert(report, "unique", "id").severity()).isEqualTo("info");
        Quality.Alert constant = alert(report, "constant", "source");
        // a short label on every row (a source, a currency) describes the file
        assertThat(constant.severity()).isEqualTo("info");
        assertThat(constant.message()).isEqualTo("source holds one value (web) in all 200 present cells: it describes "
                + "the whole file, not its rows.");
        assertThat(alert(report, "empty", "notes").message()).isEqualTo("notes has no values in any of the 200 rows.");

        Quality.Alert missing = alert(report, "missing", "comment");
        assertThat(missing.severity()).isEqualTo("critical");
        assertThat(missing.value()).isCloseTo(50, within(1e-9));
        assertThat(missing.threshold()).isEqualTo(QualityAnalysis.MISSING_PERCENT);

        Quality.Alert disguised = alert(report, "disguised_missing", "score");
        assertThat(disguised.value()).isEqualTo(10);
        assertThat(disguised.message()).contains("'N/A' × 10");
        assertThat(alert(report, "missing", "score").severity()).isEqualTo("warning");

        Quality.Alert quantity = alert(report, "negatives", "quantity");
        assertThat(quantity.severity()).isEqualTo("warning");
        assertThat(quantity.message()).endsWith("unexpected for a column of this name.");
        assertThat(quantity.value()).isCloseTo(5.0 / ROWS, within(1e-12));
        assertThat(alert(report, "negatives", "balance").severity()).isEqualTo("info");

        Quality.Alert zeros = alert(report, "zeros", "discount");
        assertThat(zeros.value()).isCloseTo(0.5, within(1e-12));
        assertThat(zeros.threshold()).isEqualTo(QualityAnalysis.ZEROS_SHARE);

        Quality.Alert skewed = alert(report, "skewed", "amount");
        assertThat(skewed.value()).isGreaterThan(QualityAnalysis.SKEWNESS);
        assertThat(skewed.message()).startsWith("amount is right-skewed");

        Quality.Alert imbalance = alert(report, "imbalance", "segment");
        assertThat(imbalance.value()).isCloseTo(0.95, within(1e-12));
        assertThat(imbalance.message()).isEqualTo("segment is imbalanced: 'A' makes up 95 % of values.");

        Quality.Alert mixed = alert(report, "mixed_types", "reading");
        assertThat(mixed.value()).isEqualTo(1);
        assertThat(mixed.message()).isEqualTo("reading is decimal in 99.5 % of its values; 1 does not fit and is "
                + "left out, e.g. 'error'.");

        Quality.Alert correlated = alert(report, "high_correlation", "y");
        assertThat(correlated.columns()).containsExactlyInAnyOrder("x", "y");
        assertThat(correlated.value()).isGreaterThanOrEqualTo(QualityAnalysis.HIGH_CORRELATION);

        assertThat(alert(report, "ambiguous_dates", "visit").severity()).isEqualTo("warning");
        assertThat(report.quality().alerts()).noneMatch(a -> a.kind().equals("duplicates"));
    }

    @Test
    void aMeasureStuckAtOneValueIsAWarningButACurrencyOnEveryRowIsNot() throws Exception {
        AnalysisReport report = analyze("statement.csv", out -> {
            out.println("date,amount,discount,Währung");
            for (int i = 0; i < 50; i++) {
                out.println(java.time.LocalDate.of(2024, 1, 1).plusDays(i) + "," + (10 + i) + ",0,EUR");
            }
        });

        assertThat(alert(report, "constant", "discount").severity()).isEqualTo("warning");
        assertThat(alert(report, "constant", "Währung").severity()).isEqualTo("info");
        assertThat(report.quality().deductions()).filteredOn(d -> d.dimension().equals("consistency"))
                .singleElement().satisfies(d -> assertThat(d.rule()).startsWith("1 empty, constant"));
    }

    /**
     * Order numbers unique but for two, each on two different orders; an order copied whole is a duplicate row,
     * not a reused key; customers order many times by design.
     */
    @Test
    void anIdentifierRepeatedOnDifferentRowsIsAKeyUsedTwice() throws Exception {
        AnalysisReport report = analyze("orders.csv", out -> {
            out.println("order_id,customer_id,amount");
            for (int i = 0; i < 400; i++) {
                int id = i == 250 ? 10 : i == 300 ? 20 : i;
                out.println("SO" + (1000 + id) + ",C" + (i % 40) + "," + (5 + i));
            }
            out.println("SO1399,C39,404");
        });

        Quality.Alert keys = alert(report, "duplicate_keys", "order_id");
        assertThat(keys.severity()).isEqualTo("warning");
        assertThat(keys.value()).isEqualTo(2.0);
        assertThat(keys.message()).isEqualTo("order_id is unique except for 2 values, each held by different rows: "
                + "'SO1010' (rows 11 and 251) and 'SO1020' (rows 21 and 301). Two records share a key: a row entered "
                + "twice with a change, or a key reused.");
        assertThat(report.quality().alerts()).noneMatch(a -> a.kind().equals("duplicate_keys")
                && a.columns().contains("customer_id"));
        assertThat(report.dataset().duplicateRows()).isEqualTo(1);
    }

    @Test
    void alertsComeMostSevereFirstAndWarningsBecomeFindings() throws Exception {
        AnalysisReport report = messy();

        List<String> severities = report.quality().alerts().stream().map(Quality.Alert::severity).toList();
        assertThat(severities).isSortedAccordingTo(Comparator.comparingInt(
                s -> List.of("critical", "warning", "info").indexOf(s)));
        assertThat(report.keyFindings()).filteredOn(f -> f.kind().equals("data_quality"))
                .extracting(KeyFinding::sentence)
                .contains(alert(report, "missing", "comment").message())
                .doesNotContain(alert(report, "unique", "id").message(), alert(report, "constant", "source").message());
    }

    @Test
    void keyFindingsAreRankedByImpactTimesSignificanceAndPointAtTheirEvidence() throws Exception {
        AnalysisReport report = messy();
        List<KeyFinding> findings = report.keyFindings();
        List<String> columns = report.columns().stream().map(ColumnProfile::name).toList();

        assertThat(findings).hasSizeGreaterThan(5).hasSizeLessThanOrEqualTo(AnalysisReport.KEY_FINDINGS);
        assertThat(findings).extracting(KeyFinding::score)
                .isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.score()).isCloseTo(f.impact() * f.significance(), within(1e-12));
            assertThat(f.kind()).isNotBlank();
            assertThat(f.sentence()).endsWith(".").containsPattern("\\d");
            assertThat(columns).containsAll(f.evidence().columns());
        });
    }

    @Test
    void theScoreIsOneHundredLessItsDeductionsEachWithItsRule() throws Exception {
        AnalysisReport report = messy();
        Quality quality = report.quality();

        double deducted = quality.deductions().stream().mapToDouble(Quality.Deduction::points).sum();
        assertThat(quality.score()).isCloseTo(100 - deducted, within(0.05));
        assertThat(quality.deductions()).extracting(Quality.Deduction::dimension)
                .containsExactly("completeness", "validity", "consistency");
        // one empty and one ambiguous-date column: 2 points each; the constant label costs nothing
        assertThat(quality.deductions().get(2).points()).isEqualTo(4.0);
        assertThat(quality.deductions().get(2).rule()).startsWith("2 empty, constant or ambiguous-date columns");
        double missingPercent = report.dataset().missingCellsPercent();
        assertThat(quality.deductions().get(0).points()).isCloseTo(missingPercent / 2, within(0.05));
    }

    @Test
    void duplicateRowsAreCountedWithTheirRowNumbersAndCostUniquenessPoints() throws Exception {
        AnalysisReport report = analyze("duplicates.csv", out -> {
            out.println("city,visits");
            String[] rows = {"Oslo,3", "Rome,4", "Oslo,3", "Lima,5", "Oslo,3", "Rome,4", "Kyiv,6", "Bern,7", "Nice,8",
                "Riga,9"};
            for (String row : rows) {
                out.println(row);
            }
        });

        assertThat(report.dataset().duplicateRows()).isEqualTo(3);
        assertThat(report.dataset().duplicateExamples()).containsExactly(
                new DatasetSummary.DuplicateGroup(3, List.of(1L, 3L, 5L)),
                new DatasetSummary.DuplicateGroup(2, List.of(2L, 6L)));
        Quality.Alert duplicates = report.quality().alerts().stream().filter(a -> a.kind().equals("duplicates"))
                .findFirst().orElseThrow();
        assertThat(duplicates.message()).isEqualTo("3 rows (30 %) repeat an earlier row exactly.");
        // 30 % of rows: 1 point per %, at most 15
        assertThat(report.quality().deductions()).filteredOn(d -> d.dimension().equals("uniqueness"))
                .extracting(Quality.Deduction::points).containsExactly(15.0);
    }

    @Test
    void aCleanFileScoresOneHundredWithoutWarnings() throws Exception {
        AnalysisReport report = analyze("clean.csv", out -> {
            out.println("order_id,day,region,units");
            for (int i = 0; i < ROWS; i++) {
                out.printf(Locale.ROOT, "%d,%s,%s,%d%n", 1000 + i, LocalDate.of(2024, 1, 1).plusDays(i),
                        List.of("north", "south", "east", "west").get(i % 4), 3 + (i * 7) % 11);
            }
        });

        assertThat(report.quality().score()).isEqualTo(100.0);
        assertThat(report.quality().deductions()).isEmpty();
        assertThat(report.quality().alerts()).allMatch(a -> a.severity().equals("info"));
        assertThat(report.dataset().candidateKeys()).contains(List.of("order_id"));
    }

    @Test
    void seriesWithTheSameRhythmShareOneSeasonalAlert() throws Exception {
        java.util.Random random = new java.util.Random(23);
        AnalysisReport report = analyze("weekly.csv", out -> {
            out.println("day,amount,quantity");
            LocalDate start = LocalDate.of(2024, 1, 1);
            for (int i = 0; i < 140; i++) {
                LocalDate day = start.plusDays(i);
                // twice the orders at weekends, the same amounts and quantities per order every day
                for (int k = 0; k < (day.getDayOfWeek().getValue() >= 6 ? 40 : 20); k++) {
                    out.printf(Locale.ROOT, "%s,%.2f,%d%n", day, 50 + random.nextGaussian() * 5, 1 + random.nextInt(3));
                }
            }
        });

        List<Quality.Alert> seasonal = report.quality().alerts().stream().filter(a -> a.kind().equals("seasonal"))
                .toList();
        assertThat(seasonal).singleElement().satisfies(a -> {
            assertThat(a.columns()).containsExactly("amount", "quantity");
            assertThat(a.message()).matches("rows, amount and quantity per day have a weekly pattern \\(η² \\d\\.\\d\\d to "
                    + "\\d\\.\\d\\d, each p < 0\\.001\\)\\.");
        });
    }

    @Test
    void debitAndCreditColumnsAreTwoSidesOfOneAmountNotMissingValues() throws Exception {
        AnalysisReport report = analyze("statement.csv", out -> {
            out.println("date;payee;debit;credit;balance");
            double balance = 100;
            for (int i = 0; i < ROWS; i++) {
                boolean credit = i % 5 == 0;
                double amount = credit ? 3000 + i : 20 + i % 37;
                balance += credit ? amount : -amount;
                out.printf(Locale.ROOT, "%s;%s;%s;%s;%.2f%n", LocalDate.of(2024, 1, 1).plusDays(i / 2),
                        credit ? "Salary" : "Shop " + i % 7, credit ? "" : amount, credit ? amount : "", balance);
            }
        });

        assertThat(report.quality().alerts()).noneMatch(a -> a.kind().equals("missing"));
        Quality.Alert pair = alert(report, "complementary", "debit");
        assertThat(pair.columns()).containsExactly("debit", "credit");
        assertThat(pair.message()).isEqualTo("debit and credit are the two sides of one amount: exactly one of them is "
                + "filled on each of the 200 rows, so their blanks are not missing values.");
        assertThat(report.dataset().missingCells()).isEqualTo(ROWS);
        assertThat(report.quality().deductions()).noneMatch(d -> d.dimension().equals("completeness"));
        assertThat(report.keyFindings()).noneMatch(k -> k.sentence().contains("missing in"));
    }

    @Test
    void aColumnOfOneValueOrNothingMarksRowsAndItsBlanksAreNotMissing() throws Exception {
        AnalysisReport report = analyze("orders.csv", out -> {
            out.println("order,total,discount_code,shipping");
            for (int i = 0; i < ROWS; i++) {
                // a fifth of the orders used the code; orders under 50 pay 5.90 shipping
                double total = 20 + i % 60;
                out.printf(Locale.ROOT, "O%04d,%.2f,%s,%.2f%n", i, total, i % 5 == 0 ? "WELCOME10" : "",
                        total >= 50 ? 0 : 5.9);
            }
        });

        Quality.Alert marker = alert(report, "marker", "discount_code");
        assertThat(marker.severity()).isEqualTo("info");
        assertThat(marker.message()).isEqualTo("discount_code is either WELCOME10 (20 % of rows) or blank: it marks "
                + "rows, so its blanks are not counted as missing.");
        assertThat(report.quality().alerts()).noneMatch(a -> a.kind().equals("missing") || a.kind().equals("constant"));
        assertThat(report.quality().deductions()).noneMatch(d -> d.dimension().equals("completeness")
                || d.dimension().equals("consistency"));
        assertThat(report.columns().get(3).role()).as("0 or 5.90 is an amount, not a yes/no")
                .isEqualTo(ColumnRoles.MEASURE);
    }

    @Test
    void blanksOnTheRowsOfSomeValuesOfACategorySayWhereAndExactOnesAreNotMissing() throws Exception {
        AnalysisReport report = analyze("listings.csv", out -> {
            out.println("listing,type,status,list_price,sold_price,lot_acres,hoa_fee,agent_note,survey");
            for (int i = 0; i < 400; i++) {
                String type = i % 5 == 0 ? "Condo" : i % 5 == 1 ? "Townhouse" : "House";
                boolean sold = i % 4 != 0;
                int price = 200_000 + (i % 37) * 5_000;
                // a condo has no lot, and a tenth of the others' are unknown; only houses may have no HOA fee
                String lot = type.equals("Condo") || i % 10 == 3 ? "" : String.format(Locale.ROOT, "%.2f",
                        0.1 + (i % 9) / 20.0);
                String hoa = type.equals("House") && i % 3 != 0 ? "" : String.valueOf(100 + (i % 4) * 50);
                // blank at random, whatever the row
                String note = i % 7 == 2 || i % 11 == 5 ? "" : "call " + (i % 13);
                // sent to buyers only, and two in three did not answer
                String survey = !sold || i % 3 != 0 ? "" : String.valueOf(1 + i % 5);
                out.printf(Locale.ROOT, "L%04d,%s,%s,%d,%s,%s,%s,%s,%s%n", i, type, sold ? "Sold" : "Active", price,
                        sold ? String.valueOf(price - 2_000) : "", lot, hoa, note, survey);
            }
        });

        Quality.Alert sold = alert(report, "missing", "sold_price");
        assertThat(sold.severity()).isEqualTo("info");
        assertThat(sold.message()).isEqualTo("sold_price is blank on exactly the 100 rows with status Active, and "
                + "filled on all others: it does not apply there, so these blanks are not counted as missing.");
        assertThat(alert(report, "missing", "lot_acres").message()).isEqualTo("lot_acres is missing in 30 % of rows "
                + "(120 cells): on every row with type Condo (80) and on 13 % of the others.");
        assertThat(alert(report, "missing", "hoa_fee").message()).isEqualTo("hoa_fee is missing in 40 % of rows "
                + "(160 cells), all of them on rows with type House (blank on 67 % of those rows, against 0 % of "
                + "the others).");
        assertThat(alert(report, "missing", "survey").message()).as("a third of its blanks, but every such row")
                .isEqualTo("survey is missing in 75 % of rows (300 cells): on every row with status Active (100) and "
                        + "on 67 % of the others.");
        assertThat(alert(report, "missing", "agent_note").message()).as("blank at random: nothing to say where")
                .isEqualTo("agent_note is missing in 22 % of rows (88 cells).");
        assertThat(report.quality().deductions()).filteredOn(d -> d.dimension().equals("completeness"))
                .singleElement().satisfies(d -> assertThat(d.rule()).contains("not counting blanks where a column "
                        + "does not apply"));
    }

    @Test
    void missingCellsThatAreAllPlaceholdersAreOneFindingAndMixedOnesTwo() throws Exception {
        AnalysisReport report = analyze("loans.csv", out -> {
            out.println("loan,emp_length,income");
            for (int i = 0; i < ROWS; i++) {
                // emp_length: every missing cell written n/a; income: blank or '-'
                out.printf(Locale.ROOT, "L%04d,%s,%s%n", i, i % 5 == 0 ? "n/a" : (1 + i % 9) + " years",
                        i % 10 == 1 ? "" : i % 10 == 2 ? "-" : String.valueOf(30_000 + i * 100));
            }
        });

        List<KeyFinding> employment = report.keyFindings().stream()
                .filter(f -> f.evidence().columns().equals(List.of("emp_length"))).toList();
        assertThat(employment).singleElement().satisfies(f -> assertThat(f.sentence()).isEqualTo(
                "emp_length has 40 placeholder values counted as missing (20 % of rows): 'n/a' × 40."));
        assertThat(alert(report, "missing", "emp_length").severity()).as("still listed").isEqualTo("warning");
        assertThat(report.keyFindings().stream().filter(f -> f.evidence().columns().equals(List.of("income"))))
                .extracting(f -> f.evidence().chartKey())
                .containsExactlyInAnyOrder("quality:missing", "quality:disguised_missing");
    }

    @Test
    void valuesOutsideTheFencesByTheFifthAreSeparateGroupsNotOutliers() throws Exception {
        AnalysisReport report = analyze("credits.csv", out -> {
            out.println("credit");
            for (int i = 0; i < ROWS; i++) {
                out.println(i % 5 == 0 ? 3200 : 10 + i % 41);
            }
        });

        Quality.Alert groups = alert(report, "outliers", "credit");
        assertThat(groups.severity()).isEqualTo("info");
        assertThat(groups.message()).startsWith("credit: 40 values (20 %) outside ")
                .endsWith(", too many to be outliers: its values fall into separate groups.");
        assertThat(report.keyFindings()).filteredOn(k -> k.kind().equals("outliers")).singleElement()
                .satisfies(k -> assertThat(k.sentence()).startsWith("credit has values in separate groups: 20 % of "
                        + "them (40) lie outside the main group's range "));
    }

    /**
     * Subscriptions whose price goes with the plan one to one: cancellations concentrated on Basic are the same rows
     * as those at 29 a month, and are told once, by the plan.
     */
    @Test
    void aFlagRateOnTheSameRowsAsAnotherIsToldOnceByTheCategory() throws Exception {
        java.util.Random random = new java.util.Random(19);
        AnalysisReport report = analyze("subscriptions.csv", out -> {
            out.println("customer_id,plan,mrr,cancelled");
            for (int i = 0; i < 3000; i++) {
                int plan = i % 3;
                boolean cancelled = random.nextDouble() < (plan == 0 ? 0.5 : 0.15);
                out.printf(Locale.ROOT, "C%05d,%s,%d,%s%n", i, new String[] {"Basic", "Pro", "Team"}[plan],
                        new int[] {29, 99, 249}[plan], cancelled);
            }
        });

        assertThat(report.keyFindings()).filteredOn(k -> k.sentence().startsWith("cancelled is "))
                .singleElement().satisfies(k -> assertThat(k.sentence()).contains("plan Basic"));
    }

    /**
     * An employee roster: the termination date follows the hire date and is blank for everyone still employed.
     * Those blanks are open cases, not missing data (no deduction, no finding), and who has left is told by
     * department: attrition. Where the hire date is itself often blank, the termination date's blanks stay missing.
     */
    @Test
    void aLaterDateBlankOnOpenCasesIsNoMissingDataAndItsRateBySegmentIsTold() throws Exception {
        String[] departments = {"Support", "Engineering", "Sales", "Finance"};
        java.util.Random random = new java.util.Random(5);
        AnalysisReport report = analyze("roster.csv", out -> {
            out.println("employee_id,department,hire_date,termination_date,salary");
            for (int i = 0; i < 1200; i++) {
                String department = departments[i % 4];
                java.time.LocalDate hired = java.time.LocalDate.of(2016, 1, 1).plusDays(random.nextInt(2500));
                boolean left = random.nextDouble() < (department.equals("Support") ? 0.35 : 0.08);
                out.printf(Locale.ROOT, "E%05d,%s,%s,%s,%d%n", i, department, hired,
                        left ? hired.plusDays(90 + random.nextInt(900)) : "", 40_000 + random.nextInt(60_000));
            }
        });

        Quality.Alert open = alert(report, "missing", "termination_date");
        assertThat(open.severity()).isEqualTo("info");
        assertThat(open.message()).startsWith("termination_date is blank on ").contains("it follows hire_date (by ")
                .endsWith("so a blank is something that has not happened (yet), not missing data.").doesNotContain("most are recent");
        assertThat(report.quality().deductions()).noneMatch(d -> d.dimension().equals("completeness"));
        assertThat(report.keyFindings()).noneMatch(k -> k.kind().equals("data_quality")
                && k.evidence().columns().contains("termination_date"));
        assertThat(report.segments().flagRates()).anySatisfy(r -> {
            assertThat(r.flag()).isEqualTo("termination_date");
            assertThat(r.dimension()).isEqualTo("department");
            assertThat(r.value()).isEqualTo("Support");
            assertThat(r.rate()).isCloseTo(0.35, within(0.06));
        });
        assertThat(report.keyFindings()).anySatisfy(k -> assertThat(k.sentence()).startsWith(
                "termination_date is set on ").contains("of rows with department Support"));

        AnalysisReport unsure = analyze("roster2.csv", out -> {
            out.println("employee_id,department,hire_date,termination_date");
            for (int i = 0; i < 400; i++) {
                java.time.LocalDate hired = java.time.LocalDate.of(2016, 1, 1).plusDays(random.nextInt(2500));
                out.printf(Locale.ROOT, "E%05d,%s,%s,%s%n", i, departments[i % 4], i % 3 == 0 ? "" : hired,
                        random.nextBoolean() ? hired.plusDays(90 + random.nextInt(900)) : "");
            }
        });
        assertThat(alert(unsure, "missing", "termination_date").severity()).isNotEqualTo("info");
    }

    /** Tickets still open are mostly the last fortnight's: a backlog of new ones, and the alert says so. */
    @Test
    void openCasesThatBeganLateAreToldAsRecent() throws Exception {
        java.util.Random random = new java.util.Random(7);
        AnalysisReport report = analyze("desk.csv", out -> {
            out.println("ticket_id,created_at,resolved_at");
            for (int i = 0; i < 1200; i++) {
                java.time.LocalDateTime created = java.time.LocalDateTime.of(2025, 1, 1, 0, 0)
                        .plusMinutes(i * 144L);
                boolean open = i >= 1060 ? random.nextDouble() < 0.7 : random.nextDouble() < 0.02;
                out.printf(Locale.ROOT, "T%05d,%s,%s%n", i, created, open ? ""
                        : created.plusMinutes(30 + random.nextInt(3000)));
            }
        });

        assertThat(alert(report, "missing", "resolved_at").message()).contains("so a blank is something that has not "
                + "happened (yet), not missing data; most are recent: half of them began after 2025-04-").endsWith(
                ", later than three in four of all created_at values.");
    }

    /**
     * A support desk's tickets: half the customers rated their ticket, at random. The blanks of csat are no answer,
     * told as the response rate, without points off or a finding; a blank first response time stays missing.
     */
    @Test
    void aRatingLeftBlankIsNoAnswerNotMissingData() throws Exception {
        java.util.Random random = new java.util.Random(6);
        AnalysisReport report = analyze("tickets.csv", out -> {
            out.println("ticket_id,agent,first_response_minutes,csat");
            for (int i = 0; i < 600; i++) {
                out.printf(Locale.ROOT, "T%05d,%s,%s,%s%n", i, "A" + i % 4,
                        random.nextDouble() < 0.2 ? "" : String.valueOf(5 + random.nextInt(60)),
                        random.nextBoolean() ? "" : String.valueOf(1 + random.nextInt(5)));
            }
        });

        Quality.Alert csat = alert(report, "missing", "csat");
        assertThat(csat.severity()).isEqualTo("info");
        assertThat(csat.message()).startsWith("csat is blank on ").contains("): answered on ")
                .endsWith("so a blank is no answer, not lost data.");
        // only the response times' blanks (a fifth of a quarter of the cells) cost completeness points
        assertThat(report.quality().deductions()).filteredOn(d -> d.dimension().equals("completeness"))
                .singleElement().satisfies(d -> assertThat(d.points()).isLessThan(4));
        assertThat(alert(report, "missing", "first_response_minutes").severity()).isEqualTo("warning");
        assertThat(report.keyFindings()).noneMatch(k -> k.kind().equals("data_quality")
                && k.evidence().columns().contains("csat"));
    }

    /**
     * The same groups, set by the programme: the alert names what explains them and judges each programme's credits
     * against its own, and the association finding ("programme explains … of credit") tells it, not a second one.
     */
    @Test
    void separateGroupsACategoryExplainsAreNamedByIt() throws Exception {
        AnalysisReport report = analyze("credits.csv", out -> {
            out.println("programme,credit");
            for (int i = 0; i < ROWS; i++) {
                out.println(i % 5 == 0 ? "thesis," + (3200 + i % 7) : "course," + (10 + i % 41));
            }
        });

        assertThat(alert(report, "outliers", "credit").message()).isEqualTo("credit: 40 values (20 %) outside 10 to "
                + "99.36 over all rows, but programme explains most of it (99.9 % of its variance): judged within each "
                + "programme, none is out of line.");
        assertThat(report.keyFindings()).noneMatch(k -> k.kind().equals("outliers"))
                .anyMatch(k -> k.kind().equals("association") || k.kind().equals("segment_difference"));
    }
    /** Three sensors every 10 minutes; the second reads 20.7 from the 100th reading on, the others keep varying. */
    @Test
    void aSensorStuckOnOneValueIsNamedWithItsDeviceTimesAndRows() throws Exception {
        java.util.Random random = new java.util.Random(31);
        AnalysisReport report = analyze("sensors.csv", out -> {
            out.println("time,sensor,temperature,setpoint");
            for (int k = 0; k < 300; k++) {
                java.time.LocalDateTime at = java.time.LocalDateTime.of(2025, 3, 1, 0, 0).plusMinutes(10L * k);
                for (String sensor : new String[] {"s1", "s2", "s3"}) {
                    double temperature = sensor.equals("s2") && k >= 100 ? 20.7 : 20 + random.nextGaussian();
                    out.printf(java.util.Locale.ROOT, "%s,%s,%.2f,%d%n", at, sensor, temperature, k < 150 ? 20 : 22);
                }
            }
        });

        Quality.Alert stuck = alert(report, "stuck_values", "temperature");
        assertThat(stuck.severity()).isEqualTo("warning");
        assertThat(stuck.columns()).containsExactly("temperature", "sensor");
        assertThat(stuck.message()).isEqualTo("temperature repeats 20.70 on 200 consecutive rows of sensor s2, from "
                + "2025-03-01 16:40:00 to 2025-03-03 01:50:00 (rows 302 to 899), where its values otherwise vary: a "
                + "sensor that stopped measuring, or a value carried forward.");
        // a setpoint holds its value by nature: two values, no alert
        assertThat(report.quality().alerts()).filteredOn(a -> a.kind().equals("stuck_values")).hasSize(1);
        assertThat(report.keyFindings()).anySatisfy(k -> {
            assertThat(k.evidence().chartKey()).isEqualTo("quality:stuck_values");
            assertThat(k.evidence().rows()).containsExactly(302L, 899L);
        });
    }

    /** A daily price carried forward over six weeks of missing quotes. */
    @Test
    void aValueCarriedForwardInADailySeriesIsFound() throws Exception {
        java.util.Random random = new java.util.Random(32);
        AnalysisReport report = analyze("quotes.csv", out -> {
            out.println("date,price");
            double price = 100;
            for (int day = 0; day < 365; day++) {
                if (day < 200 || day >= 242) {
                    price *= 1 + random.nextGaussian() * 0.01;
                }
                out.printf(java.util.Locale.ROOT, "%s,%.2f%n", java.time.LocalDate.of(2024, 1, 1).plusDays(day), price);
            }
        });

        assertThat(alert(report, "stuck_values", "price").message()).startsWith("price repeats ")
                .contains(" on 43 consecutive rows, from 2024-07-18 to 2024-08-29 (rows 200 to 242)");
    }

    @Test
    void randomReadingsRepeatNothing() throws Exception {
        java.util.Random random = new java.util.Random(33);
        AnalysisReport report = analyze("noise.csv", out -> {
            out.println("time,reading");
            for (int k = 0; k < 5000; k++) {
                out.printf(java.util.Locale.ROOT, "%s,%d%n", java.time.LocalDateTime.of(2025, 1, 1, 0, 0).plusMinutes(k),
                        random.nextInt(25));
            }
        });

        assertThat(report.quality().alerts()).noneMatch(a -> a.kind().equals("stuck_values"));
    }
    /** Two sensors every 5 minutes for two days; s2 sends nothing for six hours. */
    @Test
    void aDeviceThatFallsSilentIsAGapTheOtherDevicesDoNotHide() throws Exception {
        java.util.Random random = new java.util.Random(34);
        AnalysisReport report = analyze("silence.csv", out -> {
            out.println("time,device,reading");
            for (int k = 0; k < 576; k++) {
                java.time.LocalDateTime at = java.time.LocalDateTime.of(2025, 3, 1, 0, 0).plusMinutes(5L * k);
                for (String device : new String[] {"s1", "s2"}) {
                    if (device.equals("s2") && k >= 200 && k < 272) {
                        continue;
                    }
                    out.printf(java.util.Locale.ROOT, "%s,%s,%.3f%n", at, device, random.nextGaussian());
                }
            }
        });

        Quality.Alert gaps = alert(report, "time_gaps", "time");
        assertThat(gaps.columns()).containsExactly("time", "device");
        assertThat(gaps.message()).isEqualTo("device s2 has no rows for 6.08 hours, from 2025-03-01 16:35:00 to "
                + "2025-03-01 22:40:00, where rows come every 5 minutes.");
        assertThat(report.keyFindings()).anySatisfy(k -> assertThat(k.evidence().chartKey())
                .isEqualTo("quality:time_gaps"));
    }

    @Test
    void aDailySeriesWithMissingWeeksListsThemLongestFirst() throws Exception {
        AnalysisReport report = analyze("daily.csv", out -> {
            out.println("day,visits");
            for (int d = 0; d < 200; d++) {
                if (!(d >= 50 && d < 60) && !(d >= 120 && d < 140)) {
                    out.println(java.time.LocalDate.of(2024, 1, 1).plusDays(d) + "," + (100 + d % 7));
                }
            }
        });

        assertThat(alert(report, "time_gaps", "day").message()).isEqualTo("day has 2 gaps of more than 7 usual "
                + "intervals (rows come every 1 day): 21 days from 2024-04-29 to 2024-05-20 and 11 days from "
                + "2024-02-19 to 2024-03-01.");
    }

    @Test
    void eventsAtIrregularTimesHaveNoGaps() throws Exception {
        java.util.Random random = new java.util.Random(35);
        AnalysisReport report = analyze("events.csv", out -> {
            out.println("time,amount");
            java.time.LocalDateTime at = java.time.LocalDateTime.of(2025, 1, 1, 0, 0);
            for (int k = 0; k < 2000; k++) {
                at = at.plusSeconds(1 + (long) (-Math.log(random.nextDouble()) * 600));
                out.printf(java.util.Locale.ROOT, "%s,%.2f%n", at, 10 + random.nextDouble() * 90);
            }
        });

        assertThat(report.quality().alerts()).noneMatch(a -> a.kind().equals("time_gaps"));
    }
}
