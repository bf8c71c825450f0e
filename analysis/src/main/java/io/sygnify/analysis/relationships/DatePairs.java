package io.sygnify.analysis.relationships;

import io.sygnify.analysis.AnalysisCancelledException;
import io.sygnify.analysis.engine.AnalysisContext;
import io.sygnify.analysis.engine.Text;
import io.sygnify.analysis.ingest.ColumnTypeResolver;
import io.sygnify.analysis.report.KeyFinding;
import io.sygnify.analysis.report.Relationships;
import io.sygnify.analysis.time.TrendTests;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.StringJoiner;

/**
 * The time between two date columns of each row, when one comes after the other on nearly every row: ordered and
 * shipped, shipped and delivered, opened and closed. What an analyst computes first about such a file — how long
 * it takes, how long at worst, and what it depends on (a carrier, a region) — and the rows where the dates are in
 * the wrong order, which are errors (a parcel shipped before it was ordered).
 */
public final class DatePairs {

    /** Date and timestamp columns compared, the first in the file. */
    static final int MAX_COLUMNS = 6;
    /** Rows in the wrong order that still leave the two columns a sequence; more, and they are not one. */
    static final double MAX_REVERSED = 0.05;
    static final int LISTED_ROWS = 10;
    private static final double OVERLAP = 0.5;
    private static final int MIN_ROWS = 20;
    private static final long MAX_LEVELS = 50;
    private static final int MAX_DIMENSIONS = 8;
    // the dimension must explain this share of the time's variance, and pass ALPHA, to be named
    private static final double MIN_EXPLAINED = 0.05;
    private static final int GROUPS_LISTED = 10;

    private final AnalysisContext context;
    private final List<KeyFinding> findings;

    DatePairs(AnalysisContext context, List<KeyFinding> findings) {
        this.context = context;
        this.findings = findings;
    }

    List<Relationships.DateSpan> find() throws SQLException, AnalysisCancelledException {
        List<Integer> dates = new ArrayList<>();
        for (int i = 0; i < context.columns().size() && dates.size() < MAX_COLUMNS; i++) {
            String type = context.profile(i).type();
            if ((type.equals("date") || type.equals("timestamp")) && context.profile(i).distinctCount() >= 2) {
                dates.add(i);
            }
        }
        List<Relationships.DateSpan> spans = new ArrayList<>();
        for (int a = 0; a < dates.size(); a++) {
            for (int b = a + 1; b < dates.size(); b++) {
                span(dates.get(a), dates.get(b)).ifPresent(spans::add);
            }
        }
        for (Relationships.DateSpan span : spans) {
            if (!spansAnother(span, spans)) {
                findings.add(finding(span));
            }
        }
        return spans;
    }

    /** Seconds from column {@code a} to column {@code b}. */
    private String seconds(int a, int b) {
        return "(epoch(CAST(" + context.sql(b) + " AS TIMESTAMP)) - epoch(CAST(" + context.sql(a) + " AS TIMESTAMP)))";
    }

    private java.util.Optional<Relationships.DateSpan> span(int a, int b)
            throws SQLException, AnalysisCancelledException {
        String s = seconds(a, b);
        String ea = "CAST(epoch(CAST(" + context.sql(a) + " AS TIMESTAMP)) AS BIGINT)";
        String eb = "CAST(epoch(CAST(" + context.sql(b) + " AS TIMESTAMP)) AS BIGINT)";
        long[] order = context.session().queryLongs("SELECT count(" + s + "), count_if(" + s + " < 0), count_if("
                + s + " > 0), min(" + ea + "), max(" + ea + "), min(" + eb + "), max(" + eb + ") FROM "
                + ColumnTypeResolver.TABLE + " WHERE " + s + " IS NOT NULL");
        long rows = order[0];
        boolean swap = order[1] > order[2];
        long reversed = Math.min(order[1], order[2]);
        long forward = Math.max(order[1], order[2]);
        // mostly equal (created and updated at once) is no sequence worth timing
        if (rows < MIN_ROWS || reversed > MAX_REVERSED * rows || forward < rows / 2.0
                || !overlapping(order[3], order[4], order[5], order[6])) {
            return java.util.Optional.empty();
        }
        int from = swap ? b : a;
        int to = swap ? a : b;
        String d = seconds(from, to);
        double[] stats = context.session().query("SELECT q[1], q[2], x, r FROM (SELECT quantile_cont(" + d
                + ", [0.5, 0.95]) AS q, max(" + d + ") AS x, arg_max(" + ColumnTypeResolver.ROW + ", " + d
                + ") AS r FROM " + ColumnTypeResolver.TABLE + ")", row -> {
                    row.next();
                    return new double[] {row.getDouble(1), row.getDouble(2), row.getDouble(3), row.getLong(4)};
                });
        String unit = context.profile(from).type().equals("date") && context.profile(to).type().equals("date")
                ? "days" : stats[0] >= 2 * 86_400 ? "days" : stats[0] >= 2 * 3_600 ? "hours" : "minutes";
        double per = unit.equals("days") ? 86_400 : unit.equals("hours") ? 3_600 : 60;
        List<Long> reversedRows = reversed == 0 ? List.of() : context.session().query("SELECT "
                + ColumnTypeResolver.ROW + " FROM " + ColumnTypeResolver.TABLE + " WHERE " + d + " < 0 ORDER BY "
                + ColumnTypeResolver.ROW + " LIMIT " + LISTED_ROWS, row -> {
                    List<Long> list = new ArrayList<>();
                    while (row.next()) {
                        list.add(row.getLong(1));
                    }
                    return list;
                });
        return java.util.Optional.of(new Relationships.DateSpan(context.name(from), context.name(to), unit, rows,
                stats[0] / per, stats[1] / per, stats[2] / per, (long) stats[3], reversed, reversedRows,
                driver(d, per)));
    }

    /**
     * Whether the two columns' ranges overlap by half the shorter one: a birthday always precedes an order date, but
     * because the one range ends before the other begins, not because each row is a step of one process.
     */
    private static boolean overlapping(long minA, long maxA, long minB, long maxB) {
        double shorter = Math.min(maxA - minA, maxB - minB);
        double overlap = Math.min(maxA, maxB) - Math.max(minA, minB);
        return overlap > 0 && overlap >= OVERLAP * shorter;
    }

    /** The dimension that explains the most of the time between the dates, if one explains enough. */
    private Relationships.SpanDriver driver(String seconds, double per) throws SQLException,
            AnalysisCancelledException {
        List<Integer> dimensions = context.dimensions(MAX_LEVELS, MAX_DIMENSIONS);
        if (dimensions.isEmpty()) {
            return null;
        }
        StringJoiner keys = new StringJoiner(", ");
        StringJoiner sets = new StringJoiner(", ");
        for (int d : dimensions) {
            keys.add("CAST(" + context.sql(d) + " AS VARCHAR)");
            sets.add("(" + context.sql(d) + ")");
        }
        String v = seconds + " / " + per;
        record Cell(int dimension, String value, long n, double sum, double squares) {
        }
        List<Cell> cells = context.session().query("SELECT " + keys + ", " + grouping(dimensions)
                + ", count(" + v + "), sum(" + v + "), sum((" + v + ") * (" + v + ")) FROM " + ColumnTypeResolver.TABLE
                + " WHERE " + seconds + " IS NOT NULL GROUP BY GROUPING SETS (" + sets + ")", row -> {
                    List<Cell> list = new ArrayList<>();
                    int k = dimensions.size();
                    while (row.next()) {
                        int which = groupedBy(row.getLong(k + 1), k);
                        list.add(new Cell(which, row.getString(which + 1), row.getLong(k + 2), row.getDouble(k + 3),
                                row.getDouble(k + 4)));
                    }
                    return list;
                });
        Relationships.SpanDriver best = null;
        int tests = dimensions.size();
        for (int i = 0; i < dimensions.size(); i++) {
            int which = i;
            List<Cell> groups = cells.stream().filter(c -> c.dimension() == which && c.value() != null && c.n() > 0)
                    .toList();
            double[] sums = groups.stream().mapToDouble(Cell::sum).toArray();
            long[] counts = groups.stream().mapToLong(Cell::n).toArray();
            double squares = groups.stream().mapToDouble(Cell::squares).sum();
            TrendTests.Anova anova = TrendTests.anova(sums, counts, squares, java.util.Arrays.stream(sums).sum(),
                    java.util.Arrays.stream(counts).sum());
            if (anova.groups() < 2 || anova.pValue() >= RelationshipAnalysis.ALPHA / tests
                    || anova.etaSquared() < MIN_EXPLAINED
                    || best != null && anova.etaSquared() <= best.etaSquared()) {
                continue;
            }
            List<Relationships.GroupMean> means = groups.stream()
                    .map(c -> new Relationships.GroupMean(c.value(), c.n(), c.sum() / c.n()))
                    .sorted(Comparator.comparingDouble(Relationships.GroupMean::mean))
                    .limit(GROUPS_LISTED).toList();
            best = new Relationships.SpanDriver(context.name(dimensions.get(i)), anova.etaSquared(), anova.pValue(),
                    means);
        }
        return best;
    }

    /** grouping() of the dimensions: a bit set for each column not grouped, the first column's highest. */
    private String grouping(List<Integer> dimensions) {
        StringJoiner args = new StringJoiner(", ");
        dimensions.forEach(d -> args.add(context.sql(d)));
        return "grouping(" + args + ")";
    }

    /** The one dimension a grouping set's row is grouped by, from its grouping() bits. */
    private static int groupedBy(long bits, int dimensions) {
        for (int i = 0; i < dimensions; i++) {
            if ((bits & (1L << (dimensions - 1 - i))) == 0) {
                return i;
            }
        }
        throw new IllegalStateException("no dimension grouped: " + bits);
    }

    /** Whether another span starts and ends within this one (ordered → shipped → delivered: tell the steps). */
    public static boolean spansAnother(Relationships.DateSpan span, List<Relationships.DateSpan> spans) {
        return spans.stream().anyMatch(first -> first.from().equals(span.from()) && spans.stream().anyMatch(second ->
                second.from().equals(first.to()) && second.to().equals(span.to())));
    }

    private KeyFinding finding(Relationships.DateSpan span) {
        String unit = span.unit();
        StringBuilder sentence = new StringBuilder(String.format("%s comes %s after %s (median; 95 %% within %s, "
                        + "the longest %s at row %s)", span.to(), amount(span.median(), unit), span.from(),
                amount(span.p95(), unit), amount(span.max(), unit), Text.count(span.maxRow())));
        List<String> columns = new ArrayList<>(List.of(span.from(), span.to()));
        double impact = 0.4;
        Relationships.SpanDriver by = span.by();
        if (by != null) {
            Relationships.GroupMean low = by.groups().get(0);
            Relationships.GroupMean high = by.groups().get(by.groups().size() - 1);
            sentence.append(String.format("; it depends on %s: %s on average for %s, %s for %s (%s explains %s of "
                            + "its variance, %s)", by.dimension(), amount(low.mean(), unit), low.value(),
                    amount(high.mean(), unit), high.value(), by.dimension(), Text.percent(by.etaSquared()),
                    Text.pValue(by.pValue())));
            columns.add(by.dimension());
            impact = Math.min(0.9, 0.4 + by.etaSquared() / 2);
        }
        return KeyFinding.of("time_between", sentence + ".", impact, 1.0, columns, "date_span:" + span.from() + ":"
                + span.to(), List.of(span.maxRow()));
    }

    /** "1 day", "2.5 days", "40 minutes". */
    static String amount(double value, String unit) {
        String singular = unit.substring(0, unit.length() - 1);
        return Text.number(value) + " " + (value == 1 ? singular : unit);
    }
}
