package io.sygnify.analysis.time;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Locale;

/** A unit of aggregation, as DuckDB's date_trunc names it. */
enum PeriodUnit {
    HOUR, DAY, WEEK, MONTH, QUARTER, YEAR;

    String sql() {
        return name().toLowerCase(Locale.ROOT);
    }

    LocalDateTime next(LocalDateTime start) {
        return switch (this) {
            case HOUR -> start.plusHours(1);
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
            case QUARTER -> start.plusMonths(3);
            case YEAR -> start.plusYears(1);
        };
    }

    String label(LocalDateTime start) {
        return switch (this) {
            case HOUR -> start.toString();
            case DAY, WEEK -> start.toLocalDate().toString();
            case MONTH -> YearMonth.from(start).toString();
            case QUARTER -> start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
            case YEAR -> String.valueOf(start.getYear());
        };
    }

    double approximateDays() {
        return switch (this) {
            case HOUR -> 1.0 / 24;
            case DAY -> 1;
            case WEEK -> 7;
            case MONTH -> 30.44;
            case QUARTER -> 91.31;
            case YEAR -> 365.25;
        };
    }

    /**
     * The unit for a time column of this granularity and span, made coarser until there are at most
     * {@value TimeSeriesAnalysis#MAX_PERIODS} periods.
     */
    static PeriodUnit of(String granularity, double spanDays) {
        PeriodUnit unit = switch (granularity) {
            case "second", "minute", "hour" -> spanDays <= 3 ? PeriodUnit.HOUR : PeriodUnit.DAY;
            case "week" -> PeriodUnit.WEEK;
            case "month" -> PeriodUnit.MONTH;
            case "quarter" -> PeriodUnit.QUARTER;
            case "year" -> PeriodUnit.YEAR;
            default -> PeriodUnit.DAY;
        };
        while (unit != PeriodUnit.YEAR && spanDays / unit.approximateDays() > TimeSeriesAnalysis.MAX_PERIODS) {
            unit = PeriodUnit.values()[unit.ordinal() + 1];
        }
        return unit;
    }
}
