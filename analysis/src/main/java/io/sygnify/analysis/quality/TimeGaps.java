package io.sygnify.analysis.quality;

import io.sygnify.analysis.AnalysisCancelledException;
import io.sygnify.analysis.engine.AnalysisContext;
import io.sygnify.analysis.engine.SeriesKey;
import io.sygnify.analysis.engine.Text;
import io.sygnify.analysis.ingest.ColumnTypeResolver;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Silences in a regular series: where readings come every 5 minutes (or every trading day) and then none come for
 * hours (or weeks), per device when a device column keys the rows with the time. The other devices' readings hide
 * such an outage from the time column's own profile.
 */
final class TimeGaps {

    /**
     * @param entityValue the series' entity (a device), or null for the one series
     * @param from        the last time before the gap and {@code to} the first after it, as text
     * @param seconds     the gap's length
     * @param rowAfter    the row (numbered from 1) that ends the gap
     */
    record Gap(String entityValue, String from, String to, double seconds, long rowAfter) {
    }

    /**
     * @param usualSeconds the median interval between consecutive rows of a series
     * @param gaps         the longest gaps, longest first (at most {@value #LISTED})
     * @param count        all gaps longer than {@value #GAP_INTERVALS} usual intervals
     */
    record Result(String time, String entity, double usualSeconds, List<Gap> gaps, long count) {
    }

    // a weekend is 3 days of a weekday series and Easter 4; a silence is longer
    static final double GAP_INTERVALS = 7;
    // regular: three quarters of the intervals within half and one and a half times the usual one
    private static final double REGULAR_SHARE = 0.75;
    private static final long MIN_INTERVALS = 20;
    private static final int LISTED = 10;

    private final AnalysisContext context;

    TimeGaps(AnalysisContext context) {
        this.context = context;
    }

    Optional<Result> find(List<List<String>> candidateKeys) throws SQLException, AnalysisCancelledException {
        Optional<SeriesKey> key = SeriesKey.of(context, candidateKeys);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        String t = context.sql(key.get().time());
        String entity = key.get().entity() == null ? "NULL" : "CAST(" + context.sql(key.get().entity())
                + " AS VARCHAR)";
        String intervals = "SELECT " + entity + " AS e, " + ColumnTypeResolver.ROW + " AS r, lag(" + t
                + ") OVER w AS t_prev, " + t + " AS t_at, epoch(" + t + ") - epoch(lag(" + t + ") OVER w) AS dt FROM "
                + ColumnTypeResolver.TABLE + " WHERE " + t + " IS NOT NULL WINDOW w AS (" + key.get().window(context)
                + ")";
        context.session().execute("CREATE OR REPLACE TEMP TABLE time_intervals AS " + intervals);
        try {
            double[] usual = context.session().query("SELECT median(dt), count(dt) FROM time_intervals WHERE dt > 0",
                    row -> {
                        row.next();
                        return new double[] {row.getDouble(1), row.getLong(2)};
                    });
            double m = usual[0];
            if (!(m > 0) || usual[1] < MIN_INTERVALS) {
                return Optional.empty();
            }
            long[] counts = context.session().queryLongs("SELECT count(*) FILTER (WHERE dt BETWEEN " + 0.5 * m
                    + " AND " + 1.5 * m + "), count(dt), count(*) FILTER (WHERE dt > " + GAP_INTERVALS * m
                    + ") FROM time_intervals");
            if (counts[0] < REGULAR_SHARE * counts[1] || counts[2] == 0) {
                return Optional.empty();
            }
            List<Gap> gaps = context.session().query("SELECT e, CAST(t_prev AS VARCHAR), CAST(t_at AS VARCHAR), dt, r"
                    + " FROM time_intervals WHERE dt > "
                    + GAP_INTERVALS * m + " ORDER BY dt DESC, r LIMIT " + LISTED, row -> {
                        List<Gap> list = new java.util.ArrayList<>();
                        while (row.next()) {
                            list.add(new Gap(row.getString(1), row.getString(2), row.getString(3), row.getDouble(4),
                                    row.getLong(5)));
                        }
                        return list;
                    });
            return Optional.of(new Result(context.name(key.get().time()), key.get().entity() == null ? null
                    : context.name(key.get().entity()), m, gaps, counts[2]));
        } finally {
            context.session().execute("DROP TABLE IF EXISTS time_intervals");
        }
    }

    /** "45 minutes", "36 hours", "12 days", "1 day" */
    static String duration(double seconds) {
        double[] sizes = {seconds / 86_400, seconds / 3600, seconds / 60, seconds};
        String[] units = {"day", "hour", "minute", "second"};
        double[] from = {3 * 86_400, 2 * 3600, 120, 0};
        for (int i = 0; i < sizes.length; i++) {
            if (seconds >= from[i] || sizes[i] == Math.rint(sizes[i]) && sizes[i] >= 1) {
                return Text.number(sizes[i]) + " " + units[i] + (sizes[i] == 1 ? "" : "s");
            }
        }
        return Text.number(seconds) + " seconds";
    }
}
