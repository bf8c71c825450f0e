package io.sygnify.analysis.outliers;

import io.sygnify.analysis.AnalysisCancelledException;
import io.sygnify.analysis.engine.AnalysisContext;
import io.sygnify.analysis.engine.Text;
import io.sygnify.analysis.ingest.ColumnTypeResolver;
import io.sygnify.analysis.report.ColumnProfile;
import io.sygnify.analysis.report.KeyFinding;
import io.sygnify.analysis.report.Outliers;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Outliers that come together in time: an incident, not a scatter of odd values. When half or more of a column's
 * outliers fall within one stretch of time that holds a tenth of the rows or less, the stretch is the finding
 * ("582 of response_ms's 610 outliers fall between 2024-05-03 14:00 and 15:29, which holds 1.6 % of the rows").
 */
public final class OutlierBursts {

    static final double MIN_OUTLIER_SHARE = 0.5;
    static final double MAX_ROW_SHARE = 0.1;
    private static final long MIN_OUTLIERS = 10;
    // the burst must hold this many times the outliers its rows would by chance
    private static final double MIN_LIFT = 5;

    /** A stretch of time holding most of a column's outliers. */
    public record Burst(String column, LocalDateTime from, LocalDateTime to, long outliers, long allOutliers, long rows,
                 long allRows, long firstRow) {
    }

    private final AnalysisContext context;

    OutlierBursts(AnalysisContext context) {
        this.context = context;
    }

    /** The bursts among the columns' outliers, at most one per column; one pass over the table for all of them. */
    List<Burst> find(List<Outliers.ColumnOutliers> all) throws SQLException, AnalysisCancelledException {
        List<Integer> times = context.timeColumns();
        // a measure judged within its category's groups has no outliers by the fences over all rows: a product
        // sold only in the summer would make its own "burst"
        List<Outliers.ColumnOutliers> columns = all.stream().filter(c -> c.count() >= MIN_OUTLIERS
                && !c.separateGroups() && c.within() == null && c.lowerFence() != null && c.upperFence() != null)
                .toList();
        if (times.isEmpty() || columns.isEmpty()) {
            return List.of();
        }
        String t = "CAST(" + context.sql(times.get(0)) + " AS TIMESTAMP)";
        java.util.StringJoiner select = new java.util.StringJoiner(", ");
        for (Outliers.ColumnOutliers column : columns) {
            String v = context.sql(context.index(column.column())) + "::DOUBLE";
            String outlier = outlier(column, v);
            select.add("count(" + v + ")").add("count_if(" + outlier + ")")
                    .add("min(CASE WHEN " + outlier + " THEN " + t + " END)")
                    .add("max(CASE WHEN " + outlier + " THEN " + t + " END)")
                    .add("min(CASE WHEN " + outlier + " THEN " + ColumnTypeResolver.ROW + " END)");
        }
        String bucket = "time_bucket(INTERVAL '" + bucketSeconds(context, times.get(0)) + " seconds', " + t + ")";
        List<List<Bucket>> buckets = context.session().query("SELECT " + bucket + " AS b, " + select + " FROM "
                + ColumnTypeResolver.TABLE + " WHERE " + t + " IS NOT NULL GROUP BY b ORDER BY b", row -> {
                    List<List<Bucket>> lists = new ArrayList<>();
                    columns.forEach(c -> lists.add(new ArrayList<>()));
                    while (row.next()) {
                        LocalDateTime start = row.getObject(1, LocalDateTime.class);
                        for (int k = 0; k < columns.size(); k++) {
                            int at = 2 + 5 * k;
                            lists.get(k).add(new Bucket(start, row.getLong(at), row.getLong(at + 1),
                                    row.getObject(at + 2, LocalDateTime.class),
                                    row.getObject(at + 3, LocalDateTime.class), row.getLong(at + 4)));
                        }
                    }
                    return lists;
                });
        List<Burst> found = new ArrayList<>();
        for (int k = 0; k < columns.size(); k++) {
            burst(columns.get(k).column(), buckets.get(k)).ifPresent(found::add);
        }
        return found;
    }

    /** Outside the fences, on the scale they were set on. */
    private static String outlier(Outliers.ColumnOutliers column, String v) {
        String size = column.scale().equals(Outliers.LOG_MAGNITUDE) ? "abs(" + v + ")" : v;
        boolean logScale = column.scale().equals(Outliers.LOG) || column.scale().equals(Outliers.LOG_MAGNITUDE);
        return "(" + (logScale ? v + " <> 0 AND " : "") + "(" + size + " < " + column.lowerFence() + " OR " + size
                + " > " + column.upperFence() + "))";
    }

    /** One period of time: its rows, its events (outliers, rows of a value), the first and last of them. */
    public record Bucket(LocalDateTime start, long rows, long outliers, LocalDateTime first, LocalDateTime last,
                          long firstRow) {
    }

    /** The stretch of buckets holding half the events or more, if it is short and dense enough. */
    public static Optional<Burst> burst(String column, List<Bucket> buckets) {
        long allRows = buckets.stream().mapToLong(Bucket::rows).sum();
        long allOutliers = buckets.stream().mapToLong(Bucket::outliers).sum();
        if (allOutliers < MIN_OUTLIERS) {
            return Optional.empty();
        }
        // the shortest stretch of buckets holding half the outliers (two pointers over the buckets in time order)
        int bestStart = -1;
        int bestEnd = -1;
        long inside = 0;
        for (int start = 0, end = 0; end < buckets.size(); end++) {
            inside += buckets.get(end).outliers();
            while (start < end && inside - buckets.get(start).outliers() >= MIN_OUTLIER_SHARE * allOutliers) {
                inside -= buckets.get(start++).outliers();
            }
            if (inside >= MIN_OUTLIER_SHARE * allOutliers && (bestStart < 0 || Duration.between(
                    buckets.get(start).start(), buckets.get(end).start()).compareTo(Duration.between(
                    buckets.get(bestStart).start(), buckets.get(bestEnd).start())) < 0)) {
                bestStart = start;
                bestEnd = end;
            }
        }
        if (bestStart < 0) {
            return Optional.empty();
        }
        // then out to the neighbouring buckets still dense with outliers: the whole incident, not its core hour
        double rate = (double) allOutliers / allRows;
        while (bestStart > 0 && dense(buckets.get(bestStart - 1).outliers(), buckets.get(bestStart - 1).rows(), rate)) {
            bestStart--;
        }
        while (bestEnd + 1 < buckets.size() && dense(buckets.get(bestEnd + 1).outliers(),
                buckets.get(bestEnd + 1).rows(), rate)) {
            bestEnd++;
        }
        List<Bucket> stretch = buckets.subList(bestStart, bestEnd + 1);
        long rows = stretch.stream().mapToLong(Bucket::rows).sum();
        long outliers = stretch.stream().mapToLong(Bucket::outliers).sum();
        double rowShare = (double) rows / allRows;
        double outlierShare = (double) outliers / allOutliers;
        if (rowShare > MAX_ROW_SHARE || outlierShare < MIN_LIFT * rowShare) {
            return Optional.empty();
        }
        LocalDateTime from = stretch.stream().filter(b -> b.first() != null).map(Bucket::first).min(
                LocalDateTime::compareTo).orElseThrow();
        LocalDateTime to = stretch.stream().filter(b -> b.last() != null).map(Bucket::last).max(
                LocalDateTime::compareTo).orElseThrow();
        long firstRow = stretch.stream().filter(b -> b.outliers() > 0).mapToLong(Bucket::firstRow).min().orElseThrow();
        return Optional.of(new Burst(column, from, to, outliers, allOutliers, rows, allRows, firstRow));
    }

    private static boolean dense(long outliers, long rows, double rate) {
        return outliers > 0 && outliers >= MIN_LIFT * rate * rows;
    }

    /** Buckets of about a hundredth of a day for data within two days, hours within two months, else days. */
    public static long bucketSeconds(AnalysisContext context, int time) {
        ColumnProfile.TemporalStats temporal = context.profile(time).temporal();
        double span = temporal == null ? 0 : temporal.spanDays();
        return span <= 2 ? 900 : span <= 62 ? 3_600 : 86_400;
    }

    KeyFinding finding(Burst burst) {
        String time = context.name(context.timeColumns().get(0));
        String sentence = String.format("%s of %s's %s outliers fall %s, a stretch holding %s of the rows: something "
                        + "happened then.", Text.count(burst.outliers()), burst.column(),
                Text.count(burst.allOutliers()), between(burst, time),
                Text.percent((double) burst.rows() / burst.allRows()));
        double share = (double) burst.outliers() / burst.allOutliers();
        return KeyFinding.of("outliers", sentence, Math.min(0.9, 0.5 + share / 3), 1.0,
                List.of(burst.column(), time), "outliers:" + burst.column(), List.of(burst.firstRow()));
    }

    /** "between 2024-05-03 14:00 and 15:29 (timestamp)": the end without its date when on the same day. */
    public static String between(Burst burst, String time) {
        boolean sameDay = burst.from().toLocalDate().equals(burst.to().toLocalDate());
        String to = sameDay ? burst.to().toLocalTime().withSecond(0).toString() : Text.moment(burst.to());
        return "between " + Text.moment(burst.from()) + " and " + to + " (" + time + ")";
    }

}
