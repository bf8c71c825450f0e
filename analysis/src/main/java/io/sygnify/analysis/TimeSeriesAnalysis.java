package io.sygnify.analysis;

import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Builds the main measures' series over the first time column and tests them (see {@link TimeSeries}). The
 * aggregation runs in DuckDB; the series, at most {@value #MAX_PERIODS} points, are analysed in Java.
 */
final class TimeSeriesAnalysis {

    static final int MAX_PERIODS = 1000;
    static final double ALPHA = 0.001;
    /** Earlier changes of the same kind that an unusual month is judged against. */
    static final int MIN_CHANGE_HISTORY = 6;
    private static final int MAX_MEASURES = 5;
    private static final double MIN_SEASONAL_STRENGTH = 0.1;
    private static final double ANOMALY_Z = 3.5;
    private static final double COMPLETE_COVERAGE = 0.9;
    private static final int MIN_SEGMENT = 5;
    private static final int MAX_CHANGE_POINTS = 3;
    private static final Pattern MEAN_NAME = Pattern.compile("price|rate|ratio|pct|percent|percentage|score|temp"
            + "|temperature|age|avg|average"
            + "|mean|index|level|close|open|high|low|yield|speed|humidity|balance|weight|height");

    /** A unit of aggregation, as DuckDB's date_trunc names it. */
    enum Unit {
        HOUR, DAY, WEEK, MONTH, QUARTER, YEAR;

        String sql() {
            return name().toLowerCase(Locale.ROOT);
        }

        LocalDateTime next(LocalDateTime start) {
            return switch (this) {
                case HOUR -> start.plusHours(1);
                case DAY -> start.plusDays(1);
                case WEEK -> start.plusWeeks(1);
                case MONTH -> start.plusMonths(1);
                case QUARTER -> start.plusMonths(3);
                case YEAR -> start.plusYears(1);
            };
        }

        String label(LocalDateTime start) {
            return switch (this) {
                case HOUR -> start.toString();
                case DAY, WEEK -> start.toLocalDate().toString();
                case MONTH -> YearMonth.from(start).toString();
                case QUARTER -> start.getYear() + "-Q" + ((start.getMonthValue() - 1) / 3 + 1);
                case YEAR -> String.valueOf(start.getYear());
            };
        }

        double approximateDays() {
            return switch (this) {
                case HOUR -> 1.0 / 24;
                case DAY -> 1;
                case WEEK -> 7;
                case MONTH -> 30.44;
                case QUARTER -> 91.31;
                case YEAR -> 365.25;
            };
        }
    }

    private final AnalysisContext context;
    private final List<KeyFinding> findings = new ArrayList<>();

    TimeSeriesAnalysis(AnalysisContext context) {
        this.context = context;
    }

    Analyzed<TimeSeries> run() throws SQLException, AnalysisCancelledException {
        List<Integer> time = context.timeColumns();
        if (time.isEmpty()) {
            return new Analyzed<>(new TimeSeries(null, List.of(), null, null, List.of(), false, false, List.of(),
                    List.of("No date or timestamp column with at least 3 distinct values.")), findings);
        }
        int t = time.get(0);
        List<String> others = time.stream().skip(1).map(context::name).toList();
        ColumnProfile.TemporalStats temporal = context.profile(t).temporal();
        String granularity = temporal.granularity();
        Unit unit = unit(granularity, temporal.spanDays());
        String ts = "CAST(" + context.sql(t) + " AS TIMESTAMP)";
        LocalDateTime[] range = context.session().query("SELECT min(" + ts + "), max(" + ts + "), date_trunc('"
                + unit.sql() + "', min(" + ts + ")) FROM " + ColumnTypeResolver.TABLE, row -> {
                    row.next();
                    return new LocalDateTime[] {row.getObject(1, LocalDateTime.class),
                        row.getObject(2, LocalDateTime.class), row.getObject(3, LocalDateTime.class)};
                });
        List<LocalDateTime> starts = new ArrayList<>();
        for (LocalDateTime start = range[2]; !start.isAfter(range[1]); start = unit.next(start)) {
            starts.add(start);
        }
        List<String> labels = starts.stream().map(unit::label).toList();
        if (starts.size() < 3) {
            return new Analyzed<>(new TimeSeries(context.name(t), others, granularity, unit.sql(), labels, false,
                    false, List.of(), List.of("The data spans " + starts.size() + " " + unit.sql()
                    + (starts.size() == 1 ? "" : "s") + "; series need at least 3 periods.")), findings);
        }
        double naturalSeconds = naturalSeconds(granularity);
        boolean firstPartial = coverage(starts.get(0), unit.next(starts.get(0)), range[0], true, naturalSeconds)
                < COMPLETE_COVERAGE;
        LocalDateTime last = starts.get(starts.size() - 1);
        boolean lastPartial = coverage(last, unit.next(last), range[1], false, naturalSeconds) < COMPLETE_COVERAGE;
        int first = firstPartial ? 1 : 0;
        int end = starts.size() - (lastPartial ? 1 : 0);

        List<Integer> measures = context.measures(MAX_MEASURES);
        Map<LocalDateTime, Integer> index = new HashMap<>();
        for (int i = 0; i < starts.size(); i++) {
            index.put(starts.get(i), i);
        }
        int n = starts.size();
        double[] rows = new double[n];
        double[][] sums = new double[measures.size()][n];
        double[][] counts = new double[measures.size()][n];
        StringJoiner select = new StringJoiner(", ");
        for (int m : measures) {
            select.add("sum(" + context.sql(m) + "::DOUBLE)").add("count(" + context.sql(m) + ")");
        }
        context.session().query("SELECT date_trunc('" + unit.sql() + "', " + ts + ") AS p, count(*)"
                + (measures.isEmpty() ? "" : ", " + select) + " FROM " + ColumnTypeResolver.TABLE + " WHERE "
                + context.sql(t) + " IS NOT NULL GROUP BY p", row -> {
                    while (row.next()) {
                        Integer i = index.get(row.getObject(1, LocalDateTime.class));
                        if (i == null) {
                            continue;
                        }
                        rows[i] = row.getLong(2);
                        for (int m = 0; m < measures.size(); m++) {
                            sums[m][i] = row.getDouble(3 + 2 * m);
                            counts[m][i] = row.getLong(4 + 2 * m);
                        }
                    }
                    return null;
                });
        long nonEmpty = java.util.Arrays.stream(rows).filter(r -> r > 0).count();
        double rowsPerPeriod = (double) context.profile(t).presentCount() / Math.max(1, nonEmpty);
        Window window = new Window(unit, starts, labels, first, end);
        List<TimeSeries.Series> series = new ArrayList<>();
        series.add(analyze("rows", "count", rows, rows, rows, window));
        for (int m = 0; m < measures.size(); m++) {
            String name = context.name(measures.get(m));
            boolean mean = AnalysisContext.matches(MEAN_NAME, name) || rowsPerPeriod <= 1.5;
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = mean ? (counts[m][i] == 0 ? Double.NaN : sums[m][i] / counts[m][i]) : sums[m][i];
            }
            series.add(analyze(name, mean ? "mean" : "sum", values, sums[m], counts[m], window));
        }
        List<String> notes = new ArrayList<>();
        if (firstPartial || lastPartial) {
            notes.add("Partial " + (firstPartial && lastPartial ? "first and last periods are" : firstPartial
                    ? "first period is" : "last period is") + " shown but left out of the tests.");
        }
        return new Analyzed<>(new TimeSeries(context.name(t), others, granularity, unit.sql(), labels, firstPartial,
                lastPartial, series, notes), findings);
    }

    /** The periods, and the complete ones [first, end) that the tests use. */
    private record Window(Unit unit, List<LocalDateTime> starts, List<String> labels, int first, int end) {
        int size() {
            return end - first;
        }
    }

    static Unit unit(String granularity, double spanDays) {
        Unit unit = switch (granularity) {
            case "second", "minute", "hour" -> spanDays <= 3 ? Unit.HOUR : Unit.DAY;
            case "week" -> Unit.WEEK;
            case "month" -> Unit.MONTH;
            case "quarter" -> Unit.QUARTER;
            case "year" -> Unit.YEAR;
            default -> Unit.DAY;
        };
        while (unit != Unit.YEAR && spanDays / unit.approximateDays() > MAX_PERIODS) {
            unit = Unit.values()[unit.ordinal() + 1];
        }
        return unit;
    }

    private static double naturalSeconds(String granularity) {
        return switch (granularity) {
            case "second" -> 1;
            case "minute" -> 60;
            case "hour" -> 3600;
            case "day" -> 86400;
            case "week" -> 7 * 86400;
            case "month" -> 28 * 86400;
            case "quarter" -> 90 * 86400;
            default -> 365 * 86400;
        };
    }

    /** Share of a period the data covers at its start (first period) or end (last period). */
    private static double coverage(LocalDateTime start, LocalDateTime end, LocalDateTime edge, boolean firstPeriod,
                                   double naturalSeconds) {
        double length = ChronoUnit.SECONDS.between(start, end);
        if (length <= naturalSeconds) {
            return 1;
        }
        double covered = firstPeriod ? ChronoUnit.SECONDS.between(edge, end)
                : ChronoUnit.SECONDS.between(start, edge) + naturalSeconds;
        return Math.min(1, covered / length);
    }

    private TimeSeries.Series analyze(String measure, String aggregate, double[] values, double[] sums,
                                      double[] counts, Window window) {
        List<String> notes = new ArrayList<>();
        double[] core = java.util.Arrays.copyOfRange(values, window.first(), window.end());
        List<Double> shown = new ArrayList<>();
        for (double value : values) {
            shown.add(Results.finite(value));
        }
        long present = java.util.Arrays.stream(core).filter(v -> !Double.isNaN(v)).count();
        if (present < 6) {
            notes.add("Fewer than 6 complete periods with a value: no tests.");
            return new TimeSeries.Series(measure, aggregate, shown, null, changes(sums, counts, aggregate, window),
                    List.of(), List.of(), null, null, notes);
        }
        TrendTests.Line line = TrendTests.theilSen(core);
        TrendTests.MannKendall mk = TrendTests.mannKendall(core);
        double level = TrendTests.median(core);
        double total = line.slope() * (core.length - 1);
        Double relative = level == 0 ? null : Results.finite(total / Math.abs(level));
        boolean significantTrend = mk.pValue() < ALPHA;
        String direction = !significantTrend ? "none" : mk.tau() > 0 ? "up" : "down";
        TimeSeries.Trend trend = new TimeSeries.Trend(line.slope(), total, relative, mk.tau(), mk.pValue(),
                significantTrend, direction, mk.n());
        String unit = window.unit().sql();
        String subject = measure.equals("rows") ? "The number of rows per " + unit
                : measure + " (" + aggregate + " per " + unit + ")";
        if (significantTrend) {
            findings.add(KeyFinding.of("trend", String.format("%s %s over %d %ss: Theil–Sen slope %s%s per %s%s, "
                            + "Mann–Kendall τ = %s, %s.", subject, mk.tau() > 0 ? "rose" : "fell", core.length, unit,
                    line.slope() > 0 ? "+" : "", Text.number(line.slope()), unit,
                    relative == null ? "" : " (" + (relative > 0 ? "+" : "") + Text.percent(relative) + " in total)",
                    Text.coefficient(mk.tau()), Text.pValue(mk.pValue())), Math.abs(mk.tau()),
                    KeyFinding.significanceOf(mk.pValue()), columns(measure), "time_series:" + measure, List.of()));
        }
        unusualMonthlyChanges(sums, counts, aggregate, window, subject, measure);
        double[] trendResiduals = new double[core.length];
        for (int i = 0; i < core.length; i++) {
            trendResiduals[i] = core[i] - line.at(i);
        }
        List<TimeSeries.Seasonality> seasonality = new ArrayList<>();
        double[] weekdayOffsets = null;
        if (window.unit() == Unit.DAY && core.length >= 28) {
            TimeSeries.Seasonality weekly = weekly(core, trendResiduals, window);
            seasonality.add(weekly);
            if (weekly.significant()) {
                weekdayOffsets = weekdayOffsets(trendResiduals, window);
                findings.add(seasonalFinding(subject, measure, weekly, DayOfWeek.values().length, true));
            }
        }
        TimeSeries.Seasonality yearly = yearly(sums, counts, aggregate, window);
        if (yearly != null) {
            seasonality.add(yearly);
            if (yearly.significant()) {
                findings.add(seasonalFinding(subject, measure, yearly, 12, false));
            }
        }
        double[] model = new double[core.length];
        double[] residuals = new double[core.length];
        for (int i = 0; i < core.length; i++) {
            model[i] = line.at(i) + (weekdayOffsets == null ? 0 : weekdayOffsets[weekday(window, i)]);
            residuals[i] = core[i] - model[i];
        }
        List<TimeSeries.ChangePoint> changePoints = changePoints(core, significantTrend ? trendResiduals : core,
                window, subject, measure);
        TimeSeries.LastPeriod lastPeriod = lastPeriod(core, model, residuals, window, subject, measure);
        TimeSeries.Forecast forecast = forecast(core, values, mk, line, weekdayOffsets, window);
        return new TimeSeries.Series(measure, aggregate, shown, trend, changes(sums, counts, aggregate, window),
                seasonality, changePoints, lastPeriod, forecast, notes);
    }

    private static List<String> columns(String measure) {
        return measure.equals("rows") ? List.of() : List.of(measure);
    }

    private static int weekday(Window window, int coreIndex) {
        return window.starts().get(window.first() + coreIndex).getDayOfWeek().getValue() - 1;
    }

    private static TimeSeries.Seasonality weekly(double[] core, double[] residuals, Window window) {
        int[] groups = new int[core.length];
        double[] sums = new double[7];
        long[] counts = new long[7];
        double total = 0;
        long n = 0;
        for (int i = 0; i < core.length; i++) {
            groups[i] = Double.isNaN(core[i]) ? -1 : weekday(window, i);
            if (groups[i] >= 0) {
                sums[groups[i]] += core[i];
                counts[groups[i]]++;
                total += core[i];
                n++;
            }
        }
        TrendTests.Anova anova = TrendTests.anova(residuals, groups, 7);
        return seasonality("weekly", anova, sums, counts, total / n);
    }

    private static TimeSeries.Seasonality seasonality(String kind, TrendTests.Anova anova, double[] sums,
                                                      long[] counts, double mean) {
        List<Double> profile = new ArrayList<>();
        for (int g = 0; g < sums.length; g++) {
            profile.add(counts[g] == 0 || mean == 0 ? null : Results.finite(sums[g] / counts[g] / mean));
        }
        boolean significant = anova.pValue() < ALPHA && anova.etaSquared() >= MIN_SEASONAL_STRENGTH;
        return new TimeSeries.Seasonality(kind, anova.etaSquared(), anova.pValue(), significant, profile);
    }

    private static double[] weekdayOffsets(double[] residuals, Window window) {
        double[] offsets = new double[7];
        for (int d = 0; d < 7; d++) {
            List<Double> list = new ArrayList<>();
            for (int i = 0; i < residuals.length; i++) {
                if (!Double.isNaN(residuals[i]) && weekday(window, i) == d) {
                    list.add(residuals[i]);
                }
            }
            offsets[d] = list.isEmpty() ? 0 : TrendTests.median(list.stream().mapToDouble(x -> x).toArray());
        }
        return offsets;
    }

    private KeyFinding seasonalFinding(String subject, String measure, TimeSeries.Seasonality season, int positions,
                                       boolean weekly) {
        int high = -1;
        int low = -1;
        for (int i = 0; i < positions; i++) {
            Double v = season.profile().get(i);
            if (v != null && (high < 0 || v > season.profile().get(high))) {
                high = i;
            }
            if (v != null && (low < 0 || v < season.profile().get(low))) {
                low = i;
            }
        }
        String highName = weekly ? DayOfWeek.of(high + 1).getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                : java.time.Month.of(high + 1).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        String lowName = weekly ? DayOfWeek.of(low + 1).getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                : java.time.Month.of(low + 1).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        String sentence = String.format("%s follows a %s pattern: %s is %s the average, %s %s (η² = %s, %s).",
                subject, weekly ? "weekly" : "yearly", highName, relative(season.profile().get(high)), lowName,
                relative(season.profile().get(low)), Text.coefficient(season.strength()), Text.pValue(season.pValue()));
        return KeyFinding.of("seasonality", sentence, season.strength(), KeyFinding.significanceOf(season.pValue()),
                columns(measure), "time_series:" + measure, List.of());
    }

    private static String relative(double ratio) {
        double change = ratio - 1;
        return Text.percent(Math.abs(change)) + (change >= 0 ? " above" : " below");
    }

    /** Month-of-year pattern on complete months, when there are at least two years of them. */
    private static TimeSeries.Seasonality yearly(double[] sums, double[] counts, String aggregate, Window window) {
        Map<YearMonth, double[]> months = months(sums, counts, window);
        if (months == null || months.size() < 24) {
            return null;
        }
        List<YearMonth> keys = new ArrayList<>(months.keySet());
        double[] values = new double[keys.size()];
        int[] groups = new int[keys.size()];
        double[] groupSums = new double[12];
        long[] groupCounts = new long[12];
        double total = 0;
        for (int i = 0; i < keys.size(); i++) {
            values[i] = value(months.get(keys.get(i)), aggregate);
            groups[i] = keys.get(i).getMonthValue() - 1;
            groupSums[groups[i]] += values[i];
            groupCounts[groups[i]]++;
            total += values[i];
        }
        TrendTests.Line line = TrendTests.theilSen(values);
        double[] residuals = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            residuals[i] = values[i] - line.at(i);
        }
        return seasonality("yearly", TrendTests.anova(residuals, groups, 12), groupSums, groupCounts,
                total / values.length);
    }

    private static double value(double[] sumAndCount, String aggregate) {
        return aggregate.equals("mean") ? (sumAndCount[1] == 0 ? Double.NaN : sumAndCount[0] / sumAndCount[1])
                : sumAndCount[0];
    }

    /**
     * Complete calendar months (sum and count of values), built from day or month periods; null for coarser or
     * week periods, which do not nest in months.
     */
    private static Map<YearMonth, double[]> months(double[] sums, double[] counts, Window window) {
        Unit unit = window.unit();
        if (unit != Unit.HOUR && unit != Unit.DAY && unit != Unit.MONTH) {
            return null;
        }
        Map<YearMonth, double[]> months = new LinkedHashMap<>();
        Map<YearMonth, Integer> periodsSeen = new HashMap<>();
        for (int i = window.first(); i < window.end(); i++) {
            YearMonth month = YearMonth.from(window.starts().get(i));
            double[] acc = months.computeIfAbsent(month, key -> new double[2]);
            acc[0] += sums[i];
            acc[1] += counts[i];
            periodsSeen.merge(month, 1, Integer::sum);
        }
        months.keySet().removeIf(month -> periodsSeen.get(month) < periodsIn(month, unit));
        return months;
    }

    private static int periodsIn(YearMonth month, Unit unit) {
        return switch (unit) {
            case HOUR -> month.lengthOfMonth() * 24;
            case DAY -> month.lengthOfMonth();
            default -> 1;
        };
    }

    private static List<TimeSeries.PeriodChange> changes(double[] sums, double[] counts, String aggregate,
                                                         Window window) {
        List<TimeSeries.PeriodChange> changes = new ArrayList<>();
        int last = window.end() - 1;
        int previous = last - 1;
        if (previous >= window.first()) {
            add(changes, "previous_period", window.labels().get(last), window.labels().get(previous),
                    value(new double[] {sums[last], counts[last]}, aggregate),
                    value(new double[] {sums[previous], counts[previous]}, aggregate));
        }
        Map<YearMonth, double[]> months = months(sums, counts, window);
        if (months != null && window.unit() != Unit.MONTH && months.size() >= 2) {
            List<YearMonth> keys = new ArrayList<>(months.keySet());
            YearMonth lastMonth = keys.get(keys.size() - 1);
            YearMonth before = lastMonth.minusMonths(1);
            if (months.containsKey(before)) {
                add(changes, "month_over_month", lastMonth.toString(), before.toString(),
                        value(months.get(lastMonth), aggregate), value(months.get(before), aggregate));
            }
        }
        if (months != null && !months.isEmpty()) {
            List<YearMonth> keys = new ArrayList<>(months.keySet());
            YearMonth lastMonth = keys.get(keys.size() - 1);
            YearMonth yearBefore = lastMonth.minusYears(1);
            if (months.containsKey(yearBefore)) {
                add(changes, "year_over_year", lastMonth.toString(), yearBefore.toString(),
                        value(months.get(lastMonth), aggregate), value(months.get(yearBefore), aggregate));
            }
        } else if (window.unit() == Unit.QUARTER && last - 4 >= window.first()) {
            add(changes, "year_over_year", window.labels().get(last), window.labels().get(last - 4),
                    value(new double[] {sums[last], counts[last]}, aggregate),
                    value(new double[] {sums[last - 4], counts[last - 4]}, aggregate));
        }
        return changes;
    }

    /**
     * A finding when the last complete month's change, month over month or year over year, is out of line with the
     * same kind of change in every earlier month. The test is the prediction interval of a new observation:
     * t = (change − mean) / (sd·√(1 + 1/n)) with n − 1 degrees of freedom, two-sided p below {@value #ALPHA}; with
     * a dozen earlier months a robust z would be judged against a spread it cannot estimate, and found findings in
     * noise. Changes are differences, not percentages: a ratio of two values near zero is heavy-tailed. Needs
     * {@value #MIN_CHANGE_HISTORY} earlier changes, so a year-over-year finding needs about 19 months of data.
     */
    private void unusualMonthlyChanges(double[] sums, double[] counts, String aggregate, Window window,
                                       String subject, String measure) {
        Map<YearMonth, double[]> months = months(sums, counts, window);
        if (months == null || months.size() < MIN_CHANGE_HISTORY + 2) {
            return;
        }
        YearMonth last = new ArrayList<>(months.keySet()).get(months.size() - 1);
        unusualChange(months, last, 1, "month over month", aggregate, subject, measure);
        unusualChange(months, last, 12, "year over year", aggregate, subject, measure);
    }

    private void unusualChange(Map<YearMonth, double[]> months, YearMonth last, int lag, String kind,
                               String aggregate, String subject, String measure) {
        List<Double> history = new ArrayList<>();
        for (YearMonth month : months.keySet()) {
            double change = change(months, month, lag, aggregate);
            if (!month.equals(last) && !Double.isNaN(change)) {
                history.add(change);
            }
        }
        double latest = change(months, last, lag, aggregate);
        if (Double.isNaN(latest) || history.size() < MIN_CHANGE_HISTORY) {
            return;
        }
        double[] earlier = history.stream().mapToDouble(Double::doubleValue).toArray();
        int n = earlier.length;
        double mean = java.util.Arrays.stream(earlier).average().orElse(Double.NaN);
        double sd = Math.sqrt(java.util.Arrays.stream(earlier).map(d -> (d - mean) * (d - mean)).sum() / (n - 1));
        if (!(sd > 0)) {
            return;
        }
        double t = (latest - mean) / (sd * Math.sqrt(1 + 1.0 / n));
        double p = Distributions.studentTwoSided(t, n - 1);
        if (p >= ALPHA) {
            return;
        }
        double now = value(months.get(last), aggregate);
        double then = value(months.get(last.minusMonths(lag)), aggregate);
        String percent = then == 0 ? "" : " (" + (latest > 0 ? "+" : "") + Text.percent(latest / Math.abs(then)) + ")";
        findings.add(KeyFinding.of("period_change", String.format("%s went from %s to %s%s %s in %s, a change "
                        + "unlike those of the %d earlier months (t = %s against their mean, %s).", subject, Text.number(then),
                Text.number(now), percent, kind, last, n, Text.number(t), Text.pValue(p)),
                then == 0 ? 1 : Math.min(1, Math.abs(latest / then)), KeyFinding.significanceOf(p), columns(measure),
                "time_series:" + measure, List.of()));
    }

    /** {@code month} minus {@code lag} months before, or NaN when either is missing. */
    private static double change(Map<YearMonth, double[]> months, YearMonth month, int lag, String aggregate) {
        double[] then = months.get(month.minusMonths(lag));
        return then == null ? Double.NaN : value(months.get(month), aggregate) - value(then, aggregate);
    }

    private static void add(List<TimeSeries.PeriodChange> changes, String kind, String period, String comparedTo,
                            double value, double previous) {
        if (Double.isNaN(value) || Double.isNaN(previous)) {
            return;
        }
        double change = value - previous;
        changes.add(new TimeSeries.PeriodChange(kind, period, comparedTo, value, previous, change,
                previous == 0 ? null : Results.finite(change / Math.abs(previous))));
    }

    private List<TimeSeries.ChangePoint> changePoints(double[] core, double[] tested, Window window, String subject,
                                                      String measure) {
        List<int[]> segments = new ArrayList<>();
        List<TimeSeries.ChangePoint> points = new ArrayList<>();
        segments.add(new int[] {0, core.length});
        while (!segments.isEmpty() && points.size() < MAX_CHANGE_POINTS) {
            int[] segment = segments.remove(0);
            double[] part = java.util.Arrays.copyOfRange(tested, segment[0], segment[1]);
            TrendTests.ChangePoint point = TrendTests.pettitt(part);
            int at = segment[0] + point.index();
            if (point.index() < 0 || point.pValue() >= ALPHA || at - segment[0] < MIN_SEGMENT
                    || segment[1] - at < MIN_SEGMENT) {
                continue;
            }
            double before = TrendTests.median(java.util.Arrays.copyOfRange(core, segment[0], at));
            double after = TrendTests.median(java.util.Arrays.copyOfRange(core, at, segment[1]));
            String label = window.labels().get(window.first() + at);
            points.add(new TimeSeries.ChangePoint(label, before, after, point.pValue()));
            segments.add(new int[] {segment[0], at});
            segments.add(new int[] {at, segment[1]});
            double scale = Math.max(Math.abs(before), Math.abs(after));
            double impact = scale == 0 ? 0 : Math.abs(after - before) / scale;
            findings.add(KeyFinding.of("change_point", String.format("%s shifted from %s to %s (medians) at %s "
                            + "(Pettitt test, %s).", subject, Text.number(before), Text.number(after), label,
                    Text.pValue(point.pValue())), impact, KeyFinding.significanceOf(point.pValue()), columns(measure),
                    "time_series:" + measure, List.of()));
        }
        points.sort(java.util.Comparator.comparing(TimeSeries.ChangePoint::period));
        return points;
    }

    private TimeSeries.LastPeriod lastPeriod(double[] core, double[] model, double[] residuals, Window window,
                                             String subject, String measure) {
        int last = core.length - 1;
        if (Double.isNaN(core[last])) {
            return null;
        }
        double[] earlier = java.util.Arrays.copyOf(residuals, last);
        double center = TrendTests.median(earlier);
        double spread = TrendTests.scaledMad(earlier);
        if (!(spread > 0)) {
            return null;
        }
        double z = (residuals[last] - center) / spread;
        boolean anomalous = Math.abs(z) > ANOMALY_Z;
        String label = window.labels().get(window.first() + last);
        if (anomalous) {
            findings.add(KeyFinding.of("last_period_anomaly", String.format("The last complete %s (%s) is out of line:"
                            + " %s is %s where %s was expected, %s robust standard deviations %s.",
                    window.unit().sql(), label, subject, Text.number(core[last]), Text.number(model[last]
                    + center), Text.number(Math.abs(z)), z > 0 ? "above" : "below"), Math.min(1, Math.abs(z) / 10),
                    1.0, columns(measure), "time_series:" + measure, List.of()));
        }
        return new TimeSeries.LastPeriod(label, core[last], model[last] + center, z, anomalous);
    }

    private static TimeSeries.Forecast forecast(double[] core, double[] all, TrendTests.MannKendall mk,
                                                TrendTests.Line line, double[] weekdayOffsets, Window window) {
        int horizon = Math.min(12, Math.max(1, core.length / 5));
        boolean trend = mk.pValue() < 0.05;
        double level = TrendTests.median(core);
        double[] residuals = new double[core.length];
        for (int i = 0; i < core.length; i++) {
            double base = trend ? line.at(i) : level;
            residuals[i] = core[i] - base - (weekdayOffsets == null ? 0 : weekdayOffsets[weekday(window, i)]);
        }
        double low = TrendTests.quantile(residuals, 0.05);
        double high = TrendTests.quantile(residuals, 0.95);
        boolean nonNegative = java.util.Arrays.stream(all).filter(v -> !Double.isNaN(v)).allMatch(v -> v >= 0);
        List<String> periods = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<Double> lower = new ArrayList<>();
        List<Double> upper = new ArrayList<>();
        LocalDateTime start = window.starts().get(window.end() - 1);
        for (int h = 1; h <= horizon; h++) {
            start = window.unit().next(start);
            int i = core.length - 1 + h;
            double point = (trend ? line.at(i) : level)
                    + (weekdayOffsets == null ? 0 : weekdayOffsets[start.getDayOfWeek().getValue() - 1]);
            periods.add(window.unit().label(start));
            values.add(Results.finite(nonNegative ? Math.max(0, point) : point));
            lower.add(Results.finite(nonNegative ? Math.max(0, point + low) : point + low));
            upper.add(Results.finite(nonNegative ? Math.max(0, point + high) : point + high));
        }
        String method = (trend ? "theil_sen_trend" : "median_level")
                + (weekdayOffsets == null ? "" : "+weekly_profile");
        return new TimeSeries.Forecast(method, periods, values, lower, upper);
    }
}
