package io.sygnify.analysis.segments;

import io.sygnify.analysis.AnalysisCancelledException;
import io.sygnify.analysis.engine.AnalysisContext;
import io.sygnify.analysis.engine.ColumnRoles;
import io.sygnify.analysis.engine.ColumnType;
import io.sygnify.analysis.engine.RowSample;
import io.sygnify.analysis.engine.Text;
import io.sygnify.analysis.ingest.ColumnTypeResolver;
import io.sygnify.analysis.report.KeyFinding;
import io.sygnify.analysis.report.Segments;
import io.sygnify.analysis.stats.Distributions;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a yes/no column (attrition, fraud, a dispute) is concentrated: per dimension, the value whose rows carry it
 * far more often than the rest. "Attrition is true on 31 % of rows with OverTime true, against 10 % of the others"
 * is what an analyst looks for first, and a Cramér's V over the whole table (0.25 there) hides it.
 */
public final class FlagRates {

    static final String TRUE = "('true', '1', 'yes', 'y', 't')";
    private static final double ALPHA = 0.001;
    // a value's rate is told when it is half as large again as the others' and 5 points above it; a rare flag's
    // (cancellations, 2.5 %) when it is at least twice the others'
    public static final double RATE_RATIO = 1.5;
    public static final double RATE_DIFFERENCE = 0.05;
    public static final double ODDS_RATIO = 2;
    public static final long MIN_ROWS = 30;
    private static final int MAX_DIMENSIONS = 10;
    private static final int MAX_MEASURES = 5;
    private static final long MAX_LEVELS = 50;

    private final AnalysisContext context;
    private final int flag;
    private final String flagged;
    private final String counted;
    private final String state;

    FlagRates(AnalysisContext context, int flag) {
        this(context, flag, flagged(context, flag), context.sql(flag) + " IS NOT NULL", state(context, flag));
    }

    /** What a set flag reads as in sentences: yes for a file's Y/N or Yes/No, true otherwise. */
    static String state(AnalysisContext context, int flag) {
        return context.column(flag).type() == ColumnType.BOOLEAN && "yes/no".equals(context.column(flag).format())
                ? "yes" : "true";
    }

    /**
     * @param flagged SQL true on a row that carries the flag
     * @param counted SQL true on a row that counts, flagged or not
     * @param state   what a flagged row's flag is, in the sentences: "true", "yes", "set"
     */
    private FlagRates(AnalysisContext context, int flag, String flagged, String counted, String state) {
        this.context = context;
        this.flag = flag;
        this.flagged = flagged;
        this.counted = counted;
        this.state = state;
    }

    /**
     * A date that follows another, set on some rows and blank on the others, as a flag: a termination date on the
     * employees who left, counted over the rows whose hire date is set. "termination_date is set on 31 % of rows
     * with department Support" is attrition by department.
     */
    static FlagRates ofFollowingDate(AnalysisContext context, int from, int to) {
        return new FlagRates(context, to, context.sql(to) + " IS NOT NULL", context.sql(from) + " IS NOT NULL",
                "set");
    }

    /** The yes/no columns (true/false, yes/no, 0/1): a two-valued label such as gender is no flag to count. */
    static List<Integer> flags(AnalysisContext context) {
        return java.util.stream.IntStream.range(0, context.columns().size())
                .filter(i -> context.profile(i).role().equals(ColumnRoles.FLAG)
                        && (context.column(i).type() == ColumnType.BOOLEAN || context.column(i).type().isNumeric()))
                .boxed().toList();
    }

    /** SQL that is true on a row whose flag is set: true, yes, y, t or 1 (1.0 in a decimal column). */
    public static String flagged(AnalysisContext context, int flag) {
        return context.column(flag).type().isNumeric() ? "(" + context.sql(flag) + " = 1)"
                : "lower(CAST(" + context.sql(flag) + " AS VARCHAR)) IN " + TRUE;
    }

    private record Level(String value, long rows, long flagged) {
    }

    /**
     * Per dimension (up to {@value #MAX_DIMENSIONS}, of at most {@value #MAX_LEVELS} values) and measure (up to
     * {@value #MAX_MEASURES}, in fifths) at most one value: the highest rate of those at least {@value #RATE_RATIO}
     * times the rate of the other rows (or {@value #ODDS_RATIO} times their odds) and {@value #RATE_DIFFERENCE}
     * above it (or, when the others' rate is below that, twice theirs), on {@value #MIN_ROWS} rows or more,
     * significant by Fisher's exact test with Bonferroni's correction over every value tested and {@code family}
     * flags. Highest rate first.
     */
    List<Segments.FlagRate> highest(int family) throws SQLException, AnalysisCancelledException {
        List<Integer> dimensions = context.dimensions(MAX_LEVELS, MAX_DIMENSIONS + 1).stream().filter(d -> d != flag)
                .limit(MAX_DIMENSIONS).toList();
        Map<Integer, List<Level>> levels = new LinkedHashMap<>();
        int tests = 0;
        for (int d : dimensions) {
            levels.put(d, levels(d));
        }
        // a measure is a dimension too, cut into fifths: leavers are young, frauds are large
        for (int m : context.measures(MAX_MEASURES)) {
            if (m != flag) {
                levels.put(m, fifths(m));
            }
        }
        for (List<Level> list : levels.values()) {
            tests += (int) list.stream().filter(l -> l.rows() >= MIN_ROWS).count();
        }
        tests *= Math.max(1, family);
        List<Segments.FlagRate> found = new ArrayList<>();
        for (Map.Entry<Integer, List<Level>> entry : levels.entrySet()) {
            long rows = entry.getValue().stream().mapToLong(Level::rows).sum();
            long hits = entry.getValue().stream().mapToLong(Level::flagged).sum();
            Segments.FlagRate best = null;
            for (Level level : entry.getValue()) {
                long restRows = rows - level.rows();
                if (level.rows() < MIN_ROWS || restRows < MIN_ROWS) {
                    continue;
                }
                double rate = (double) level.flagged() / level.rows();
                double restRate = (double) (hits - level.flagged()) / restRows;
                double p = Math.min(1, fisherUpperTail(level.flagged(), level.rows(), hits, rows) * tests);
                // a common flag cannot be 1.5 times a rate above 67 %: there, twice the odds (65 % against 45 % won)
                boolean stronger = rate >= RATE_RATIO * restRate || oddsRatio(rate, restRate) >= ODDS_RATIO;
                if (stronger && rate - restRate >= Math.min(RATE_DIFFERENCE, restRate) && p < ALPHA
                        && (best == null || rate > best.rate())) {
                    best = new Segments.FlagRate(context.name(flag), context.name(entry.getKey()), level.value(),
                            level.rows(), level.flagged(), rate, restRate, p);
                }
            }
            if (best != null) {
                found.add(best);
            }
        }
        found.sort(Comparator.comparingDouble(Segments.FlagRate::rate).reversed());
        return found;
    }

    /** "Attrition is yes on 31 % of rows with OverTime yes (130 of 420), against 10 % of the others (p < 0.001)." */
    KeyFinding finding(Segments.FlagRate r) {
        if (r.rate() == 1 && r.restRate() == 0) {
            // a relabelling, not a concentration: Won is true on exactly the deals at stage Closed Won
            return KeyFinding.of("segment_difference", String.format("%s is %s on exactly the %s with %s %s.", r.flag(),
                            state, Text.count(r.rows(), "row"), r.dimension(), r.value()),
                    0.3, KeyFinding.significanceOf(r.pValue()), List.of(r.flag(), r.dimension()),
                    "flag_rates:" + r.flag() + ":" + r.dimension(), List.of());
        }
        String sentence = String.format("%s is %s on %s of rows with %s %s (%s of %s), against %s of the others "
                        + "(%s).", r.flag(), state, Text.percent(r.rate()), r.dimension(),
                r.value(), Text.count(r.flagged()),
                Text.count(r.rows()), Text.percent(r.restRate()), Text.pValue(r.pValue()));
        return KeyFinding.of("segment_difference", sentence, Math.min(1, 0.4 + r.rate() - r.restRate()),
                KeyFinding.significanceOf(r.pValue()), List.of(r.flag(), r.dimension()),
                "flag_rates:" + r.flag() + ":" + r.dimension(), List.of());
    }

    /**
     * A measure's rows in five bins cut at its quintiles, each named by the range of its values ("18 to 24"); tied
     * quintiles (ages, counts) merge bins. On more than {@value RowSample#SIZE} rows the cuts are the quintiles of
     * the deterministic {@link RowSample}: a bin's range and counts are still over every row, and sorting a sample
     * instead of the column made this four times faster (1M rows: 70 to 15 ms per measure).
     */
    private List<Level> fifths(int measure) throws SQLException, AnalysisCancelledException {
        String x = context.sql(measure) + "::DOUBLE";
        String present = context.sql(measure) + " IS NOT NULL AND " + counted;
        String where = RowSample.where(context.rows());
        String sample = where.isEmpty() ? "" : "(SELECT * FROM " + ColumnTypeResolver.TABLE + where + ") AS ";
        String bin = "CASE WHEN x <= q[1] THEN 1 WHEN x <= q[2] THEN 2 WHEN x <= q[3] THEN 3 WHEN x <= q[4] THEN 4"
                + " ELSE 5 END";
        return context.session().query("WITH b AS (SELECT quantile_cont(" + x + ", [0.2, 0.4, 0.6, 0.8]) AS q FROM "
                + sample + ColumnTypeResolver.TABLE + " WHERE " + present + ") SELECT " + bin + " AS bin, min(x), max(x),"
                + " count(*), count(*) FILTER (WHERE f) FROM (SELECT " + x + " AS x, " + flagged + " AS f FROM "
                + ColumnTypeResolver.TABLE + " WHERE " + present + "), b GROUP BY bin ORDER BY bin", row -> {
                    List<Level> list = new ArrayList<>();
                    while (row.next()) {
                        double low = row.getDouble(2);
                        double high = row.getDouble(3);
                        String range = low == high ? Text.number(low) : Text.number(low) + " to " + Text.number(high);
                        list.add(new Level(range, row.getLong(4), row.getLong(5)));
                    }
                    return list;
                });
    }

    private boolean yesNo(int column) {
        return context.column(column).type() == ColumnType.BOOLEAN && "yes/no".equals(context.column(column).format());
    }

    private List<Level> levels(int dimension) throws SQLException, AnalysisCancelledException {
        String d = context.sql(dimension);
        return context.session().query("SELECT CAST(" + d + " AS VARCHAR) AS v, count(*), count(*) FILTER (WHERE "
                + flagged + ") FROM " + ColumnTypeResolver.TABLE + " WHERE " + d + " IS NOT NULL AND " + counted
                + " GROUP BY v ORDER BY v", row -> {
                    List<Level> list = new ArrayList<>();
                    while (row.next()) {
                        String value = row.getString(1);
                        // a file's Yes/No reads back as it was written, not as DuckDB's true/false
                        if (yesNo(dimension)) {
                            value = value.equals("true") ? "yes" : value.equals("false") ? "no" : value;
                        }
                        list.add(new Level(value, row.getLong(2), row.getLong(3)));
                    }
                    return list;
                });
    }

    private static double oddsRatio(double rate, double restRate) {
        return rate >= 1 || restRate <= 0 ? Double.POSITIVE_INFINITY
                : (rate / (1 - rate)) / (restRate / (1 - restRate));
    }

    /**
     * One-sided p of Fisher's exact test that a value's rows carry the flag more often than the others: the
     * hypergeometric chance of {@code hits} or more flagged among its {@code rows}. Flags are often rare (a few per
     * hundred), where the normal approximation of a z-test is far off.
     */
    public static double fisherUpperTail(long hits, long rows, long totalHits, long totalRows) {
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
