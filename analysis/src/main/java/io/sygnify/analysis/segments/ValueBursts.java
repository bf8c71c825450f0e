package io.sygnify.analysis.segments;

import io.sygnify.analysis.AnalysisCancelledException;
import io.sygnify.analysis.engine.AnalysisContext;
import io.sygnify.analysis.engine.Text;
import io.sygnify.analysis.ingest.ColumnTypeResolver;
import io.sygnify.analysis.outliers.OutlierBursts;
import io.sygnify.analysis.report.ColumnProfile;
import io.sygnify.analysis.report.KeyFinding;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Rare values of a category that come together in time: the errors of an outage, the declines of a failing payment
 * provider, a device's "offline". When half the rows of a value that holds at most {@value #MAX_SHARE} of the rows
 * fall in a stretch of time holding a tenth of them or less (see {@link OutlierBursts#burst}), a finding names it.
 */
final class ValueBursts {

    static final double MAX_SHARE = 0.05;
    private static final long MIN_ROWS = 10;
    private static final long MAX_LEVELS = 50;
    private static final int MAX_DIMENSIONS = 8;
    private static final int MAX_FINDINGS = 3;

    private final AnalysisContext context;

    ValueBursts(AnalysisContext context) {
        this.context = context;
    }

    List<KeyFinding> find() throws SQLException, AnalysisCancelledException {
        List<Integer> times = context.timeColumns();
        if (times.isEmpty()) {
            return List.of();
        }
        int time = times.get(0);
        String t = "CAST(" + context.sql(time) + " AS TIMESTAMP)";
        String bucket = "time_bucket(INTERVAL '" + OutlierBursts.bucketSeconds(context, time) + " seconds', " + t
                + ")";
        record Found(OutlierBursts.Burst burst, String dimension, String value) {
        }
        List<Found> found = new ArrayList<>();
        for (int d : context.dimensions(MAX_LEVELS, MAX_DIMENSIONS)) {
            if (!hasRareValue(context.profile(d))) {
                continue;
            }
            record Cell(LocalDateTime start, String value, long rows, LocalDateTime first, LocalDateTime last,
                        long firstRow) {
            }
            List<Cell> cells = context.session().query("SELECT " + bucket + " AS b, CAST(" + context.sql(d)
                    + " AS VARCHAR), count(*), min(" + t + "), max(" + t + "), min(" + ColumnTypeResolver.ROW
                    + ") FROM " + ColumnTypeResolver.TABLE + " WHERE " + t + " IS NOT NULL GROUP BY ALL ORDER BY b",
                    row -> {
                        List<Cell> list = new ArrayList<>();
                        while (row.next()) {
                            list.add(new Cell(row.getObject(1, LocalDateTime.class), row.getString(2),
                                    row.getLong(3), row.getObject(4, LocalDateTime.class),
                                    row.getObject(5, LocalDateTime.class), row.getLong(6)));
                        }
                        return list;
                    });
            Map<LocalDateTime, Long> rowsPerBucket = new java.util.TreeMap<>();
            Map<String, Long> rowsPerValue = new HashMap<>();
            long all = 0;
            for (Cell cell : cells) {
                rowsPerBucket.merge(cell.start(), cell.rows(), Long::sum);
                if (cell.value() != null) {
                    rowsPerValue.merge(cell.value(), cell.rows(), Long::sum);
                }
                all += cell.rows();
            }
            for (Map.Entry<String, Long> value : rowsPerValue.entrySet()) {
                if (value.getValue() < MIN_ROWS || value.getValue() > MAX_SHARE * all) {
                    continue;
                }
                Map<LocalDateTime, Cell> mine = new HashMap<>();
                cells.stream().filter(c -> value.getKey().equals(c.value())).forEach(c -> mine.put(c.start(), c));
                List<OutlierBursts.Bucket> buckets = new ArrayList<>();
                rowsPerBucket.forEach((start, rows) -> {
                    Cell cell = mine.get(start);
                    buckets.add(cell == null ? new OutlierBursts.Bucket(start, rows, 0, null, null, 0)
                            : new OutlierBursts.Bucket(start, rows, cell.rows(), cell.first(), cell.last(),
                            cell.firstRow()));
                });
                String label = context.name(d) + " " + value.getKey();
                OutlierBursts.burst(label, buckets).ifPresent(burst -> found.add(new Found(burst, context.name(d),
                        value.getKey())));
            }
        }
        found.sort(Comparator.comparingDouble((Found f) -> -(double) f.burst().outliers() / f.burst().allOutliers()));
        List<KeyFinding> findings = new ArrayList<>();
        for (Found f : found.subList(0, Math.min(MAX_FINDINGS, found.size()))) {
            findings.add(finding(f.burst(), f.dimension(), context.name(time)));
        }
        return findings;
    }

    /** Whether the profile's value counts leave room for a rare value (all listed and none rare: no query). */
    private static boolean hasRareValue(ColumnProfile profile) {
        ColumnProfile.CategoryStats categories = profile.categories();
        if (categories == null || categories.topValues().size() < profile.distinctCount()) {
            return true;
        }
        return categories.topValues().stream().anyMatch(v -> v.count() >= MIN_ROWS && v.share() <= MAX_SHARE);
    }

    private static KeyFinding finding(OutlierBursts.Burst burst, String dimension, String time) {
        String how = burst.outliers() == burst.allOutliers() ? "All " + Text.count(burst.allOutliers())
                : Text.count(burst.outliers()) + " of the " + Text.count(burst.allOutliers());
        String sentence = String.format("%s rows with %s fall %s, a stretch holding %s of all rows.", how,
                burst.column(), OutlierBursts.between(burst, time),
                Text.percent((double) burst.rows() / burst.allRows()));
        double share = (double) burst.outliers() / burst.allOutliers();
        return KeyFinding.of("segment_concentration", sentence, Math.min(0.85, 0.45 + share / 3), 1.0,
                List.of(dimension, time), "segments:rows:" + dimension, List.of(burst.firstRow()));
    }
}
