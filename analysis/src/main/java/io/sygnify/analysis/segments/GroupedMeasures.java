package io.sygnify.analysis.segments;

import io.sygnify.analysis.AnalysisCancelledException;
import io.sygnify.analysis.engine.AnalysisContext;
import io.sygnify.analysis.ingest.ColumnTypeResolver;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Per value of a dimension: row count and, for the main measures, count, sum, sum of absolute values and sum of
 * squares. One scan per dimension, shared by the correlation ratios and the segments.
 */
public final class GroupedMeasures {

    static final int MEASURES = 10;

    /** One value of the dimension; arrays are indexed like {@link #measures()}. */
    public record Group(String value, long rows, long[] counts, double[] sums, double[] absSums, double[] squares) {
    }

    private final AnalysisContext context;
    private final List<Integer> measures;
    private final Map<Integer, List<Group>> byDimension = new HashMap<>();

    public GroupedMeasures(AnalysisContext context) {
        this.context = context;
        this.measures = context.measures(MEASURES);
    }

    public List<Integer> measures() {
        return measures;
    }

    public List<Group> of(int dimension) throws SQLException, AnalysisCancelledException {
        List<Group> cached = byDimension.get(dimension);
        if (cached != null) {
            return cached;
        }
        StringBuilder select = new StringBuilder();
        for (int m : measures) {
            String x = context.sql(m) + "::DOUBLE";
            select.append(", count(").append(x).append("), sum(").append(x).append("), sum(abs(").append(x)
                    .append(")), sum(").append(x).append(" * ").append(x).append(")");
        }
        String sql = "SELECT left(CAST(" + context.sql(dimension) + " AS VARCHAR), 200), count(*)" + select + " FROM "
                + ColumnTypeResolver.TABLE + " WHERE " + context.sql(dimension) + " IS NOT NULL GROUP BY "
                + context.sql(dimension);
        List<Group> groups = context.session().query(sql, row -> {
            List<Group> list = new ArrayList<>();
            int k = measures.size();
            while (row.next()) {
                long[] counts = new long[k];
                double[] sums = new double[k];
                double[] abs = new double[k];
                double[] squares = new double[k];
                for (int m = 0; m < k; m++) {
                    counts[m] = row.getLong(3 + 4 * m);
                    // sums over no values are NULL: a group without values contributes 0
                    sums[m] = counts[m] == 0 ? 0 : row.getDouble(4 + 4 * m);
                    abs[m] = counts[m] == 0 ? 0 : row.getDouble(5 + 4 * m);
                    squares[m] = counts[m] == 0 ? 0 : row.getDouble(6 + 4 * m);
                }
                list.add(new Group(row.getString(1), row.getLong(2), counts, sums, abs, squares));
            }
            return list;
        });
        byDimension.put(dimension, groups);
        return groups;
    }
}
