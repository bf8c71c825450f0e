package io.sygnify.analysis.time;

import io.sygnify.analysis.AnalysisCancelledException;
import io.sygnify.analysis.engine.AnalysisContext;
import io.sygnify.analysis.ingest.ColumnTypeResolver;
import io.sygnify.analysis.report.ColumnProfile;
import io.sygnify.analysis.report.TimeSeries;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Hour-of-day patterns of data stamped within the day (sensor readings, visits, calls): how each hour compares with
 * the rest of its day. The series over time are per day or coarser, where such a rhythm no longer shows, so the
 * hours are counted here from the rows themselves: per complete day (the first and last day may be partial) and
 * hour, the row count, a measure's sum or its mean, each minus the centred 24-hour moving average, so that growth
 * or drift is no pattern; then a one-way ANOVA over the 24 hours.
 */
final class DailyPattern {

    static final String KIND = "daily";
    private static final int HOURS = 24;
    private static final int MIN_COMPLETE_DAYS = 3;

    private DailyPattern() {
    }

    /**
     * @param means per measure, whether its series is of means (else of sums)
     * @return per series (the row count first, then the measures), its daily pattern; empty when the time column
     *         holds no times of day or spans fewer than {@value #MIN_COMPLETE_DAYS} complete days
     */
    static List<TimeSeries.Seasonality> of(AnalysisContext context, int time, List<Integer> measures,
                                           List<Boolean> means) throws SQLException, AnalysisCancelledException {
        ColumnProfile.TemporalStats temporal = context.profile(time).temporal();
        if (temporal == null || !List.of("second", "minute", "hour").contains(temporal.granularity())
                || temporal.spanDays() < MIN_COMPLETE_DAYS + 2) {
            return List.of();
        }
        String ts = "CAST(" + context.sql(time) + " AS TIMESTAMP)";
        StringJoiner select = new StringJoiner(", ");
        for (int m : measures) {
            select.add("sum(" + context.sql(m) + "::DOUBLE)").add("count(" + context.sql(m) + ")");
        }
        // per day: per hour the row count, then per measure its sum and count
        TreeMap<LocalDateTime, double[][]> days = context.session().query("SELECT date_trunc('day', " + ts
                + ") AS d, hour(" + ts + ") AS h, count(*)" + (measures.isEmpty() ? "" : ", " + select) + " FROM "
                + ColumnTypeResolver.TABLE + " WHERE " + context.sql(time) + " IS NOT NULL GROUP BY d, h", row -> {
                    TreeMap<LocalDateTime, double[][]> map = new TreeMap<>();
                    while (row.next()) {
                        double[][] cells = map.computeIfAbsent(row.getObject(1, LocalDateTime.class),
                                d -> new double[HOURS][1 + 2 * measures.size()]);
                        double[] cell = cells[row.getInt(2)];
                        for (int k = 0; k < cell.length; k++) {
                            cell[k] = row.getDouble(3 + k);
                        }
                    }
                    return map;
                });
        if (days.size() < MIN_COMPLETE_DAYS + 2) {
            return List.of();
        }
        List<double[][]> complete = new ArrayList<>(days.values()).subList(1, days.size() - 1);
        List<TimeSeries.Seasonality> patterns = new ArrayList<>();
        patterns.add(pattern(complete, cell -> cell[0]));
        for (int m = 0; m < measures.size(); m++) {
            int sum = 1 + 2 * m;
            boolean mean = means.get(m);
            patterns.add(pattern(complete, cell -> mean ? (cell[sum + 1] == 0 ? Double.NaN
                    : cell[sum] / cell[sum + 1]) : cell[sum]));
        }
        return patterns;
    }

    /**
     * The hours of the complete days in a row, each minus the centred 24-hour moving average around it (the
     * classical decomposition's trend), so that a level that drifts within the day, like a draining battery, is
     * no daily rhythm; hours without a centred day around them are left out.
     */
    private static TimeSeries.Seasonality pattern(List<double[][]> days,
                                                  java.util.function.ToDoubleFunction<double[]> value) {
        int n = days.size() * HOURS;
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            // an hour without rows counts 0 rows and sums to 0; it has no mean
            values[i] = value.applyAsDouble(days.get(i / HOURS)[i % HOURS]);
        }
        double[] residuals = new double[n];
        int[] groups = new int[n];
        double[] residualSums = new double[HOURS];
        long[] counts = new long[HOURS];
        double total = 0;
        long present = 0;
        for (int i = 0; i < n; i++) {
            double trend = centredDay(values, i);
            groups[i] = Double.isNaN(values[i]) || Double.isNaN(trend) ? -1 : i % HOURS;
            residuals[i] = groups[i] < 0 ? Double.NaN : values[i] - trend;
            if (groups[i] >= 0) {
                residualSums[groups[i]] += residuals[i];
                counts[groups[i]]++;
                total += values[i];
                present++;
            }
        }
        return SeasonalPatterns.seasonality(KIND, TrendTests.anova(residuals, groups, HOURS), residualSums, counts,
                present == 0 ? 0 : total / present);
    }

    /** The 2×24 centred moving average at {@code i}: hours i−12 and i+12 weigh half. NaN near the ends. */
    private static double centredDay(double[] values, int i) {
        int half = HOURS / 2;
        if (i < half || i + half >= values.length) {
            return Double.NaN;
        }
        double sum = 0;
        double weights = 0;
        for (int k = -half; k <= half; k++) {
            double weight = Math.abs(k) == half ? 0.5 : 1;
            if (!Double.isNaN(values[i + k])) {
                sum += weight * values[i + k];
                weights += weight;
            }
        }
        return weights == 0 ? Double.NaN : sum / weights;
    }
}
