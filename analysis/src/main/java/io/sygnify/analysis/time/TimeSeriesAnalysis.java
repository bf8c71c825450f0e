package io.sygnify.analysis.time;

import io.sygnify.analysis.AnalysisCancelledException;
import io.sygnify.analysis.engine.AnalysisContext;
import io.sygnify.analysis.engine.Analyzed;
import io.sygnify.analysis.engine.Results;
import io.sygnify.analysis.engine.Text;
import io.sygnify.analysis.ingest.ColumnTypeResolver;
import io.sygnify.analysis.report.ColumnProfile;
import io.sygnify.analysis.report.KeyFinding;
import io.sygnify.analysis.report.TimeSeries;
import io.sygnify.analysis.stats.Distributions;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Builds the main measures' series over the first time column and tests them (see {@link TimeSeries}). The
 * aggregation runs in DuckDB; the series, at most {@value #MAX_PERIODS} points, are analysed in Java.
 */
public final class TimeSeriesAnalysis {

    static final int MAX_PERIODS = 1000;
    static final double ALPHA = 0.001;
    /** Earlier changes of the same kind that an unusual month is judged against. */
    private static final int MAX_MEASURES = 5;
    private static final double ANOMALY_Z = 3.5;
    // below this many earlier periods a last-period anomaly must also pass the prediction-interval test
    private static final int FEW_PERIODS = 30;
    private static final int UNUSUAL_FINDINGS = 2;
    private static final double COMPLETE_COVERAGE = 0.9;
    private static final int MIN_SEGMENT = 5;
    private static final int MAX_CHANGE_POINTS = 3;
    // a time column called like this adds nothing to "per day"
    private static final Pattern GENERIC_TIME_NAME = Pattern.compile("date|day|time|timestamp|datetime|week|month"
            + "|quarter|year|period");
    // levels at a moment, not flows: added up across accounts or items, but never over time
    private static final Pattern STOCK_NAME = Pattern.compile("balance|inventory|stock|weight|height");

    private final AnalysisContext context;
    private final List<KeyFinding> findings = new ArrayList<>();
    private final PatternFindings patterns = new PatternFindings();
    private final List<UnusualPeriods.Told> unusualFound = new ArrayList<>();
    // measures whose zero is no absence (temperatures, values below zero): no percentages of them
    private final java.util.Set<String> interval = new java.util.HashSet<>();

    public TimeSeriesAnalysis(AnalysisContext context) {
        this.context = context;
    }

    public Analyzed<TimeSeries> run() throws SQLException, AnalysisCancelledException {
        List<Integer> time = context.timeColumns();
        if (time.isEmpty()) {
            return new Analyzed<>(new TimeSeries(null, List.of(), null, null, List.of(), false, false, List.of(),
                    List.of("No date or timestamp column with at least 3 distinct values.")), findings);
        }
        int t = time.get(0);
        List<String> others = time.stream().skip(1).map(context::name).toList();
        ColumnProfile.TemporalStats temporal = context.profile(t).temporal();
        String granularity = temporal.granularity();
        PeriodUnit unit = PeriodUnit.of(granularity, temporal.spanDays());
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

        List<Integer> measures = context.measuresOverTime(MAX_MEASURES);
        Map<LocalDateTime, Integer> index = new HashMap<>();
        for (int i = 0; i < starts.size(); i++) {
            index.put(starts.get(i), i);
        }
        int n = starts.size();
        double[] rows = new double[n];
        double[][] sums = new double[measures.size()][n];
        double[][] counts = new double[measures.size()][n];
        StringJoiner select = new StringJoiner(", ");
        // a count to date is followed by its increases: each row's on the row before in its series
        StringBuilder increases = new StringBuilder();
        for (int m : measures) {
            CumulativeCounts.Cumulative count = context.cumulative().get(context.name(m));
            String x = context.sql(m);
            if (count != null) {
                x = "\"increase " + m + "\"";
                increases.append(", ").append(count.increaseSql(context.sql(m))).append(" AS ").append(x);
            }
            select.add("sum(" + x + "::DOUBLE)").add("count(" + x + ")");
        }
        String from = increases.isEmpty() ? ColumnTypeResolver.TABLE
                : "(SELECT *" + increases + " FROM " + ColumnTypeResolver.TABLE + ")";
        context.session().query("SELECT date_trunc('" + unit.sql() + "', " + ts + ") AS p, count(*)"
                + (measures.isEmpty() ? "" : ", " + select) + " FROM " + from + " WHERE "
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
        boolean weekendsClosed = weekendsClosed(unit, starts, rows, first, end);
        PeriodWindow window = new PeriodWindow(unit, starts, labels, first, end, weekendsClosed);
        List<TimeSeries.Series> series = new ArrayList<>();
        // the time column is named: in a snapshot (employees by hire date) "age fell per week" alone misleads
        String per = " per " + unit.sql() + (GENERIC_TIME_NAME.matcher(context.name(t).strip().toLowerCase(
                java.util.Locale.ROOT)).matches() ? "" : " of " + context.name(t));
        List<Boolean> means = new ArrayList<>();
        for (int m : measures) {
            if (context.profile(m).min() instanceof Number min && min.doubleValue() < 0
                    || AnalysisContext.matches(AnalysisContext.INTERVAL_NAME, context.name(m))) {
                interval.add(context.name(m));
            }
            boolean increase = context.cumulative().containsKey(context.name(m));
            means.add(!increase && (context.intensive(m) || AnalysisContext.matches(STOCK_NAME, context.name(m))
                    || context.runningTotals().contains(context.name(m)) || rowsPerPeriod <= 1.5));
        }
        List<TimeSeries.Seasonality> daily = DailyPattern.of(context, t, measures, means);
        series.add(analyze("rows", "count", "The number of rows" + per, openDays(rows, window), rows, rows, window,
                daily.isEmpty() ? null : daily.get(0)));
        for (int m = 0; m < measures.size(); m++) {
            String name = context.name(measures.get(m));
            boolean mean = means.get(m);
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = mean ? (counts[m][i] == 0 ? Double.NaN : sums[m][i] / counts[m][i]) : sums[m][i];
            }
            values = mean ? values : openDays(values, window);
            // with one row a period the mean is the value itself: "Revenue (per month)"
            boolean increase = context.cumulative().containsKey(name);
            String subject = name + " (" + (increase ? "increase " : rowsPerPeriod <= 1.5 ? "" : mean ? "mean "
                    : "sum ") + per.strip() + ")";
            series.add(analyze(name, increase ? "increase" : mean ? "mean" : "sum", subject, values, sums[m],
                    counts[m], window,
                    daily.isEmpty() ? null : daily.get(m + 1)));
        }
        List<String> notes = new ArrayList<>();
        if (weekendsClosed) {
            notes.add("No row falls on a Saturday or Sunday: weekends are closed days, left out of the daily series "
                    + "rather than counted as days with nothing.");
        }
        if (firstPartial || lastPartial) {
            notes.add("Partial " + (firstPartial && lastPartial ? "first and last periods are" : firstPartial
                    ? "first period is" : "last period is") + " shown but left out of the tests.");
        }
        findings.addAll(patterns.told());
        findings.addAll(UnusualPeriods.findings(unusualFound));
        return new Analyzed<>(new TimeSeries(context.name(t), others, granularity, unit.sql(), labels, firstPartial,
                lastPartial, series, notes), findings);
    }

    /** Daily periods over four weeks or more with rows on weekdays and none on any Saturday or Sunday. */
    private static boolean weekendsClosed(PeriodUnit unit, List<LocalDateTime> starts, double[] rows, int first,
                                          int end) {
        if (unit != PeriodUnit.DAY || end - first < 28) {
            return false;
        }
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] > 0 && starts.get(i).getDayOfWeek().getValue() > 5) {
                return false;
            }
        }
        return true;
    }

    /** The series with closed days (weekends of a business-day series) as absent, not zero. */
    private static double[] openDays(double[] values, PeriodWindow window) {
        if (!window.weekendsClosed()) {
            return values;
        }
        double[] open = values.clone();
        for (int i = 0; i < open.length; i++) {
            open[i] = window.open(i) ? open[i] : Double.NaN;
        }
        return open;
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

    /**
     * @param subject the series as findings name it: "The number of rows per day", "revenue (sum per day)"
     * @param daily   its hour-of-day pattern ({@link DailyPattern}), null when the data has no times of day
     */
    private TimeSeries.Series analyze(String measure, String aggregate, String subject, double[] values,
                                      double[] sums, double[] counts, PeriodWindow window,
                                      TimeSeries.Seasonality daily) {
        List<String> notes = new ArrayList<>();
        double[] core = java.util.Arrays.copyOfRange(values, window.first(), window.end());
        List<Double> shown = new ArrayList<>();
        for (double value : values) {
            shown.add(Results.finite(value));
        }
        long present = java.util.Arrays.stream(core).filter(v -> !Double.isNaN(v)).count();
        if (present < 6) {
            notes.add("Fewer than 6 complete periods with a value: no tests.");
            return new TimeSeries.Series(measure, aggregate, shown, null,
                    PeriodChanges.changes(sums, counts, aggregate, window, interval.contains(measure)),
                    List.of(), List.of(), null, List.of(), null, notes, interval.contains(measure));
        }
        String unit = window.unit().sql();
        boolean runningTotal = context.runningTotals().contains(measure) && !aggregate.equals("increase");
        if (runningTotal) {
            notes.add("A running total: its weekly and yearly patterns are those of what it adds up, tested on "
                    + "that series.");
        }
        // a running total's level takes on a faint copy of its increments' week (0.24 % on Fridays)
        Seasons seasons = runningTotal ? new Seasons(List.of(), new double[core.length], null)
                : seasons(core, sums, counts, aggregate, window, subject, measure);
        double[] seasonal = seasons.offsets();
        // a season makes neighbouring periods alike, which the persistence correction of the trend test takes for
        // a wandering series: the trend of a seasonal series is tested with its season set aside
        double[] adjusted = minus(core, seasonal);
        TrendTests.Line line = TrendTests.theilSen(adjusted);
        TrendTests.MannKendall mk = TrendTests.modifiedMannKendall(adjusted, line.slope());
        double level = TrendTests.median(core);
        double total = line.slope() * (core.length - 1);
        Double relative = level == 0 || interval.contains(measure) ? null : Results.finite(total / Math.abs(level));
        // a trend needs a median change between periods: the plain test called 2 rows a day, then 1, a fall of
        // "0 per day"; the test corrected for persistence no longer does, and a slope of 0 is never a trend
        boolean significantTrend = mk.pValue() < ALPHA && line.slope() != 0;
        String direction = !significantTrend ? "none" : mk.tau() > 0 ? "up" : "down";
        TimeSeries.Trend trend = new TimeSeries.Trend(line.slope(), total, relative, mk.tau(), mk.pValue(),
                significantTrend, direction, mk.n());
        if (significantTrend) {
            List<String> kinds = seasons.significantKinds();
            String setAside = kinds.isEmpty() ? "" : ", its " + Text.list(kinds) + " pattern"
                    + (kinds.size() == 1 ? "" : "s") + " set aside";
            String sentence = String.format("%s %s over %d %ss%s: Theil–Sen slope %s%s per %s%s, Mann–Kendall τ = "
                            + "%s, %s.", subject, mk.tau() > 0 ? "rose" : "fell", core.length, unit, setAside,
                    line.slope() > 0 ? "+" : "", Text.number(line.slope()), unit,
                    relative != null ? " (" + (relative > 0 ? "+" : "") + Text.percent(relative) + " in total)"
                            : interval.contains(measure) ? " (" + (total > 0 ? "+" : "") + Text.number(total)
                            + " in total)" : "",
                    Text.coefficient(mk.tau()), Text.pValue(mk.pValue()));
            patterns.add("trend:" + direction, true, unit, measure, aggregate, KeyFinding.of("trend", sentence,
                    Math.abs(mk.tau()), KeyFinding.significanceOf(mk.pValue()), columns(measure),
                    "time_series:" + measure, List.of()));
        }
        PeriodChanges.findUnusual(findings, sums, counts, aggregate, window, subject, measure,
                interval.contains(measure));
        double[] model = new double[core.length];
        double[] residuals = new double[core.length];
        for (int i = 0; i < core.length; i++) {
            model[i] = line.at(i) + seasonal[i];
            residuals[i] = core[i] - model[i];
        }
        List<TimeSeries.ChangePoint> changePoints = changePoints(core,
                significantTrend ? minus(adjusted, line) : adjusted, window, subject, measure, aggregate);
        TimeSeries.LastPeriod lastPeriod = lastPeriod(core, model, residuals, window, subject, measure);
        List<TimeSeries.UnusualPeriod> unusual = UnusualPeriods.find(core, model, residuals,
                java.util.Arrays.copyOfRange(counts, window.first(), window.end()), window, measure.equals("rows"));
        unusual.stream().limit(UNUSUAL_FINDINGS).forEach(p -> unusualFound.add(new UnusualPeriods.Told(p, subject,
                unit, measure)));
        TimeSeries.Forecast forecast = forecast(core, values, mk, line, seasons.weekdayOffsets(), window);
        List<TimeSeries.Seasonality> seasonality = new ArrayList<>(seasons.tested());
        if (daily != null && !context.runningTotals().contains(measure)) {
            // within the day: no bearing on series per day or longer, so it is reported, never set aside
            seasonality.add(daily);
            if (daily.significant()) {
                // the rhythm is of hours: "humidity (mean per hour)", not the series' "per day"
                String hourly = subject.replaceFirst(" per " + unit + "\\b", " per hour");
                patterns.season(daily, "hour", measure, aggregate,
                        SeasonalPatterns.seasonalFinding(hourly, measure, daily, interval.contains(measure)));
            }
        }
        return new TimeSeries.Series(measure, aggregate, shown, trend,
                PeriodChanges.changes(sums, counts, aggregate, window, interval.contains(measure)),
                seasonality, changePoints, lastPeriod, unusual, forecast, notes, interval.contains(measure));
    }

    /**
     * The weekly and yearly patterns tested on a series, and per period the offset of its significant ones (the
     * median of what the trend line leaves on that weekday or in that month), 0 where there is none.
     *
     * @param weekdayOffsets Monday first, null without a significant weekly pattern
     */
    private record Seasons(List<TimeSeries.Seasonality> tested, double[] offsets, double[] weekdayOffsets) {

        List<String> significantKinds() {
            return tested.stream().filter(TimeSeries.Seasonality::significant).map(TimeSeries.Seasonality::kind)
                    .toList();
        }
    }

    private Seasons seasons(double[] core, double[] sums, double[] counts, String aggregate, PeriodWindow window,
                            String subject, String measure) {
        double[] trendResiduals = minus(core, TrendTests.theilSen(core));
        List<TimeSeries.Seasonality> tested = new ArrayList<>();
        double[] weekdayOffsets = null;
        double[] offsets = new double[core.length];
        if (window.unit() == PeriodUnit.DAY && core.length >= 28) {
            double[] weekResiduals = SeasonalPatterns.fromWeekLevel(core);
            TimeSeries.Seasonality weekly = SeasonalPatterns.weekly(core, weekResiduals, window);
            tested.add(weekly);
            if (weekly.significant()) {
                weekdayOffsets = SeasonalPatterns.weekdayOffsets(weekResiduals, window);
                for (int i = 0; i < core.length; i++) {
                    offsets[i] += weekdayOffsets[window.weekday(i)];
                }
                patterns.season(weekly, window.unit().sql(), measure, aggregate,
                        SeasonalPatterns.seasonalFinding(subject, measure, weekly, interval.contains(measure)));
            }
        }
        TimeSeries.Seasonality yearly = SeasonalPatterns.yearly(sums, counts, aggregate, window);
        if (yearly != null) {
            tested.add(yearly);
            if (yearly.significant()) {
                double[] monthOffsets = SeasonalPatterns.monthOffsets(trendResiduals, window);
                for (int i = 0; i < core.length; i++) {
                    offsets[i] += monthOffsets[window.month(i)];
                }
                patterns.season(yearly, window.unit().sql(), measure, aggregate,
                        SeasonalPatterns.seasonalFinding(subject, measure, yearly, interval.contains(measure)));
            }
        }
        return new Seasons(tested, offsets, weekdayOffsets);
    }

    private static double[] minus(double[] values, TrendTests.Line line) {
        double[] rest = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            rest[i] = values[i] - line.at(i);
        }
        return rest;
    }

    private static double[] minus(double[] values, double[] other) {
        double[] rest = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            rest[i] = values[i] - other[i];
        }
        return rest;
    }

    /** The columns a finding about {@code measure} refers to: none for the row count. */
    static List<String> columns(String measure) {
        return measure.equals("rows") ? List.of() : List.of(measure);
    }

    /**
     * Shifts in level by binary segmentation, at most {@value #MAX_CHANGE_POINTS}, in time order. Each shift's
     * before and after are the medians of the levels on either side of it, up to the neighbouring shifts, so the
     * shifts read as one chain of levels; the series gets one finding for all of them.
     */
    private List<TimeSeries.ChangePoint> changePoints(double[] core, double[] tested, PeriodWindow window,
                                                      String subject, String measure, String aggregate) {
        List<int[]> segments = new ArrayList<>();
        java.util.TreeMap<Integer, Double> shifts = new java.util.TreeMap<>();
        segments.add(new int[] {0, core.length});
        while (!segments.isEmpty() && shifts.size() < MAX_CHANGE_POINTS) {
            int[] segment = segments.remove(0);
            double[] part = java.util.Arrays.copyOfRange(tested, segment[0], segment[1]);
            TrendTests.ChangePoint point = TrendTests.pettitt(part);
            int at = segment[0] + point.index();
            if (point.index() < 0 || point.pValue() >= ALPHA || at - segment[0] < MIN_SEGMENT
                    || segment[1] - at < MIN_SEGMENT) {
                continue;
            }
            shifts.put(at, point.pValue());
            segments.add(new int[] {segment[0], at});
            segments.add(new int[] {at, segment[1]});
        }
        List<Integer> bounds = new ArrayList<>(List.of(0));
        bounds.addAll(shifts.keySet());
        bounds.add(core.length);
        double[] levels = new double[bounds.size() - 1];
        for (int k = 0; k < levels.length; k++) {
            levels[k] = TrendTests.median(java.util.Arrays.copyOfRange(core, bounds.get(k), bounds.get(k + 1)));
        }
        List<TimeSeries.ChangePoint> points = new ArrayList<>();
        double impact = 0;
        for (int k = 1; k < levels.length; k++) {
            String label = window.labels().get(window.first() + bounds.get(k));
            points.add(new TimeSeries.ChangePoint(label, levels[k - 1], levels[k], shifts.get(bounds.get(k))));
            double scale = Math.max(Math.abs(levels[k - 1]), Math.abs(levels[k]));
            impact = Math.max(impact, scale == 0 ? 0 : Math.abs(levels[k] - levels[k - 1]) / scale);
        }
        if (!points.isEmpty()) {
            double weakest = shifts.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            patterns.add("change_point", true, window.unit().sql(), measure, aggregate,
                    KeyFinding.of("change_point", changePointSentence(subject, points, weakest), impact,
                    KeyFinding.significanceOf(weakest), columns(measure), "time_series:" + measure, List.of()));
        }
        return points;
    }

    /** "X shifted from 53 to 39 (medians) at …", or with several shifts the chain of levels. */
    private static String changePointSentence(String subject, List<TimeSeries.ChangePoint> points, double weakest) {
        if (points.size() == 1) {
            TimeSeries.ChangePoint point = points.get(0);
            return String.format("%s shifted from %s to %s (medians) at %s (Pettitt test, %s).", subject,
                    Text.number(point.before()), Text.number(point.after()), point.period(), Text.pValue(weakest));
        }
        List<String> levels = new ArrayList<>();
        levels.add(Text.number(points.get(0).before()) + " at first");
        points.forEach(point -> levels.add(Text.number(point.after()) + " from " + point.period()));
        return String.format("%s shifted in level %d times: median %s (Pettitt tests, each %s).", subject,
                points.size(), Text.list(levels), Text.pValue(weakest));
    }

    private TimeSeries.LastPeriod lastPeriod(double[] core, double[] model, double[] residuals, PeriodWindow window,
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
        if (measure.equals("rows")) {
            // a count varies by at least its square root (Poisson): a quiet fortnight's MAD understates that
            spread = Math.max(spread, Math.sqrt(Math.max(1, model[last] + center)));
        }
        double z = (residuals[last] - center) / spread;
        boolean anomalous = Math.abs(z) > ANOMALY_Z && (earlier.length >= FEW_PERIODS || outsidePrediction(earlier,
                residuals[last]));
        String label = window.labels().get(window.first() + last);
        if (anomalous) {
            findings.add(KeyFinding.of("last_period_anomaly", String.format("The last complete %s (%s) is out of line:"
                            + " %s is %s where %s was expected, %s robust standard deviations %s.",
                    window.unit().sql(), label, Text.midSentence(subject), Text.number(core[last]),
                    Text.number(model[last] + center), Text.number(Math.abs(z)), z > 0 ? "above" : "below"),
                    Math.min(1, Math.abs(z) / 10),
                    1.0, columns(measure), "time_series:" + measure, List.of()));
        }
        return new TimeSeries.LastPeriod(label, core[last], model[last] + center, z, anomalous);
    }

    /**
     * Whether a new residual lies outside the 1 − {@value #ALPHA} prediction interval of the earlier ones (Student's
     * t with n − 1 degrees of freedom): with a dozen periods the median absolute deviation alone is too unsure a
     * scale, and a day 2 standard deviations out was called 4.4 robust ones.
     */
    private static boolean outsidePrediction(double[] earlier, double residual) {
        int n = earlier.length;
        double mean = java.util.Arrays.stream(earlier).average().orElse(0);
        double sd = Math.sqrt(java.util.Arrays.stream(earlier).map(r -> (r - mean) * (r - mean)).sum()
                / Math.max(1, n - 1));
        if (n < 3 || !(sd > 0)) {
            return false;
        }
        double t = (residual - mean) / (sd * Math.sqrt(1 + 1.0 / n));
        return Distributions.studentTwoSided(t, n - 1) < ALPHA;
    }

    private static TimeSeries.Forecast forecast(double[] core, double[] all, TrendTests.MannKendall mk,
                                                TrendTests.Line line, double[] weekdayOffsets, PeriodWindow window) {
        int horizon = Math.min(12, Math.max(1, core.length / 5));
        boolean trend = mk.pValue() < 0.05;
        double level = TrendTests.median(core);
        double[] residuals = new double[core.length];
        for (int i = 0; i < core.length; i++) {
            double base = trend ? line.at(i) : level;
            residuals[i] = core[i] - base - (weekdayOffsets == null ? 0 : weekdayOffsets[window.weekday(i)]);
        }
        double low = TrendTests.quantile(residuals, 0.05);
        double high = TrendTests.quantile(residuals, 0.95);
        boolean nonNegative = java.util.Arrays.stream(all).filter(v -> !Double.isNaN(v)).allMatch(v -> v >= 0);
        List<String> periods = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<Double> lower = new ArrayList<>();
        List<Double> upper = new ArrayList<>();
        LocalDateTime start = window.starts().get(window.end() - 1);
        int i = core.length - 1;
        for (int h = 1; h <= horizon; h++) {
            // closed days (a business-day series' weekends) are skipped, but the trend line runs on through them
            do {
                start = window.unit().next(start);
                i++;
            } while (!window.open(start));
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
