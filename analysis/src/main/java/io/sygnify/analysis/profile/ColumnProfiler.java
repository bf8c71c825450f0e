package io.sygnify.analysis.profile;

import io.sygnify.analysis.AnalysisCancelledException;
import io.sygnify.analysis.engine.ColumnRoles;
import io.sygnify.analysis.engine.ColumnType;
import io.sygnify.analysis.engine.DatasetColumn;
import io.sygnify.analysis.engine.DuckDbSession;
import io.sygnify.analysis.engine.Results;
import io.sygnify.analysis.ingest.ColumnTypeResolver;
import io.sygnify.analysis.report.ColumnProfile;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.IntConsumer;

/**
 * Profiles each column of the typed table with a few exact queries per column ({@code SUMMARIZE} would be one
 * query, but its distinct counts and quantiles are approximate).
 */
public final class ColumnProfiler {

    static final int TOP_VALUES = 10;
    static final int PROGRESS_STEPS = 20;
    static final int HISTOGRAM_BINS = 20;
    // with hundreds of columns, shorter lists keep the report under 2 MB
    public static final int COMPACT_ABOVE_COLUMNS = 200;
    private static final int COMPACT_TOP_VALUES = 5;
    private static final int COMPACT_HISTOGRAM_BINS = 10;
    private static final int INVALID_EXAMPLES = 5;
    // a positive column this skewed, spanning three orders of magnitude, is unreadable on a linear histogram
    private static final double LOG_SKEWNESS = 2.0;
    private static final double LOG_RANGE_RATIO = 1000.0;

    private final DuckDbSession session;
    private final int topValues;
    private final int histogramBins;

    /** @param compact whether to list fewer top values and histogram bins (for tables with many columns) */
    public ColumnProfiler(DuckDbSession session, boolean compact) {
        this.session = session;
        this.topValues = compact ? COMPACT_TOP_VALUES : TOP_VALUES;
        this.histogramBins = compact ? COMPACT_HISTOGRAM_BINS : HISTOGRAM_BINS;
    }

    /**
     * Columns are profiled in about {@value #PROGRESS_STEPS} batches, a few queries per batch, so that a table with
     * a thousand columns does not run thousands of queries.
     *
     * @param onColumnDone receives the number of columns profiled so far
     */
    public List<ColumnProfile> profile(List<DatasetColumn> columns, long rows, IntConsumer onColumnDone)
            throws SQLException, AnalysisCancelledException {
        List<ColumnProfile> profiles = new ArrayList<>();
        int batch = Math.max(1, (int) Math.ceil(columns.size() / (double) PROGRESS_STEPS));
        for (int start = 0; start < columns.size(); start += batch) {
            List<DatasetColumn> part = columns.subList(start, Math.min(columns.size(), start + batch));
            List<Scalars> scalars = scalars(part);
            List<Groups> groups = groups(part, scalars);
            List<ColumnProfile.Histogram> histograms = histograms(part, scalars);
            for (int i = 0; i < part.size(); i++) {
                profiles.add(profile(part.get(i), rows, scalars.get(i), groups.get(i), histograms.get(i)));
            }
            onColumnDone.accept(profiles.size());
        }
        return profiles;
    }

    private record Scalars(long present, Object min, Object max, Double mean, Double sum, Double std,
                           List<Double> quantiles, Double mad, Double skewness, Double kurtosis, long zeros,
                           long negatives, double minNumber, double maxNumber, int minLength, int maxLength,
                           double meanLength) {
    }

    private record Groups(long distinct, long unique, List<String> topValues, List<Long> topCounts,
                          double sumNLogN) {
    }

    private static final Groups NO_GROUPS = new Groups(0, 0, List.of(), List.of(), 0);

    private ColumnProfile profile(DatasetColumn column, long rows, Scalars scalars, Groups groups,
                                  ColumnProfile.Histogram histogram) throws SQLException, AnalysisCancelledException {
        ColumnType type = column.type();
        long nulls = rows - scalars.present;
        long missing = nulls - column.invalidCount();
        String role = ColumnRoles.role(column, rows, scalars.present, groups.distinct, scalars.meanLength,
                scalars.minNumber == 0 && scalars.maxNumber == 1);
        ColumnProfile.NumericStats numeric = histogram != null ? numeric(scalars, histogram) : null;
        ColumnProfile.TemporalStats temporal = type.isDateOrTimestamp() && scalars.present > 0
                ? temporal(column) : null;
        ColumnProfile.TextStats text = type == ColumnType.TEXT && scalars.present > 0
                ? new ColumnProfile.TextStats(scalars.minLength, scalars.maxLength, scalars.meanLength) : null;
        boolean fewValued = groups.distinct <= TOP_VALUES * 2;
        ColumnProfile.CategoryStats categories = scalars.present > 0 && (!type.isNumeric() || fewValued)
                && !type.isDateOrTimestamp() ? categories(groups, scalars.present) : null;
        long nonMissing = scalars.present + column.invalidCount();
        double confidence = nonMissing == 0 ? 1.0 : (double) scalars.present / nonMissing;
        return new ColumnProfile(column.name(), type.label, missing, rows == 0 ? 0 : 100.0 * missing / rows,
                groups.distinct, scalars.min, scalars.max, scalars.mean, role, column.format(), confidence,
                scalars.present, column.invalidCount(),
                column.invalidExamples().stream().limit(INVALID_EXAMPLES).toList(), column.disguisedMissingCount(),
                column.disguisedMissing(), groups.unique, numeric, categories, temporal, text);
    }

    private static final int SCALARS = 17;

    /** One scan for the batch: counts, range, moments, quantiles, lengths. */
    private List<Scalars> scalars(List<DatasetColumn> columns) throws SQLException, AnalysisCancelledException {
        StringJoiner select = new StringJoiner(", ");
        for (DatasetColumn column : columns) {
            String x = column.sqlName();
            ColumnType type = column.type();
            boolean numeric = type.isNumeric();
            boolean ranged = numeric || type.isDateOrTimestamp();
            boolean text = type == ColumnType.TEXT;
            select.add("count(" + x + "), "
                    + (ranged ? "min(" + x + "), max(" + x + ")" : "NULL, NULL") + ", "
                    + (numeric ? "avg(" + x + "), sum(" + x + ")::DOUBLE, stddev_samp(" + x + "), quantile_cont(" + x
                    + ", [0.05, 0.25, 0.5, 0.75, 0.95]), mad(" + x + ")::DOUBLE, skewness(" + x + "), kurtosis(" + x
                    + "), count_if(" + x + " = 0), count_if(" + x + " < 0), min(" + x + ")::DOUBLE, max(" + x
                    + ")::DOUBLE"
                    : "NULL, NULL, NULL, [], NULL, NULL, NULL, 0, 0, NULL, NULL") + ", "
                    + (text ? "min(length(" + x + ")), max(length(" + x + ")), avg(length(" + x + "))" : "0, 0, 0"));
        }
        return session.query("SELECT " + select + " FROM " + ColumnTypeResolver.TABLE, row -> {
            row.next();
            List<Scalars> list = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                ColumnType type = columns.get(c).type();
                int o = c * SCALARS;
                list.add(new Scalars(row.getLong(o + 1), Results.value(row, o + 2, type),
                        Results.value(row, o + 3, type), Results.nullableDouble(row, o + 4),
                        Results.nullableDouble(row, o + 5), Results.nullableDouble(row, o + 6),
                        Results.doubles(row, o + 7), Results.nullableDouble(row, o + 8),
                        Results.nullableDouble(row, o + 9), Results.nullableDouble(row, o + 10), row.getLong(o + 11),
                        row.getLong(o + 12), row.getDouble(o + 13), row.getDouble(o + 14), row.getInt(o + 15),
                        row.getInt(o + 16), row.getDouble(o + 17)));
            }
            return list;
        });
    }

    /** Distinct and unique counts and the top values of each column with values, one query for the batch. */
    private List<Groups> groups(List<DatasetColumn> columns, List<Scalars> scalars)
            throws SQLException, AnalysisCancelledException {
        StringJoiner union = new StringJoiner(" UNION ALL ");
        for (int c = 0; c < columns.size(); c++) {
            if (scalars.get(c).present == 0) {
                continue;
            }
            String x = columns.get(c).sqlName();
            union.add("SELECT " + c + " AS i, d, u, s, list_transform(top, t -> t.v) AS tv,"
                    + " list_transform(top, t -> t.n) AS tn FROM (SELECT count(*) AS d, count_if(n = 1) AS u,"
                    + " sum(n * ln(n)) AS s, arg_max({'v': left(CAST(x AS VARCHAR), 200), 'n': n}, {'n': n, 'v': x},"
                    + " " + topValues + ") AS top FROM (SELECT " + x + " AS x, count(*) AS n FROM "
                    + ColumnTypeResolver.TABLE + " WHERE " + x + " IS NOT NULL GROUP BY " + x + "))");
        }
        List<Groups> groups = new ArrayList<>(java.util.Collections.nCopies(columns.size(), NO_GROUPS));
        if (union.length() == 0) {
            return groups;
        }
        session.query(union.toString(), row -> {
            while (row.next()) {
                groups.set(row.getInt(1), new Groups(row.getLong(2), row.getLong(3), Results.strings(row, 5),
                        Results.longs(row, 6), row.getDouble(4)));
            }
            return null;
        });
        return groups;
    }

    private static ColumnProfile.CategoryStats categories(Groups groups, long present) {
        List<ColumnProfile.TopValue> top = new ArrayList<>();
        long listed = 0;
        for (int i = 0; i < groups.topValues.size(); i++) {
            long count = groups.topCounts.get(i);
            listed += count;
            top.add(new ColumnProfile.TopValue(groups.topValues.get(i), count, (double) count / present));
        }
        Double imbalance = null;
        if (groups.distinct >= 2) {
            double entropy = Math.log(present) - groups.sumNLogN / present;
            imbalance = Results.finite(Math.max(0, 1 - entropy / Math.log(groups.distinct)));
        }
        double majority = top.isEmpty() ? 0 : top.get(0).share();
        return new ColumnProfile.CategoryStats(top, present - listed, majority, imbalance);
    }

    private static ColumnProfile.NumericStats numeric(Scalars s, ColumnProfile.Histogram histogram) {
        List<Double> q = s.quantiles;
        Double iqr = q.get(3) == null || q.get(1) == null ? null : q.get(3) - q.get(1);
        return new ColumnProfile.NumericStats(s.sum, s.std, q.get(0), q.get(1), q.get(2), q.get(3), q.get(4), iqr,
                s.mad, s.skewness, s.kurtosis, s.zeros, s.negatives, histogram);
    }

    /** Bins of one numeric column: where they start, how wide, how many, on which scale. */
    private record Bins(double low, double width, int count, boolean log, double high) {
    }

    private Bins bins(DatasetColumn column, Scalars s) {
        double min = s.minNumber;
        double max = s.maxNumber;
        boolean log = min > 0 && s.skewness != null && s.skewness > LOG_SKEWNESS && max / min >= LOG_RANGE_RATIO;
        double low = log ? Math.log10(min) : min;
        double high = log ? Math.log10(max) : max;
        int count = histogramBins;
        if (column.type() == ColumnType.INTEGER && !log) {
            count = (int) Math.max(1, Math.min(histogramBins, max - min + 1));
        }
        if (high == low) {
            count = 1;
        }
        return new Bins(low, count == 1 ? 1 : (high - low) / count, count, log, high);
    }

    /** Histograms of the batch's numeric columns with values (null for the others), one query. */
    private List<ColumnProfile.Histogram> histograms(List<DatasetColumn> columns, List<Scalars> scalars)
            throws SQLException, AnalysisCancelledException {
        List<ColumnProfile.Histogram> histograms = new ArrayList<>(java.util.Collections.nCopies(columns.size(), null));
        List<Bins> bins = new ArrayList<>();
        StringJoiner union = new StringJoiner(" UNION ALL ");
        for (int c = 0; c < columns.size(); c++) {
            DatasetColumn column = columns.get(c);
            if (!column.type().isNumeric() || scalars.get(c).present == 0) {
                bins.add(null);
                continue;
            }
            Bins b = bins(column, scalars.get(c));
            bins.add(b);
            String value = b.log() ? "log10(" + column.sqlName() + ")" : column.sqlName() + "::DOUBLE";
            union.add("SELECT " + c + " AS i, least(greatest(floor((" + value + " - " + b.low() + ") / " + b.width()
                    + "), 0), " + (b.count() - 1) + ")::INTEGER AS b, count(*) AS n FROM " + ColumnTypeResolver.TABLE
                    + " WHERE " + column.sqlName() + " IS NOT NULL GROUP BY b");
        }
        if (union.length() == 0) {
            return histograms;
        }
        long[][] counts = new long[columns.size()][];
        for (int c = 0; c < columns.size(); c++) {
            counts[c] = bins.get(c) == null ? null : new long[bins.get(c).count()];
        }
        session.query(union.toString(), row -> {
            while (row.next()) {
                counts[row.getInt(1)][row.getInt(2)] = row.getLong(3);
            }
            return null;
        });
        for (int c = 0; c < columns.size(); c++) {
            Bins b = bins.get(c);
            if (b == null) {
                continue;
            }
            List<Double> edges = new ArrayList<>();
            for (int i = 0; i <= b.count(); i++) {
                double edge = b.count() == 1 && i == 1 ? b.high() : b.low() + i * b.width();
                edges.add(Results.finite(b.log() ? Math.pow(10, edge) : edge));
            }
            List<Long> countList = new ArrayList<>();
            for (long count : counts[c]) {
                countList.add(count);
            }
            histograms.set(c, new ColumnProfile.Histogram(b.log() ? "log10" : "linear", edges, countList));
        }
        return histograms;
    }

    private ColumnProfile.TemporalStats temporal(DatasetColumn column) throws SQLException, AnalysisCancelledException {
        String t = "CAST(" + column.sqlName() + " AS TIMESTAMP)";
        String flags = "SELECT bool_or(CAST(" + t + " AS TIME) <> TIME '00:00:00'),"
                + " bool_or(second(" + t + ") <> 0 OR microsecond(" + t + ") % 1000000 <> 0),"
                + " bool_or(minute(" + t + ") <> 0), bool_and(day(" + t + ") = 1),"
                + " bool_and(month(" + t + ") IN (1, 4, 7, 10)), bool_and(month(" + t + ") = 1),"
                + " count(DISTINCT dayofweek(" + t + ")), (epoch(max(" + t + ")) - epoch(min(" + t + "))) / 86400.0"
                + " FROM " + ColumnTypeResolver.TABLE + " WHERE " + column.sqlName() + " IS NOT NULL";
        record Flags(boolean subDay, boolean seconds, boolean minutes, boolean firstOfMonth, boolean quarterStarts,
                     boolean januaryFirst, long weekdays, double spanDays) {
        }
        Flags f = session.query(flags, row -> {
            row.next();
            return new Flags(row.getBoolean(1), row.getBoolean(2), row.getBoolean(3), row.getBoolean(4),
                    row.getBoolean(5), row.getBoolean(6), row.getLong(7), row.getDouble(8));
        });
        String granularity;
        if (f.subDay) {
            granularity = f.seconds ? "second" : f.minutes ? "minute" : "hour";
        } else if (f.firstOfMonth) {
            granularity = f.januaryFirst ? "year" : f.quarterStarts ? "quarter" : "month";
        } else {
            granularity = f.weekdays == 1 ? "week" : "day";
        }
        boolean calendar = !f.subDay;
        // gaps between sub-day values are measured to the hour: exact seconds would sort every distinct value
        String unit = calendar ? granularity : "hour";
        String periods = "SELECT DISTINCT date_trunc('" + unit + "', " + t + ") AS d FROM " + ColumnTypeResolver.TABLE
                + " WHERE " + column.sqlName() + " IS NOT NULL";
        // of equal largest gaps the earliest, so that the same file always gives the same report
        String sql = "SELECT count(*), datediff('" + unit + "', min(d), max(d)) + 1,"
                + " first(prev ORDER BY gap DESC NULLS LAST, d), first(d ORDER BY gap DESC NULLS LAST, d)"
                + " FROM (SELECT d, lag(d) OVER (ORDER BY d) AS prev,"
                + " epoch(d) - epoch(lag(d) OVER (ORDER BY d)) AS gap FROM (" + periods + "))";
        boolean dateOnly = column.type() == ColumnType.DATE;
        return session.query(sql, row -> {
            row.next();
            long distinct = row.getLong(1);
            long expected = row.getLong(2);
            String from = timestamp(row, 3, dateOnly);
            String to = timestamp(row, 4, dateOnly);
            Long missingPeriods = calendar ? Math.max(0, expected - distinct) : null;
            return new ColumnProfile.TemporalStats(granularity, f.spanDays, missingPeriods, from, to,
                    column.ambiguousDayMonth(), column.ambiguityEvidence());
        });
    }

    private static String timestamp(ResultSet row, int index, boolean dateOnly) throws SQLException {
        if (row.getObject(index) == null) {
            return null;
        }
        LocalDateTime value = row.getObject(index, LocalDateTime.class);
        return dateOnly ? value.toLocalDate().toString() : value.toString();
    }
}
