package io.sygnify.analysis;

import io.sygnify.analysis.engine.ColumnRoles;
import io.sygnify.analysis.report.ColumnProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class TypeDetectionTest {

    @TempDir
    Path dir;

    private ColumnProfile column(String csv, String name) throws Exception {
        Path file = Files.writeString(dir.resolve("data.csv"), csv);
        EngineSettings settings = new EngineSettings(2, "512MB", dir.resolve("spill"));
        AnalysisReport report = new CsvAnalyzer(settings).analyze(file, ProgressListener.NONE, new CancellationToken());
        return report.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void dayFirstDatesAreReadAsDates() throws Exception {
        ColumnProfile day = column("day,n\n31/12/2024,1\n01/02/2024,2\n15/06/2023,3\n", "day");

        assertThat(day.type()).isEqualTo("date");
        assertThat(day.format()).isEqualTo("dd/mm/yyyy");
        assertThat(day.min()).isEqualTo("2023-06-15");
        assertThat(day.max()).isEqualTo("2024-12-31");
        assertThat(day.temporal().ambiguousDayMonth()).isFalse();
    }

    @Test
    void hoursMinutesAndSecondsAreADurationInSecondsWhenTheNameOrTheHoursSaySo() throws Exception {
        String csv = "Avg. Session Duration,Start,Wall\n00:03:12,08:15:00,1:00:00\n00:00:45,17:40:30,26:30:00\n"
                + "01:02:03.5,23:59:59,0:00:10\n";
        ColumnProfile duration = column(csv, "Avg. Session Duration");
        assertThat(duration.type()).isEqualTo("decimal");
        assertThat(duration.format()).isEqualTo("h:mm:ss, in seconds");
        assertThat(duration.min()).isEqualTo(45.0);
        assertThat(duration.max()).isEqualTo(3723.5);
        assertThat(duration.role()).isEqualTo(ColumnRoles.MEASURE);
        // a time of day stays one; 26 hours are no time of day
        assertThat(column(csv, "Start").type()).isEqualTo("time");
        assertThat(column(csv, "Wall").max()).isEqualTo(95_400.0);
    }

    @Test
    void fourDigitYearsAreDatesWhenTheColumnIsNamedLikeAYear() throws Exception {
        String csv = "Year,Jahr,units,years_of_service\n2021,1999,2021,12\n2022,2000,1999,3\n2023,2001,2048,30\n";
        ColumnProfile year = column(csv, "Year");
        assertThat(year.type()).isEqualTo("date");
        assertThat(year.format()).isEqualTo("yyyy");
        assertThat(year.min()).isEqualTo("2021-01-01");
        assertThat(year.role()).isEqualTo(ColumnRoles.TIME);
        assertThat(year.temporal().granularity()).isEqualTo("year");
        assertThat(column(csv, "Jahr").type()).isEqualTo("date");
        // four digits without a year's name are a number; a number of years is no year
        assertThat(column(csv, "units").type()).isEqualTo("integer");
        assertThat(column(csv, "years_of_service").type()).isEqualTo("integer");
    }

    @Test
    void monthFirstDatesAreReadAsDates() throws Exception {
        ColumnProfile day = column("day,n\n12/31/2024,1\n02/01/2024,2\n06/15/2023,3\n", "day");

        assertThat(day.format()).isEqualTo("mm/dd/yyyy");
        assertThat(day.max()).isEqualTo("2024-12-31");
    }

    @Test
    void ambiguousDatesAreReadTheWayThatMakesConsecutiveRowsCloseAndFlagged() throws Exception {
        StringBuilder csv = new StringBuilder("day,n\n");
        DateTimeFormatter monthFirst = DateTimeFormatter.ofPattern("MM/dd/yyyy");
        for (int i = 0; i < 12; i++) {
            csv.append(LocalDate.of(2024, 3, 1).plusDays(i).format(monthFirst)).append(',').append(i).append('\n');
        }

        ColumnProfile day = column(csv.toString(), "day");

        assertThat(day.format()).isEqualTo("mm/dd/yyyy");
        assertThat(day.min()).isEqualTo("2024-03-01");
        assertThat(day.temporal().ambiguousDayMonth()).isTrue();
        assertThat(day.temporal().ambiguityEvidence()).contains("consecutive rows are 1 day apart");
    }

    @Test
    void dotSeparatedAndMonthNameDatesAreDates() throws Exception {
        assertThat(column("d,n\n24.12.2023,1\n01.02.2024,2\n", "d").max()).isEqualTo("2024-02-01");
        assertThat(column("d,n\n5 Jan 2024,1\n17 Feb 2024,2\n", "d").max()).isEqualTo("2024-02-17");
        assertThat(column("d;n\nJanuary 5, 2024;1\nMarch 17, 2024;2\n", "d").max()).isEqualTo("2024-03-17");
    }

    @Test
    void monthsWrittenWithoutADayAreDatesOnTheFirstOfTheMonth() throws Exception {
        ColumnProfile month = column("month;revenue\nJan 2022;1\nFeb 2022;2\nDecember 2022;3\nJan 2023;4\n", "month");
        assertThat(month.type()).isEqualTo("date");
        assertThat(month.format()).isEqualTo("mmm yyyy");
        assertThat(month.max()).isEqualTo("2023-01-01");
        assertThat(month.temporal().granularity()).isEqualTo("month");

        assertThat(column("m,n\n2023-11,1\n2023-12,2\n2024-01,3\n", "m").max()).isEqualTo("2024-01-01");
        assertThat(column("m,n\n2023/11,1\n2024/1,2\n", "m").max()).isEqualTo("2024-01-01");
        assertThat(column("m,n\n11/2023,1\n01/2024,2\n", "m").max()).isEqualTo("2024-01-01");
        assertThat(column("m,n\nNov-23,1\nJan-24,2\n", "m").max()).isEqualTo("2024-01-01");
        assertThat(column("m,n\nJan 15,1\nFeb 16,2\n", "m").type()).as("a day or a year: left as text")
                .isEqualTo("text");
    }

    @Test
    void dayFirstTimestampsAreTimestamps() throws Exception {
        ColumnProfile at = column("at,n\n31/12/2024 13:45,1\n01/02/2024 08:00,2\n", "at");

        assertThat(at.type()).isEqualTo("timestamp");
        assertThat(at.max()).isEqualTo("2024-12-31T13:45:00");
    }

    @Test
    void timestampsWithAnOffsetAfterASpaceAreTimestamps() throws Exception {
        ColumnProfile paid = column("paid_at,n\n2023-01-01 08:54:11 -0500,1\n2023-01-02 23:10:00 -0500,2\n"
                + "2023-01-03 07:00:00 +0100,3\n", "paid_at");

        assertThat(paid.type()).isEqualTo("timestamp");
        assertThat(paid.invalidCount()).isZero();
        assertThat(paid.max().toString()).isEqualTo("2023-01-03T06:00:00Z");
        assertThat(paid.min().toString()).as("08:54 at UTC−5").isEqualTo("2023-01-01T13:54:11Z");
    }

    @Test
    void currencyAmountsAreNumbers() throws Exception {
        ColumnProfile amount = column("amount,n\n\"$1,234.56\",1\n$20.00,2\n\"$3,000\",3\n", "amount");

        assertThat(amount.type()).isEqualTo("decimal");
        assertThat(amount.max()).isEqualTo(3000.0);
        assertThat(amount.min()).isEqualTo(20.0);
        assertThat(amount.format()).contains("currency $").contains("thousands_separator");
    }

    @Test
    void accountingNegativesAreNegative() throws Exception {
        ColumnProfile amount = column("amount,n\n\"(1,234.00)\",1\n\"2,000.50\",2\n(5.25),3\n", "amount");

        assertThat(amount.min()).isEqualTo(-1234.0);
        assertThat(amount.numeric().negatives()).isEqualTo(2);
        assertThat(amount.format()).contains("accounting_negative");
    }

    @Test
    void europeanAmountsWithDecimalCommaAndEuroSignAreNumbers() throws Exception {
        ColumnProfile amount = column("amount;n\n1.234,56 €;1\n12,50 €;2\n-3,00 €;3\n", "amount");

        assertThat(amount.type()).isEqualTo("decimal");
        assertThat(amount.max()).isEqualTo(1234.56);
        assertThat(amount.min()).isEqualTo(-3.0);
        assertThat(amount.format()).contains("decimal_comma").contains("currency €");
    }

    @Test
    void percentagesAndIsoCurrencyCodesAreNumbers() throws Exception {
        assertThat(column("rate,n\n12.5%,1\n3%,2\n-0.5%,3\n", "rate").max()).isEqualTo(12.5);
        assertThat(column("rate,n\n12.5%,1\n3%,2\n-0.5%,3\n", "rate").format()).isEqualTo("percent");
        assertThat(column("price,n\nUSD 10.00,1\nUSD 1250.00,2\n", "price").max()).isEqualTo(1250.0);
    }

    @Test
    void thousandsSeparatorsInBothConventionsAreNumbers() throws Exception {
        assertThat(column("n,x\n\"1,234,567.5\",1\n\"2,000\",2\n", "n").max()).isEqualTo(1234567.5);
        assertThat(column("n;x\n1.234.567;1\n2.000,5;2\n", "n").max()).isEqualTo(1234567.0);
    }

    @Test
    void wholeNumbersWithSeparatorsOrCurrencyAreIntegers() throws Exception {
        ColumnProfile impressions = column("impressions,x\n\"21,282\",1\n\"1,234,567\",2\n950,3\n", "impressions");
        assertThat(impressions.type()).isEqualTo("integer");
        assertThat(impressions.format()).isEqualTo("thousands_separator");
        assertThat(((Number) impressions.max()).longValue()).isEqualTo(1234567L);

        ColumnProfile german = column("n;x\n1.234.567;1\n2.000;2\n", "n");
        assertThat(german.type()).isEqualTo("integer");
        assertThat(((Number) german.max()).longValue()).isEqualTo(1234567L);

        assertThat(column("amount,x\n$1,1\n\"$1,790\",2\n($25),3\n", "amount").type()).isEqualTo("integer");
        assertThat(column("amount,x\n\"$1,790\",1\n\"$2,500.75\",2\n", "amount").type()).as("a fraction")
                .isEqualTo("decimal");
    }

    @Test
    void eightDigitDatesAreDatesWhenTheNameOrTheirNumberSaysSo() throws Exception {
        ColumnProfile date = column("Date,Sessions\n20230101,1\n20230215,2\n20231231,3\n", "Date");
        assertThat(date.type()).isEqualTo("date");
        assertThat(date.format()).isEqualTo("yyyymmdd");
        assertThat(date.max()).isEqualTo("2023-12-31");

        StringBuilder days = new StringBuilder("stamp,n\n");
        StringBuilder counter = new StringBuilder("batch,n\n");
        for (int i = 0; i < 30; i++) {
            days.append(LocalDate.of(2024, 1, 10).plusDays(i).format(DateTimeFormatter.BASIC_ISO_DATE)).append(",1\n");
            counter.append(20240110 + i).append(",1\n");
        }
        assertThat(column(days.toString(), "stamp").type()).as("30 valid dates are no chance").isEqualTo("date");
        assertThat(column(counter.toString(), "batch").type()).as("a counter runs past day 31")
                .isEqualTo("integer");
        assertThat(column("code,n\n20230101,1\n20230215,2\n", "code").type()).as("two numbers, no date name")
                .isEqualTo("integer");
    }

    @Test
    void identifiersWithLeadingZerosStayText() throws Exception {
        ColumnProfile zip = column("zip,n\n01234,1\n98765,2\n00501,3\n", "zip");

        assertThat(zip.type()).isEqualTo("text");
        assertThat(zip.format()).isEqualTo("leading_zeros");
    }

    @Test
    void disguisedMissingValuesCountAsMissingAndAreReported() throws Exception {
        ColumnProfile score = column("id,score\n1,10\n2,N/A\n3,-\n4,null\n5,\n6,20\n7,#N/A\n8,?\n", "score");

        assertThat(score.type()).isEqualTo("integer");
        assertThat(score.missingCount()).isEqualTo(6);
        assertThat(score.disguisedMissingCount()).isEqualTo(5);
        assertThat(score.disguisedMissing()).extracting(ColumnProfile.ValueCount::value)
                .containsExactlyInAnyOrder("N/A", "-", "null", "#N/A", "?");
        assertThat(score.mean()).isEqualTo(15.0);
    }

    @Test
    void placeholderDatesCountAsMissing() throws Exception {
        ColumnProfile born = column("id,born\n1,1985-03-02\n2,1900-01-01\n3,1990-07-14\n4,1900-01-01\n", "born");

        assertThat(born.type()).isEqualTo("date");
        assertThat(born.missingCount()).isEqualTo(2);
        assertThat(born.min()).isEqualTo("1985-03-02");
        assertThat(born.disguisedMissing()).containsExactly(new ColumnProfile.ValueCount("1900-01-01", 2));
    }

    @Test
    void yesNoColumnIsBoolean() throws Exception {
        ColumnProfile active = column("id,active\n1,yes\n2,no\n3,Yes\n", "active");

        assertThat(active.type()).isEqualTo("boolean");
        assertThat(active.format()).isEqualTo("yes/no");
    }

    @Test
    void naInATextColumnIsAValueNotMissing() throws Exception {
        ColumnProfile country = column("id,country\n1,NA\n2,DE\n3,FR\n4,N/A\n", "country");

        assertThat(country.type()).isEqualTo("text");
        assertThat(country.missingCount()).isEqualTo(1);
        assertThat(country.distinctCount()).isEqualTo(3);
    }
}
