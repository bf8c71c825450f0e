package io.sygnify.analysis.time;

import io.sygnify.analysis.AnalysisCancelledException;
import io.sygnify.analysis.engine.AnalysisContext;
import io.sygnify.analysis.engine.SeriesKey;
import io.sygnify.analysis.engine.Text;
import io.sygnify.analysis.ingest.ColumnTypeResolver;
import io.sygnify.analysis.relationships.RunningTotals;
import io.sygnify.analysis.report.KeyFinding;
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
public final class CumulativeCounts {

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
    // a level that only grows is a count to date when it starts from little (cases so far: 3, then millions), or
    // is named so (an odometer starts where the car was); a country's population, growing from 80 to 84 million,
    // is a level in its own right
    private static final double FROM_LITTLE = 0.5;
    private static final Pattern COUNT_NAME = Pattern.compile("cumulative|cum|cumsum|accumulated|total|totals|ytd"
            + "|odometer|mileage|meter|counter|reading|readings|lifetime|so_far|sofar");

    /**
     * @param column the measure
     * @param window the window clause body that follows its series in time ({@link SeriesKey#window})
     * @param time   the time column
     * @param entity the column whose values each have their own count, or null
     * @param steps  rows with a value after a row of the same series with one
     * @param rises  steps on which it rose
     * @param falls  steps on which it fell
     */
    public record Cumulative(String column, String window, String time, String entity, long steps, long rises, long falls) {

        /** The SQL of a row's increase on the row before in its series. */
        String increaseSql(String columnSql) {
            return columnSql + "::DOUBLE - lag(" + columnSql + "::DOUBLE) OVER (" + window + ")";
        }
    }

    private CumulativeCounts() {
    }

    /** @param taken measures already known as running totals of another column */
    public static List<Cumulative> find(AnalysisContext context, List<List<String>> candidateKeys,
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
        double[] firstToLast = firstToLast(context, series, candidates);
        String time = context.name(series.time());
        String entity = series.entity() == null ? null : context.name(series.entity());
        List<Cumulative> found = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            long steps = counts[3 * i];
            long rises = counts[3 * i + 1];
            long falls = counts[3 * i + 2];
            boolean fromLittle = firstToLast[i] <= FROM_LITTLE
                    || AnalysisContext.matches(COUNT_NAME, context.name(candidates.get(i)));
            if (steps >= MIN_STEPS && falls <= MAX_FALLS * steps && rises >= MIN_RISES * steps && fromLittle) {
                found.add(new Cumulative(context.name(candidates.get(i)), window, time, entity, steps, rises,
                        falls));
            }
        }
        return found;
    }

    /** One entity's count at its last time. */
    private record Standing(String entity, double last, java.time.LocalDateTime at) {
    }

    /**
     * Where each entity's count stands at its end, a count to date's own segment view (summing its daily levels
     * would count each case once a day): "At the last Date (2021-04-24), Confirmed stood at 19,117,337 over 6
     * values of Country: Germany 5,161,661 (27 %), France 4,213,207 (22 %) and Italy … (…); Portugal least …".
     */
    public static List<KeyFinding> standings(AnalysisContext context, List<Cumulative> counts)
            throws SQLException, AnalysisCancelledException {
        List<KeyFinding> findings = new ArrayList<>();
        for (Cumulative count : counts) {
            if (count.entity() == null) {
                continue;
            }
            String x = context.sql(context.index(count.column())) + "::DOUBLE";
            String t = context.sql(context.index(count.time()));
            String e = context.sql(context.index(count.entity()));
            List<Standing> standings = context.session().query("SELECT CAST(" + e + " AS VARCHAR), arg_max(" + x
                    + ", (" + t + ", " + ColumnTypeResolver.ROW + ")), CAST(max(" + t + ") AS TIMESTAMP) FROM "
                    + ColumnTypeResolver.TABLE + " WHERE " + x + " IS NOT NULL AND " + t + " IS NOT NULL AND " + e
                    + " IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1", row -> {
                        List<Standing> list = new ArrayList<>();
                        while (row.next()) {
                            list.add(new Standing(row.getString(1), row.getDouble(2),
                                    row.getObject(3, java.time.LocalDateTime.class)));
                        }
                        return list;
                    });
            double total = standings.stream().mapToDouble(Standing::last).sum();
            if (standings.size() < 2 || total <= 0) {
                continue;
            }
            java.util.Set<java.time.LocalDateTime> ends = new java.util.HashSet<>();
            standings.forEach(st -> ends.add(st.at()));
            String when = ends.size() == 1 ? "At the last " + count.time() + " (" + Text.moment(standings.get(0).at())
                    + ")" : "At each " + count.entity() + "'s last " + count.time();
            List<String> top = standings.stream().limit(Math.min(3, standings.size() - 1))
                    .map(st -> st.entity() + " " + Text.number(st.last()) + " (" + Text.percent(st.last() / total)
                            + ")").toList();
            Standing least = standings.get(standings.size() - 1);
            String sentence = String.format("%s, %s stood at %s over %d values of %s: %s; %s least (%s, %s).", when,
                    count.column(), Text.number(total), standings.size(), count.entity(), Text.list(top),
                    least.entity(), Text.number(least.last()), Text.percent(least.last() / total));
            findings.add(KeyFinding.of("segment_concentration", sentence, 0.5 + 0.5 * standings.get(0).last() / total,
                    1.0, List.of(count.column(), count.entity()), null, List.of()));
        }
        return findings;
    }

    /** Per candidate, the median over the series of its first value divided by its last (NaN when unknown). */
    private static double[] firstToLast(AnalysisContext context, SeriesKey series, List<Integer> candidates)
            throws SQLException, AnalysisCancelledException {
        String order = "(" + context.sql(series.time()) + ", " + ColumnTypeResolver.ROW + ")";
        StringBuilder inner = new StringBuilder();
        StringBuilder outer = new StringBuilder();
        for (int i = 0; i < candidates.size(); i++) {
            String x = context.sql(candidates.get(i)) + "::DOUBLE";
            String present = " FILTER (WHERE " + x + " IS NOT NULL AND " + context.sql(series.time()) + " IS NOT NULL)";
            inner.append(", arg_min(").append(x).append(", ").append(order).append(")").append(present)
                    .append(" AS f").append(i).append(", arg_max(").append(x).append(", ").append(order).append(")")
                    .append(present).append(" AS l").append(i);
            outer.append(i == 0 ? "" : ", ").append("median(f").append(i).append(" / nullif(l").append(i)
                    .append(", 0))");
        }
        return context.session().query("SELECT " + outer + " FROM (SELECT " + series.partition(context) + " AS s"
                + inner + " FROM " + ColumnTypeResolver.TABLE + " GROUP BY s)", row -> {
                    row.next();
                    double[] values = new double[candidates.size()];
                    for (int i = 0; i < values.length; i++) {
                        double v = row.getDouble(i + 1);
                        values[i] = row.wasNull() ? Double.NaN : v;
                    }
                    return values;
                });
    }
}
