package io.sygnify.analysis.time;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The periods of a series, and the complete ones [first, end) that the tests use.
 *
 * @param weekendsClosed days with no rows on any Saturday or Sunday: weekends are closed days (a market, an
 *                       office), left out of the series rather than counted as days of nothing
 */
record PeriodWindow(PeriodUnit unit, List<LocalDateTime> starts, List<String> labels, int first, int end,
                    boolean weekendsClosed) {

    /** Whether period {@code index} (of all periods) is a day the data could have rows on. */
    boolean open(int index) {
        return !weekendsClosed || starts.get(index).getDayOfWeek().getValue() <= 5;
    }

    /** Whether a period starting at {@code start}, past the data, would be open. */
    boolean open(LocalDateTime start) {
        return !weekendsClosed || start.getDayOfWeek().getValue() <= 5;
    }

    int size() {
        return end - first;
    }

    /** Day of week (Monday 0) of the {@code coreIndex}-th complete period. */
    int weekday(int coreIndex) {
        return starts.get(first + coreIndex).getDayOfWeek().getValue() - 1;
    }

    /** Month of the year (January 0) of the {@code coreIndex}-th complete period; of a week, its Thursday's. */
    int month(int coreIndex) {
        return monthOf(first + coreIndex).getMonthValue() - 1;
    }

    /** The month a period belongs to: a week to the month of its Thursday, which holds most of its days. */
    private YearMonth monthOf(int index) {
        LocalDateTime start = starts.get(index);
        return YearMonth.from(unit == PeriodUnit.WEEK ? start.plusDays(3) : start);
    }

    /**
     * For weekly periods, each month's mean week (sum and count divided by its weeks, so that a month of five
     * weeks is not a quarter above one of four), months with fewer than four complete weeks left out; for other
     * units, {@link #months}. Only the month-of-year pattern uses it: a month's total is not the sum of its weeks.
     */
    Map<YearMonth, double[]> monthsForSeason(double[] sums, double[] counts) {
        if (unit != PeriodUnit.WEEK) {
            return months(sums, counts);
        }
        Map<YearMonth, double[]> months = new LinkedHashMap<>();
        for (int i = first; i < end; i++) {
            double[] acc = months.computeIfAbsent(monthOf(i), key -> new double[3]);
            acc[0] += sums[i];
            acc[1] += counts[i];
            acc[2]++;
        }
        months.values().removeIf(acc -> acc[2] < 4);
        months.replaceAll((month, acc) -> new double[] {acc[0] / acc[2], acc[1] / acc[2]});
        return months;
    }

    /** A period's value from its sum and count: the mean or the sum. */
    static double value(double[] sumAndCount, String aggregate) {
        return aggregate.equals("mean") ? (sumAndCount[1] == 0 ? Double.NaN : sumAndCount[0] / sumAndCount[1])
                : sumAndCount[0];
    }

    /**
     * Complete calendar months (sum and count of values), built from day or month periods; null for coarser or
     * week periods, which do not nest in months.
     */
    Map<YearMonth, double[]> months(double[] sums, double[] counts) {
        if (unit != PeriodUnit.HOUR && unit != PeriodUnit.DAY && unit != PeriodUnit.MONTH) {
            return null;
        }
        Map<YearMonth, double[]> months = new LinkedHashMap<>();
        Map<YearMonth, Integer> periodsSeen = new HashMap<>();
        for (int i = first; i < end; i++) {
            YearMonth month = YearMonth.from(starts.get(i));
            double[] acc = months.computeIfAbsent(month, key -> new double[2]);
            acc[0] += sums[i];
            acc[1] += counts[i];
            periodsSeen.merge(month, 1, Integer::sum);
        }
        months.keySet().removeIf(month -> periodsSeen.get(month) < periodsIn(month, unit));
        return months;
    }

    private static int periodsIn(YearMonth month, PeriodUnit unit) {
        return switch (unit) {
            case HOUR -> month.lengthOfMonth() * 24;
            case DAY -> month.lengthOfMonth();
            default -> 1;
        };
    }
}
