package io.sygnify.analysis.outliers;

import io.sygnify.analysis.AnalysisCancelledException;
import io.sygnify.analysis.engine.AnalysisContext;
import io.sygnify.analysis.ingest.ColumnTypeResolver;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Outliers of a measure judged within the groups of the category that explains it: the busiest product's ordinary
 * days lie above the range of all products together, and are no outliers of their own product. Each group has its
 * own median and MAD (modified z-score above 3.5, Iglewicz and Hoaglin); groups with fewer than
 * {@value #MIN_GROUP_ROWS} values, or a MAD of 0, are not judged.
 */
public final class GroupOutliers {

    private static final double MODIFIED_Z = 3.5;
    private static final long MIN_GROUP_ROWS = 5;
    private static final int LISTED = 20;

    /**
     * @param value     the outlying value, in the column's units
     * @param group     its group
     * @param lowFence  the lower end of its group's usual range
     * @param highFence the upper end
     */
    record Row(long row, double value, double score, String group, double lowFence, double highFence) {
    }

    /**
     * @param count    values outlying within their group
     * @param assessed values judged (in groups large enough, with a spread)
     * @param rows     the most extreme, at most {@value #LISTED}
     */
    record Found(long count, long assessed, List<Row> rows) {
    }

    private GroupOutliers() {
    }

    /**
     * @param log on ln(x) of the positive values, as the measure's own assessment was (a heavy tail), else linear
     */
    static Found find(AnalysisContext context, int measure, int category, boolean log)
            throws SQLException, AnalysisCancelledException {
        String x = context.sql(measure) + "::DOUBLE";
        String v = log ? "ln(" + x + ")" : x;
        String c = "CAST(" + context.sql(category) + " AS VARCHAR)";
        String domain = x + " IS NOT NULL AND " + c + " IS NOT NULL" + (log ? " AND " + x + " > 0" : "");
        String scored = "WITH g AS (SELECT " + c + " AS c, median(" + v + ") AS m, mad(" + v + ") AS d FROM "
                + ColumnTypeResolver.TABLE + " WHERE " + domain + " GROUP BY c HAVING count(*) >= " + MIN_GROUP_ROWS
                + "), s AS (SELECT " + ColumnTypeResolver.ROW + " AS r, " + x + " AS x, g.c, g.m, g.d, 0.6745 * ("
                + v + " - g.m) / g.d AS z FROM " + ColumnTypeResolver.TABLE + " JOIN g ON " + c + " = g.c WHERE "
                + domain + " AND g.d > 0) ";
        long[] counts = context.session().queryLongs(scored + "SELECT count(*) FILTER (WHERE abs(z) > " + MODIFIED_Z
                + "), count(*) FROM s");
        if (counts[0] == 0) {
            return new Found(0, counts[1], List.of());
        }
        double reach = MODIFIED_Z / 0.6745;
        List<Row> rows = context.session().query(scored + "SELECT r, x, z, c, m - " + reach + " * d, m + " + reach
                + " * d FROM s WHERE abs(z) > " + MODIFIED_Z + " ORDER BY abs(z) DESC, r LIMIT " + LISTED, row -> {
                    List<Row> list = new ArrayList<>();
                    while (row.next()) {
                        double low = row.getDouble(5);
                        double high = row.getDouble(6);
                        list.add(new Row(row.getLong(1), row.getDouble(2), row.getDouble(3), row.getString(4),
                                log ? Math.exp(low) : low, log ? Math.exp(high) : high));
                    }
                    return list;
                });
        return new Found(counts[0], counts[1], rows);
    }
}
