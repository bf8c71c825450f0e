package io.sygnify.analysis.quality;

import io.sygnify.analysis.AnalysisCancelledException;
import io.sygnify.analysis.engine.AnalysisContext;
import io.sygnify.analysis.engine.SeriesKey;
import io.sygnify.analysis.engine.Sql;
import io.sygnify.analysis.ingest.ColumnTypeResolver;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Readings that stop changing: a measure that repeats one value over a long run of consecutive rows in time order
 * (per device, station or ticker when the time and that column key the rows), where its values otherwise vary. A
 * sensor that froze, or a value carried forward to fill a gap, looks like this; nothing else does by chance.
 */
final class StuckValues {

    /**
     * @param entity     the column whose value the run belongs to (a device), or null when time alone orders the rows
     * @param entityValue that column's value on the run
     * @param length     consecutive rows with {@code value}
     * @param firstRow   the run's first row (numbered from 1) and {@code lastRow} its last
     * @param from       the run's first time and {@code to} its last, as text
     */
    record Run(String measure, Object value, String entity, String entityValue, long length, long firstRow,
               long lastRow, String from, String to) {
    }

    private static final long MIN_RUN = 30;
    // a measure must vary: a setpoint or a count of 0 to 3 repeats by nature
    private static final long MIN_DISTINCT = 20;
    // the run by chance, with the value's share among the other rows p: about rows · p^(length − 1)
    private static final double MAX_CHANCE = 1e-6;
    private static final int MAX_MEASURES = 30;

    private final AnalysisContext context;

    StuckValues(AnalysisContext context) {
        this.context = context;
    }

    /**
     * The longest run of each measure that is no accident, longest first.
     *
     * @param candidateKeys the dataset's keys: the time column alone, or with the entity column
     */
    List<Run> find(List<List<String>> candidateKeys) throws SQLException, AnalysisCancelledException {
        Optional<SeriesKey> key = SeriesKey.of(context, candidateKeys);
        if (key.isEmpty()) {
            return List.of();
        }
        List<Integer> measures = context.measures(MAX_MEASURES).stream()
                .filter(m -> context.profile(m).distinctCount() >= MIN_DISTINCT).toList();
        if (measures.isEmpty()) {
            return List.of();
        }
        String window = "(" + key.get().window(context) + ")";
        // one pass counts each measure's repeats of the row before; only measures with enough of them are followed
        StringBuilder flags = new StringBuilder();
        StringBuilder sums = new StringBuilder();
        for (int i = 0; i < measures.size(); i++) {
            String v = context.sql(measures.get(i));
            flags.append(i == 0 ? "" : ", ").append("CASE WHEN ").append(v).append(" = lag(").append(v)
                    .append(") OVER w THEN 1 ELSE 0 END AS f").append(i);
            sums.append(i == 0 ? "" : ", ").append("coalesce(sum(f").append(i).append("), 0)::BIGINT");
        }
        long[] counts = context.session().queryLongs("SELECT " + sums + " FROM (SELECT " + flags + " FROM "
                + ColumnTypeResolver.TABLE + " WINDOW w AS " + window + ")");
        List<Run> runs = new ArrayList<>();
        for (int i = 0; i < measures.size(); i++) {
            if (counts[i] >= MIN_RUN - 1) {
                longestRun(measures.get(i), key.get()).ifPresent(runs::add);
            }
        }
        runs.sort((a, b) -> Long.compare(b.length(), a.length()));
        return runs;
    }

    private Optional<Run> longestRun(int measure, SeriesKey key) throws SQLException, AnalysisCancelledException {
        String v = context.sql(measure);
        String t = context.sql(key.time());
        String entity = key.entity() == null ? null : context.name(key.entity());
        String e = key.entity() == null ? "NULL" : "CAST(" + context.sql(key.entity()) + " AS VARCHAR)";
        String p = key.partition(context);
        // gaps and islands: a run is the rows between two changes of value
        String rows = "SELECT " + v + " AS v, " + e + " AS e, " + p + " AS p, " + ColumnTypeResolver.ROW + " AS r, "
                + t + " AS t FROM " + ColumnTypeResolver.TABLE;
        String breaks = "SELECT *, CASE WHEN v = lag(v) OVER (PARTITION BY p ORDER BY t, r) THEN 0 ELSE 1 END AS brk"
                + " FROM (" + rows + ")";
        String islands = "SELECT *, sum(brk) OVER (PARTITION BY p ORDER BY t, r ROWS UNBOUNDED PRECEDING) AS grp"
                + " FROM (" + breaks + ")";
        String sql = "SELECT v, e, count(*) AS n, min(r), max(r), CAST(min(t) AS VARCHAR), CAST(max(t) AS VARCHAR)"
                + " FROM (" + islands + ") WHERE v IS NOT NULL GROUP BY p, e, grp, v ORDER BY n DESC, min(r) LIMIT 1";
        Object[] run = context.session().query(sql, row -> row.next() ? new Object[] {row.getObject(1),
            row.getString(2), row.getLong(3), row.getLong(4), row.getLong(5), row.getString(6), row.getString(7)}
            : null);
        if (run == null || (long) run[2] < MIN_RUN) {
            return Optional.empty();
        }
        long length = (long) run[2];
        long present = context.profile(measure).presentCount();
        long sameElsewhere = context.session().queryLong("SELECT count(*) FROM " + ColumnTypeResolver.TABLE
                + " WHERE " + v + " = " + Sql.literal(String.valueOf(run[0])) + "::DOUBLE") - length;
        double share = present <= length ? 1 : (double) sameElsewhere / (present - length);
        if (present * Math.pow(share, length - 1) > MAX_CHANCE) {
            return Optional.empty();
        }
        return Optional.of(new Run(context.name(measure), run[0], entity, (String) run[1], length, (long) run[3],
                (long) run[4], (String) run[5], (String) run[6]));
    }
}
