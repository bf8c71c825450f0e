package io.sygnify.analysis;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The periods of a series, and the complete ones [first, end) that the tests use. */
record PeriodWindow(PeriodUnit unit, List<LocalDateTime> starts, List<String> labels, int first, int end) {

    int size() {
        return end - first;
    }

    /** Day of week (Monday 0) of the {@code coreIndex}-th complete period. */
    int weekday(int coreIndex) {
        return starts.get(first + coreIndex).getDayOfWeek().getValue() - 1;
    }

    /** Month of the year (January 0) of the {@code coreIndex}-th complete period. */
    int month(int coreIndex) {
        return starts.get(first + coreIndex).getMonthValue() - 1;
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
