package io.sygnify.analysis;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Measures that only ever grow along each series in time ({@link SeriesKey}), as a count kept to date does: an
 * epidemic's {@code Confirmed} per country, a meter's reading, sign-ups so far. Their level says "time has passed";
 * what happened is in their increases, so the time series follows those, and correlations, outliers and segments
 * leave the level alone. Found where no column they are the running total of is in the file ({@link RunningTotals}).
 */
final class CumulativeCounts {

    private static final int MAX_MEASURES = 20;
    private static final long MIN_STEPS = 20;
    private static final long MIN_DISTINCT = 10;
    // a count to date is corrected now and then (a country revising its figures down)
    private static final double MAX_FALLS = 0.01;
    // and rises on many steps: a column that rose twice in a year is a setting that was changed, not a count
    private static final double MIN_RISES = 0.2;
    // levels and positions that grow with time without counting anything: an age, a year, a version
    private static final Pattern NOT_A_COUNT = Pattern.compile("year|years|month|week|day|quarter|period|version"
            + "|seq|sequence|step|index|age|tenure|id|number|no|nr|rank");

    /**
     * @param column the measure
     * @param window the window clause body that follows its series in time ({@link SeriesKey#window})
     * @param time   the time column
     * @param entity the column whose values each have their own count, or null
     * @param steps  rows with a value after a row of the same series with one
     * @param rises  steps on which it rose
     * @param falls  steps on which it fell
     */
    record Cumulative(String column, String window, String time, String entity, long steps, long rises, long falls) {

        /** The SQL of a row's increase on the row before in its series. */
        String increaseSql(String columnSql) {
            return columnSql + "::DOUBLE - lag(" + columnSql + "::DOUBLE) OVER (" + window + ")";
        }
    }

    private CumulativeCounts() {
    }

    /** @param taken measures already known as running totals of another column */
    static List<Cumulative> find(AnalysisContext context, List<List<String>> candidateKeys,
                                 java.util.Set<String> taken) throws SQLException, AnalysisCancelledException {
        Optional<SeriesKey> key = SeriesKey.of(context, candidateKeys);
        if (key.isEmpty()) {
            return List.of();
        }
        SeriesKey series = key.get();
        List<Integer> candidates = context.measures(MAX_MEASURES).stream()
                .filter(m -> !taken.contains(context.name(m)))
                .filter(m -> !context.intensive(m) && !AnalysisContext.matches(NOT_A_COUNT, context.name(m)))
                .filter(m -> context.profile(m).distinctCount() >= MIN_DISTINCT)
                .filter(m -> context.profile(m).min() instanceof Number min && min.doubleValue() >= 0)
                .toList();
        if (candidates.isEmpty()) {
            return List.of();
        }
        String window = series.window(context);
        StringBuilder inner = new StringBuilder();
        StringBuilder select = new StringBuilder();
        for (int i = 0; i < candidates.size(); i++) {
            String x = context.sql(candidates.get(i)) + "::DOUBLE";
            inner.append(i == 0 ? "" : ", ").append(x).append(" - lag(").append(x).append(") OVER w AS d")
                    .append(i);
            select.append(i == 0 ? "" : ", ").append("count(d").append(i).append("), count(*) FILTER (WHERE d")
                    .append(i).append(" > 0), count(*) FILTER (WHERE d").append(i).append(" < 0)");
        }
        long[] counts = context.session().query("SELECT " + select + " FROM (SELECT " + inner + " FROM "
                + ColumnTypeResolver.TABLE + " WINDOW w AS (" + window + "))", row -> {
                    row.next();
                    long[] values = new long[candidates.size() * 3];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = row.getLong(i + 1);
                    }
                    return values;
                });
        String time = context.name(series.time());
        String entity = series.entity() == null ? null : context.name(series.entity());
        List<Cumulative> found = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            long steps = counts[3 * i];
            long rises = counts[3 * i + 1];
            long falls = counts[3 * i + 2];
            if (steps >= MIN_STEPS && falls <= MAX_FALLS * steps && rises >= MIN_RISES * steps) {
                found.add(new Cumulative(context.name(candidates.get(i)), window, time, entity, steps, rises,
                        falls));
            }
        }
        return found;
    }
}
