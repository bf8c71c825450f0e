package io.sygnify.analysis;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a flag (fraud, dispute, chargeback) is concentrated: per dimension, the value whose rows carry the flag far
 * more often than the rest. "Disputed is true on 15 % of transactions with Card Country NG, against 0.30 % of the
 * others" is what a risk analyst looks for first, and a Cramér's V over the whole table (0.27 there) hides it.
 */
final class FlagRates {

    private static final double ALPHA = 0.001;
    private static final int MAX_DIMENSIONS = 10;

    private final AnalysisContext context;
    private final int flag;
    private final String flagged;

    /** @param flagged SQL that is true on a flagged row */
    FlagRates(AnalysisContext context, int flag, String flagged) {
        this.context = context;
        this.flag = flag;
        this.flagged = flagged;
    }

    private record Level(String value, long rows, long flagged) {
    }

    /**
     * Per dimension at most one value: the highest rate of those at least {@code ratio} times the rate of the other
     * rows, on {@code minRows} rows or more, significant by Fisher's exact test with Bonferroni's correction
     * over every value tested. Strongest first.
     */
    List<Map<String, Object>> highest(double ratio, long minRows, int maxLevels)
            throws SQLException, AnalysisCancelledException {
        List<Integer> dimensions = context.dimensions(maxLevels, MAX_DIMENSIONS + 1).stream().filter(d -> d != flag)
                .limit(MAX_DIMENSIONS).toList();
        Map<Integer, List<Level>> levels = new LinkedHashMap<>();
        int tests = 0;
        for (int d : dimensions) {
            List<Level> list = levels(d);
            levels.put(d, list);
            tests += (int) list.stream().filter(l -> l.rows() >= minRows).count();
        }
        List<Map<String, Object>> found = new ArrayList<>();
        for (Map.Entry<Integer, List<Level>> entry : levels.entrySet()) {
            long rows = entry.getValue().stream().mapToLong(Level::rows).sum();
            long hits = entry.getValue().stream().mapToLong(Level::flagged).sum();
            Map<String, Object> best = null;
            for (Level level : entry.getValue()) {
                long restRows = rows - level.rows();
                long restHits = hits - level.flagged();
                if (level.rows() < minRows || restRows < minRows) {
                    continue;
                }
                double rate = (double) level.flagged() / level.rows();
                double restRate = (double) restHits / restRows;
                double p = Math.min(1, fisherUpperTail(level.flagged(), level.rows(), hits, rows) * tests);
                if (rate >= ratio * restRate && rate > restRate && p < ALPHA
                        && (best == null || rate > (Double) best.get("rate"))) {
                    best = new LinkedHashMap<>();
                    best.put("dimension", context.name(entry.getKey()));
                    best.put("value", level.value());
                    best.put("rows", level.rows());
                    best.put("flagged", level.flagged());
                    best.put("rate", rate);
                    best.put("rest_rate", restRate);
                    best.put("p_value", p);
                }
            }
            if (best != null) {
                found.add(best);
            }
        }
        found.sort((x, y) -> Double.compare((Double) y.get("rate"), (Double) x.get("rate")));
        return found;
    }

    private List<Level> levels(int dimension) throws SQLException, AnalysisCancelledException {
        String d = context.sql(dimension);
        return context.session().query("SELECT CAST(" + d + " AS VARCHAR) AS v, count(*), count(*) FILTER (WHERE "
                + flagged + ") FROM " + ColumnTypeResolver.TABLE + " WHERE " + d + " IS NOT NULL AND "
                + context.sql(flag) + " IS NOT NULL GROUP BY v ORDER BY v", row -> {
                    List<Level> list = new ArrayList<>();
                    while (row.next()) {
                        list.add(new Level(row.getString(1), row.getLong(2), row.getLong(3)));
                    }
                    return list;
                });
    }

    /**
     * One-sided p of Fisher's exact test that a value's rows carry the flag more often than the others: the
     * hypergeometric chance of {@code hits} or more flagged among its {@code rows}. Flags are rare (a few per
     * hundred), where the normal approximation of a z-test is far off.
     */
    static double fisherUpperTail(long hits, long rows, long totalHits, long totalRows) {
        double p = 0;
        for (long x = hits; x <= Math.min(rows, totalHits); x++) {
            p += Math.exp(logChoose(totalHits, x) + logChoose(totalRows - totalHits, rows - x)
                    - logChoose(totalRows, rows));
        }
        return Math.min(1, p);
    }

    private static double logChoose(long n, long k) {
        return Distributions.logGamma(n + 1.0) - Distributions.logGamma(k + 1.0) - Distributions.logGamma(n - k + 1.0);
    }
}
