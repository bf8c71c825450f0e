package io.sygnify.analysis.outliers;

import io.sygnify.analysis.AnalysisCancelledException;
import io.sygnify.analysis.engine.AnalysisContext;
import io.sygnify.analysis.engine.Analyzed;
import io.sygnify.analysis.engine.ColumnType;
import io.sygnify.analysis.engine.DatasetColumn;
import io.sygnify.analysis.engine.Results;
import io.sygnify.analysis.engine.RowLabel;
import io.sygnify.analysis.engine.Text;
import io.sygnify.analysis.ingest.ColumnTypeResolver;
import io.sygnify.analysis.quality.QualityAnalysis;
import io.sygnify.analysis.report.ColumnProfile;
import io.sygnify.analysis.report.KeyFinding;
import io.sygnify.analysis.report.Outliers;
import io.sygnify.analysis.report.Relationships;
import io.sygnify.analysis.time.TrendTests;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Finds and lists outlying values of each measure (see {@link Outliers}).
 *
 * <p>Integer columns with few distinct values are levels, not a continuum: a robust z-score calls the top levels of
 * a quantity from 1 to 10 outlying because most quantities are 1 to 3. There the fences widen to take in the
 * levels that continue the normal range without a gap, and only values beyond a gap are outliers.
 */
public final class OutlierAnalysis {

    static final int LISTED = 20;
    private static final int MAX_MEASURES = 30;
    private static final int ROW_COLUMNS = 8;
    private static final int TEXT_LIMIT = 60;
    // Iglewicz and Hoaglin (1993): |modified z| > 3.5 flags potential outliers
    private static final double MODIFIED_Z = 3.5;
    private static final double IQR_FENCE = 3.0;
    private static final double HEAVY_TAIL_SKEWNESS = 2.0;
    // money and incomes spread multiplicatively: a salary twice the median is common, one at half is not its mirror;
    // a moderate right skew is enough to judge them by ratio
    private static final double MONEY_SKEWNESS = 1.0;
    public static final Pattern MONEY_NAME = Pattern.compile("amount|amt|income|salary|salaries|wage|wages|revenue"
            + "|sales|spend|cost|costs|payment|value|total|fee|fees|premium|loan|price|compensation|earnings");
    // fees of which the failed payments' are 0, refunds of which most rows have none: the sizes that are there
    // are judged on the log scale among themselves; the zeros are the zeros alert's
    private static final double NONZERO_SHARE_FOR_LOG = 0.02;
    private static final long NONZERO_FOR_LOG = 20;
    // amounts with refunds: up to a fifth of the nonzero values may be negative and still be sized on a log scale
    private static final double NEGATIVE_SHARE_FOR_LOG = 0.2;
    // outliers worth a key finding: at least 0.1 % of values, or one extreme enough to be no accident
    private static final double FINDING_SHARE = 0.001;
    private static final double EXTREME_SCORE = 7;
    private static final long DISCRETE_LEVELS = 50;
    // a level continues the range when it is at most twice the usual spacing of the levels away from it
    private static final double CONTIGUOUS_SPACINGS = 2;

    private final AnalysisContext context;
    private final Relationships relationships;

    /** @param relationships the categories explaining the measures, or null when none were measured */
    public OutlierAnalysis(AnalysisContext context, Relationships relationships) {
        this.context = context;
        this.relationships = relationships;
    }

    public Analyzed<Outliers> run() throws SQLException, AnalysisCancelledException {
        List<Outliers.ColumnOutliers> columns = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<KeyFinding> findings = new ArrayList<>();
        RowLabel label = RowLabel.of(context);
        OutlierBursts bursts = new OutlierBursts(context);
        // the measures whose only outlier is one row: one finding tells them together
        Map<Long, List<Outliers.ColumnOutliers>> byLoneRow = new LinkedHashMap<>();
        Map<Outliers.ColumnOutliers, KeyFinding> lone = new LinkedHashMap<>();
        for (int index : context.measures(MAX_MEASURES)) {
            ColumnProfile profile = context.profile(index);
            ColumnProfile.NumericStats stats = profile.numeric();
            if (stats == null || profile.presentCount() < 5) {
                notes.add(profile.name() + ": fewer than 5 values, not assessed.");
                continue;
            }
            String scale = scale(index, profile.presentCount(), stats);
            Outliers.ColumnOutliers result = assess(index, scale);
            if (result == null) {
                notes.add(profile.name() + ": not assessed: more than half of its values are equal (MAD and IQR "
                        + "are 0), or fewer than 5 are not 0 on the log scale.");
                continue;
            }
            columns.add(result);
            double maxScore = result.rows().stream().mapToDouble(r -> Math.abs(r.score())).max().orElse(0);
            // groups of values a category explains are its association finding's: "campaign explains 97 % of ctr"
            boolean explained = result.separateGroups() && relationships != null
                    && relationships.explainedBy(profile.name()).isPresent();
            java.util.Optional<Relationships.Pair> by = relationships == null
                    || !(scale.equals(Outliers.LINEAR) || scale.equals(Outliers.LOG)) ? java.util.Optional.empty()
                    : relationships.explainedBy(profile.name());
            if (result.count() > 0 && by.isPresent()) {
                // the busiest product's ordinary days are above the range of all products: judge each in its own
                GroupOutliers.Found within = GroupOutliers.find(context, index, context.index(by.get().a()),
                        scale.equals(Outliers.LOG));
                columns.set(columns.size() - 1, result.judgedWithin(by.get().a(), within.count()));
                withinGroups(result, within, by.get(), scale.equals(Outliers.LOG), notes, label)
                        .ifPresent(findings::add);
                continue;
            }
            if (result.count() > 0 && (result.share() >= FINDING_SHARE || maxScore >= EXTREME_SCORE) && !explained) {
                boolean zerosLeftOut = (scale.equals(Outliers.LOG) || scale.equals(Outliers.LOG_MAGNITUDE))
                        && stats.zeros() > 0;
                KeyFinding finding = finding(result, maxScore, zerosLeftOut, label.of(result.rows().get(0).row()));
                if (result.count() == 1 && !result.separateGroups()) {
                    byLoneRow.computeIfAbsent(result.rows().get(0).row(), row -> new ArrayList<>()).add(result);
                    lone.put(result, finding);
                } else {
                    findings.add(finding);
                }
            }
        }
        for (Map.Entry<Long, List<Outliers.ColumnOutliers>> entry : byLoneRow.entrySet()) {
            List<Outliers.ColumnOutliers> group = entry.getValue();
            if (group.size() == 1) {
                findings.add(lone.get(group.get(0)));
            } else {
                double impact = group.stream().mapToDouble(r -> lone.get(r).impact()).max().orElse(0);
                findings.add(oneRow(entry.getKey(), label.of(entry.getKey()), group, impact));
            }
        }
        for (OutlierBursts.Burst burst : bursts.find(columns)) {
            findings.add(bursts.finding(burst));
        }
        return new Analyzed<>(new Outliers(columns, notes), findings);
    }

    /**
     * A measure a category explains, judged within the category's groups ({@link GroupOutliers}): a note says how
     * many of the values outside the range over all rows remain outliers of their own group, and those that do are
     * a finding.
     */
    private static java.util.Optional<KeyFinding> withinGroups(Outliers.ColumnOutliers result,
                                                               GroupOutliers.Found within, Relationships.Pair by,
                                                               boolean log, List<String> notes, RowLabel label)
            throws SQLException, AnalysisCancelledException {
        String measure = result.column();
        String category = by.a();
        String explains = String.format("%s explains %s of %s", category, Text.percent(by.value() * by.value()),
                measure);
        notes.add(String.format("%s: %s; judged against its own %s's median and MAD, %s %s (%s outside the range "
                        + "over all rows, %s to %s).", measure, explains, category,
                within.count() == 0 ? "no value" : Text.count(within.count(), "value"),
                within.count() == 1 ? "is an outlier" : within.count() == 0 ? "is an outlier" : "are outliers",
                Text.count(result.count()), fence(result.lowerFence()), fence(result.upperFence())));
        if (within.count() == 0 || within.assessed() == 0) {
            return java.util.Optional.empty();
        }
        GroupOutliers.Row top = within.rows().get(0);
        double share = (double) within.count() / within.assessed();
        String sentence = String.format("%s has %s value%s out of line for %s %s (%s of values, robust z-score above "
                        + "3.5 within each %s%s, as %s): the most extreme is %s at row %d%s, where %s %s usually "
                        + "lies between %s and %s.", measure, Text.count(within.count()),
                within.count() == 1 ? "" : "s", within.count() == 1 ? "its" : "their", category,
                Text.percent(share), category, log ? " on a log scale" : "", explains, Text.number(top.value()),
                top.row(), label.of(top.row()), category + " " + top.group() + "'s", measure,
                Text.number(top.lowFence()), Text.number(top.highFence()));
        double maxScore = Math.abs(top.score());
        double impact = Math.min(1, 0.3 + Math.min(0.4, 10 * share) + Math.min(0.3, maxScore / 100));
        return java.util.Optional.of(KeyFinding.of("outliers", sentence, impact, 1.0, List.of(measure, category),
                "outliers:" + measure, within.rows().stream().map(GroupOutliers.Row::row).toList()));
    }

    /**
     * "Row 334 (Date 2024-11-29) is the only outlier in Users, Conversions and Revenue: …": a day out of line in
     * several measures at once is one event, and more telling than each measure alone.
     */
    private static KeyFinding oneRow(long row, String label, List<Outliers.ColumnOutliers> group, double impact) {
        List<String> values = new ArrayList<>();
        for (Outliers.ColumnOutliers result : group) {
            boolean bySize = result.scale().equals(Outliers.LOG_MAGNITUDE);
            values.add(String.format("%s %s (normal %s %s to %s%s)", result.column(),
                    Text.number(result.rows().get(0).value()), bySize ? "size" : "range", fence(result.lowerFence()),
                    fence(result.upperFence()), bySize ? " either way" : ""));
        }
        List<String> columns = group.stream().map(Outliers.ColumnOutliers::column).toList();
        String sentence = String.format("Row %d%s is the only outlier in %s: %s.", row, label, Text.list(columns),
                Text.list(values));
        return KeyFinding.of("outliers", sentence, Math.min(1, impact + 0.05 * (group.size() - 1)), 1.0, columns,
                "outliers:" + columns.get(0), List.of(row));
    }

    /**
     * {@code log} for positive heavy-tailed values; {@code log_magnitude} when some of them are negative (refunds),
     * so that a refund is judged by its size like a sale, and an extreme one is found rather than skipped; but a
     * profit or a change of 0.01 is no outlier for being small, so measures signed by nature stay linear.
     */
    private String scale(int index, long present, ColumnProfile.NumericStats stats)
            throws SQLException, AnalysisCancelledException {
        long nonzero = present - stats.zeros();
        if (present == 0 || (double) nonzero / present < NONZERO_SHARE_FOR_LOG || nonzero < NONZERO_FOR_LOG) {
            return Outliers.LINEAR;
        }
        if (stats.negatives() == 0) {
            boolean money = AnalysisContext.matches(MONEY_NAME, context.name(index));
            return heavyTailed(stats.skewness()) || money && stats.skewness() != null
                    && stats.skewness() > MONEY_SKEWNESS ? Outliers.LOG : Outliers.LINEAR;
        }
        boolean signed = QualityAnalysis.signedByNature(context.name(index));
        if ((double) stats.negatives() / nonzero > NEGATIVE_SHARE_FOR_LOG && !signed) {
            return Outliers.LINEAR;
        }
        // the profile's skewness is of the signed values, which one large refund turns negative: size counts here
        Double sizeSkewness = context.session().query("SELECT skewness(abs(" + context.sql(index) + "::DOUBLE)) FROM "
                + ColumnTypeResolver.TABLE, row -> {
                    row.next();
                    Object value = row.getObject(1);
                    return value instanceof Number n ? n.doubleValue() : null;
                });
        return !heavyTailed(sizeSkewness) ? Outliers.LINEAR : signed ? Outliers.SIGNED_LOG : Outliers.LOG_MAGNITUDE;
    }

    private static boolean heavyTailed(Double skewness) {
        return skewness != null && skewness > HEAVY_TAIL_SKEWNESS;
    }

    private Outliers.ColumnOutliers assess(int index, String scale) throws SQLException, AnalysisCancelledException {
        String x = context.sql(index) + "::DOUBLE";
        boolean log = !scale.equals(Outliers.LINEAR);
        double size = !scale.equals(Outliers.SIGNED_LOG) ? 1 : context.session().query("SELECT median(abs(" + x
                + ")) FROM " + ColumnTypeResolver.TABLE + " WHERE " + x + " <> 0", row -> {
                    row.next();
                    return row.getDouble(1);
                });
        if (!(size > 0)) {
            return null;
        }
        String v = switch (scale) {
            case Outliers.LOG -> "ln(" + x + ")";
            case Outliers.LOG_MAGNITUDE -> "ln(abs(" + x + "))";
            case Outliers.SIGNED_LOG -> "asinh(" + x + " / " + size + ")";
            default -> x;
        };
        String domain = context.sql(index) + " IS NOT NULL" + switch (scale) {
            case Outliers.LOG -> " AND " + x + " > 0";
            case Outliers.LOG_MAGNITUDE -> " AND " + x + " <> 0";
            default -> "";
        };
        ColumnProfile profile = context.profile(index);
        ColumnProfile.NumericStats stats = profile.numeric();
        // on the linear scale the profile already holds the median, MAD and quartiles over all values
        double[] spread = !log && stats.p50() != null && stats.mad() != null && stats.p25() != null
                && stats.p75() != null
                ? new double[] {stats.p50(), stats.mad(), stats.p25(), stats.p75(), profile.presentCount()}
                // one list of quantiles is one sort; median and two quantile_cont calls were three
                : context.session().query("SELECT q[2], m, q[1], q[3], n FROM (SELECT quantile_cont("
                + v + ", [0.25, 0.5, 0.75]) AS q, mad(" + v + ") AS m, count(*) AS n FROM " + ColumnTypeResolver.TABLE
                + " WHERE " + domain + ")", row -> {
                    row.next();
                    return new double[] {row.getDouble(1), row.getDouble(2), row.getDouble(3), row.getDouble(4),
                        row.getLong(5)};
                });
        double median = spread[0];
        double mad = spread[1];
        double q1 = spread[2];
        double q3 = spread[3];
        long assessed = (long) spread[4];
        if (assessed < 5 || Double.isNaN(median)) {
            return null;
        }
        String method;
        double low;
        double high;
        String score;
        if (mad > 0) {
            method = "modified_z";
            low = median - MODIFIED_Z * mad / 0.6745;
            high = median + MODIFIED_Z * mad / 0.6745;
            score = "0.6745 * (" + v + " - " + median + ") / " + mad;
        } else if (q3 > q1) {
            method = "iqr";
            double iqr = q3 - q1;
            low = q1 - IQR_FENCE * iqr;
            high = q3 + IQR_FENCE * iqr;
            score = "CASE WHEN " + v + " < " + q1 + " THEN (" + v + " - " + q1 + ") / " + iqr + " ELSE (" + v
                    + " - " + q3 + ") / " + iqr + " END";
        } else {
            return null;
        }
        if (!log && profile.type().equals(ColumnType.INTEGER.label) && profile.distinctCount() <= DISCRETE_LEVELS) {
            double[] widened = levelFences(index, low, high);
            low = widened[0];
            high = widened[1];
        }
        String outside = domain + " AND (" + v + " < " + low + " OR " + v + " > " + high + ")";
        long[] counts = context.session().queryLongs("SELECT count(*) FILTER (WHERE " + v + " < " + low + "),"
                + " count(*) FILTER (WHERE " + v + " > " + high + ") FROM " + ColumnTypeResolver.TABLE + " WHERE "
                + domain);
        List<Outliers.OutlierRow> rows = counts[0] + counts[1] == 0 ? List.of() : rows(x, score, outside);
        long count = counts[0] + counts[1];
        boolean signedLog = scale.equals(Outliers.SIGNED_LOG);
        double lowerFence = signedLog ? size * Math.sinh(low) : log ? Math.exp(low) : low;
        double upperFence = signedLog ? size * Math.sinh(high) : log ? Math.exp(high) : high;
        if (!scale.equals(Outliers.LOG_MAGNITUDE)
                && profile.min() instanceof Number min && profile.max() instanceof Number max) {
            // a fence beyond the values only says that none is out on that side: a volume's "normal range" read
            // "-381,672 to 2,777,876"; within the values it reads as what it is
            lowerFence = Math.max(lowerFence, min.doubleValue());
            upperFence = Math.min(upperFence, max.doubleValue());
        }
        return new Outliers.ColumnOutliers(context.name(index), method, scale,
                method.equals("iqr") ? IQR_FENCE : MODIFIED_Z, Results.finite(lowerFence),
                Results.finite(upperFence), assessed, count,
                assessed == 0 ? 0 : (double) count / assessed, counts[0], counts[1], rows);
    }

    /** The fences moved out over the levels that follow the normal range without a gap. */
    private double[] levelFences(int index, double low, double high) throws SQLException, AnalysisCancelledException {
        double[] levels = context.session().query("SELECT DISTINCT " + context.sql(index) + "::DOUBLE AS v FROM "
                + ColumnTypeResolver.TABLE + " WHERE " + context.sql(index) + " IS NOT NULL ORDER BY v", row -> {
                    List<Double> list = new ArrayList<>();
                    while (row.next()) {
                        list.add(row.getDouble(1));
                    }
                    return list.stream().mapToDouble(Double::doubleValue).toArray();
                });
        if (levels.length < 2) {
            return new double[] {low, high};
        }
        double[] gaps = new double[levels.length - 1];
        for (int i = 1; i < levels.length; i++) {
            gaps[i - 1] = levels[i] - levels[i - 1];
        }
        double reach = CONTIGUOUS_SPACINGS * TrendTests.median(gaps);
        double top = high;
        double bottom = low;
        for (int i = 1; i < levels.length; i++) {
            if (levels[i] > top && levels[i - 1] <= top && levels[i] - levels[i - 1] <= reach) {
                top = levels[i];
            }
        }
        for (int i = levels.length - 2; i >= 0; i--) {
            if (levels[i] < bottom && levels[i + 1] >= bottom && levels[i + 1] - levels[i] <= reach) {
                bottom = levels[i];
            }
        }
        return new double[] {bottom, top};
    }

    private List<Outliers.OutlierRow> rows(String x, String score, String outside)
            throws SQLException, AnalysisCancelledException {
        int shown = Math.min(ROW_COLUMNS, context.columns().size());
        StringJoiner select = new StringJoiner(", ");
        for (int c = 0; c < shown; c++) {
            DatasetColumn column = context.column(c);
            select.add(column.type().isNumeric() ? column.sqlName()
                    : "left(CAST(" + column.sqlName() + " AS VARCHAR), " + TEXT_LIMIT + ")");
        }
        String sql = "SELECT " + ColumnTypeResolver.ROW + ", " + x + ", " + score + " AS s, " + select + " FROM "
                + ColumnTypeResolver.TABLE + " WHERE " + outside + " ORDER BY abs(s) DESC, " + ColumnTypeResolver.ROW
                + " LIMIT " + LISTED;
        return context.session().query(sql, row -> {
            List<Outliers.OutlierRow> list = new ArrayList<>();
            while (row.next()) {
                Map<String, Object> values = new LinkedHashMap<>();
                for (int c = 0; c < shown; c++) {
                    Object value = row.getObject(c + 4);
                    values.put(context.name(c), value instanceof Number n && !(value instanceof Double d
                            && !Double.isFinite(d)) ? n : value == null ? null : value.toString());
                }
                list.add(new Outliers.OutlierRow(row.getLong(1), row.getDouble(2), row.getDouble(3), values));
            }
            return list;
        });
    }

    /** @param zerosLeftOut whether the column's zeros were not assessed (on a log scale) */
    /** @param label what names the most extreme row beside its number, e.g. " (Date 2024-11-29)", or "" */
    private static KeyFinding finding(Outliers.ColumnOutliers result, double maxScore, boolean zerosLeftOut,
                                      String label) {
        Outliers.OutlierRow top = result.rows().get(0);
        boolean bySize = result.scale().equals(Outliers.LOG_MAGNITUDE);
        String method = result.method().equals("modified_z")
                ? "robust z-score above " + Text.number(result.threshold()) + switch (result.scale()) {
                    case Outliers.LOG -> " on a log scale";
                    case Outliers.LOG_MAGNITUDE -> " on a log scale of their size";
                    case Outliers.SIGNED_LOG -> " on a log scale that keeps the sign";
                    default -> "";
                }
                : "more than " + Text.number(result.threshold()) + " IQR beyond the quartiles";
        String sentence = String.format("%s has %s outlying value%s (%s of %svalues, %s): the most extreme is %s "
                        + "at row %d%s; normal %s %s to %s%s.", result.column(), Text.count(result.count()),
                result.count() == 1 ? "" : "s", Text.percent(result.share()), zerosLeftOut ? "its non-zero " : "",
                method, Text.number(top.value()),
                top.row(), label, bySize ? "size" : "range",
                fence(result.lowerFence()), fence(result.upperFence()), bySize ? " either way" : "");
        if (result.separateGroups()) {
            // a fifth of the values "outlying" says the usual range is one group among others, not that they are rare
            return KeyFinding.of("outliers", String.format("%s has values in separate groups: %s of them (%s) lie "
                            + "outside the main group's range %s to %s, too many to be outliers; the most distant is "
                            + "%s at row %d%s.", result.column(), Text.percent(result.share()),
                    Text.count(result.count()), fence(result.lowerFence()), fence(result.upperFence()),
                    Text.number(top.value()), top.row(), label), 0.3, 1.0, List.of(result.column()),
                    "outliers:" + result.column(), result.rows().stream().map(Outliers.OutlierRow::row).toList());
        }
        double impact = Math.min(1, 0.3 + Math.min(0.4, 10 * result.share()) + Math.min(0.3, maxScore / 100));
        return KeyFinding.of("outliers", sentence, impact, 1.0, List.of(result.column()),
                "outliers:" + result.column(), result.rows().stream().map(Outliers.OutlierRow::row).toList());
    }

    private static String fence(Double value) {
        return value == null ? "?" : Text.number(value);
    }
}
