package io.sygnify.analysis.quality;

import io.sygnify.analysis.AnalysisCancelledException;
import io.sygnify.analysis.engine.AnalysisContext;
import io.sygnify.analysis.engine.Analyzed;
import io.sygnify.analysis.engine.ColumnRoles;
import io.sygnify.analysis.engine.Text;
import io.sygnify.analysis.kpis.CurrencyMix;
import io.sygnify.analysis.kpis.PlanActualPairs;
import io.sygnify.analysis.outliers.OutlierAnalysis;
import io.sygnify.analysis.relationships.CoMovingGroups;
import io.sygnify.analysis.relationships.DatePairs;
import io.sygnify.analysis.relationships.RunningTotals;
import io.sygnify.analysis.report.ColumnProfile;
import io.sygnify.analysis.report.DatasetSummary;
import io.sygnify.analysis.report.KeyFinding;
import io.sygnify.analysis.report.Outliers;
import io.sygnify.analysis.report.Quality;
import io.sygnify.analysis.report.Relationships;
import io.sygnify.analysis.report.TimeSeries;
import io.sygnify.analysis.time.CumulativeCounts;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Raises data-quality alerts from the profiles and the other sections, and scores the table (see {@link Quality}).
 * Thresholds are the usual rules of thumb of data profiling tools (ydata-profiling's defaults where it has one).
 */
public final class QualityAnalysis {

    static final double MISSING_PERCENT = 5;
    static final double CRITICAL_MISSING_PERCENT = 50;
    static final long HIGH_CARDINALITY = 50;
    static final double HIGH_CARDINALITY_SHARE = 0.5;
    static final double SKEWNESS = 2;
    static final double ZEROS_SHARE = 0.1;
    static final double IMBALANCE_SHARE = 0.9;
    static final double HIGH_CORRELATION = 0.9;
    static final double OUTLIER_SHARE = 0.01;
    static final double CRITICAL_REJECTED_SHARE = 0.05;
    /** Alerts listed, most severe first; a file with hundreds of columns could otherwise raise thousands. */
    static final int MAX_ALERTS = 200;
    private static final int LABEL_LENGTH = 24;
    private static final Pattern NON_NEGATIVE_NAME = Pattern.compile("qty|quantity|price|age|count|units|weight"
            + "|height|length|duration|distance|stock|population|size|rating|score");
    private static final Pattern BALANCE_NAME = Pattern.compile("balance|saldo");
    // what people may leave out: a satisfaction score, a rating; a blank is no answer, not lost data
    private static final Pattern OPTIONAL_ANSWER_NAME = Pattern.compile("csat|nps|satisfaction|rating|ratings|stars"
            + "|review|reviews|feedback");
    // measures whose negative values are part of what they say: "e.g. refunds or corrections" misread them
    private static final Pattern DELAY_NAME = Pattern.compile("delay|delays|lateness|late");
    private static final Pattern CHANGE_NAME = Pattern.compile("diff|difference|delta|change|variance|deviation"
            + "|growth|return|returns|gain");
    private static final Pattern PROFIT_NAME = Pattern.compile("profit|margin|net|pnl|earnings|ebit|ebitda");
    /** From this share of negative values on, a measure is signed by nature: a ledger's money out, not refunds. */
    public static final double SIGNED_SHARE = 0.25;
    private static final Map<String, Integer> SEVERITY = Map.of("critical", 0, "warning", 1, "info", 2);

    private final AnalysisContext context;
    private final DatasetSummary dataset;
    private final List<Alert> alerts = new ArrayList<>();
    private List<ComplementaryColumns.Pair> complements = List.of();
    private long markerBlanks;
    // blanks exactly on the rows of some values of a category: the column does not apply there
    private long notApplicableBlanks;
    // by column index: the category whose values hold the column's blanks
    private Map<Integer, MissingWhere.Where> missingWhere = Map.of();

    /** @param rows the rows a key finding of the alert points to, if any */
    private record Alert(Quality.Alert alert, double impact, boolean finding, List<Long> rows) {

        Alert(Quality.Alert alert, double impact, boolean finding) {
            this(alert, impact, finding, List.of());
        }
    }

    private List<Relationships.DateSpan> dateSpans = List.of();

    public QualityAnalysis(AnalysisContext context, DatasetSummary dataset) {
        this.context = context;
        this.dataset = dataset;
    }

    public Analyzed<Quality> run(Relationships relationships, CoMovingGroups groups, Outliers outliers,
                          TimeSeries timeSeries, List<RunningTotals.RunningTotal> runningTotals,
                          List<CumulativeCounts.Cumulative> cumulative, List<MixedQuantities.Found> mixed,
                          Optional<CurrencyMix.Mix> currencies)
            throws SQLException, AnalysisCancelledException {
        complements = ComplementaryColumns.find(context);
        table();
        for (MixedQuantities.Found found : mixed) {
            Quality.Alert alert = new Quality.Alert("mixed_quantities", "warning",
                    List.of(found.measure(), found.indicator()), found.message(), found.medians().size(), 0);
            alerts.add(new Alert(alert, 0.85, true));
        }
        for (RunningTotals.RunningTotal total : runningTotals) {
            if (!total.exact()) {
                brokenRunningTotal(total);
            }
        }
        cumulative.forEach(this::cumulative);
        currencies.ifPresent(mix -> alerts.add(new Alert(new Quality.Alert("mixed_currencies", "warning",
                List.of(mix.amount(), mix.column()), String.format("%s is in %d currencies, told by %s: %s. Its sums "
                        + "over all rows, per period and per segment add one currency to another, and the key "
                        + "figures in money are left out; filter the file to one currency to read them.",
                mix.amount(), mix.currencies().size(), mix.column(), mix.listed()), mix.currencies().size(), 1),
                0.6, true)));
        for (StuckValues.Run run : new StuckValues(context).find(dataset.candidateKeys())) {
            stuck(run);
        }
        new TimeGaps(context).find(dataset.candidateKeys()).ifPresent(this::gaps);
        for (ComplementaryColumns.Pair pair : complements) {
            add("complementary", "info", List.of(pair.a(), pair.b()), String.format("%s and %s are the two sides of "
                    + "one amount: exactly one of them is filled on each of the %s rows, so their blanks are not "
                    + "missing values.", pair.a(), pair.b(), Text.count(dataset.rows())), 1, 1, 0.1);
        }
        List<Integer> sparse = java.util.stream.IntStream.range(0, context.profiles().size())
                .filter(i -> context.profile(i).missingPercent() >= MISSING_PERCENT).boxed().toList();
        missingWhere = MissingWhere.of(context, sparse);
        dateSpans = relationships == null ? List.of() : relationships.dateSpans();
        for (int i = 0; i < context.profiles().size(); i++) {
            column(i, context.profile(i));
            ColumnProfile p = context.profile(i);
            if (p.role().equals(ColumnRoles.IDENTIFIER) && p.distinctCount() < p.presentCount()
                    && p.distinctCount() >= DuplicateKeys.MIN_DISTINCT_SHARE * p.presentCount()) {
                DuplicateKeys.find(context, i).ifPresent(this::duplicateKeys);
            }
        }
        if (relationships != null) {
            correlations(relationships, groups);
            // a row ordered after its delivery was shipped before it was ordered or delivered before it was shipped:
            // the steps' alerts name it
            relationships.dateSpans().stream().filter(span -> span.reversed() > 0
                    && !DatePairs.spansAnother(span, relationships.dateSpans())).forEach(this::datesOutOfOrder);
        }
        if (outliers != null) {
            for (Outliers.ColumnOutliers column : outliers.columns()) {
                if (column.count() > 0 && column.within() != null) {
                    double share = (double) column.withinCount() / column.assessed();
                    String explains = relationships == null ? "" : relationships.explainedBy(column.column())
                            .map(p -> " (" + Text.percent(p.value() * p.value()) + " of its variance)").orElse("");
                    add("outliers", share > OUTLIER_SHARE ? "warning" : "info", List.of(column.column(),
                                    column.within()), String.format("%s: %s (%s) outside %s to %s over all rows, "
                                    + "but %s explains most of it%s: judged within each %s, %s out of line.",
                                    column.column(), Text.count(column.count(), "value"),
                                    Text.percent(column.share()), number(column.lowerFence()),
                                    number(column.upperFence()), column.within(), explains, column.within(),
                                    column.withinCount() == 0 ? "none is" : Text.count(column.withinCount(), "value")
                                            + (column.withinCount() == 1 ? " is" : " are")),
                            share, OUTLIER_SHARE, Math.min(1, share * 10));
                } else if (column.separateGroups()) {
                    String which = relationships == null ? "" : relationships.explainedBy(column.column())
                            .map(p -> String.format(", which %s explains (%s of its variance)", p.a(),
                                    Text.percent(p.value() * p.value()))).orElse("");
                    add("outliers", "info", List.of(column.column()), String.format("%s: %s (%s) outside %s to "
                                    + "%s, too many to be outliers: its values fall into separate groups%s.",
                                    column.column(), Text.count(column.count(), "value"),
                                    Text.percent(column.share()), number(column.lowerFence()),
                                    number(column.upperFence()), which), column.share(),
                            Outliers.ColumnOutliers.GROUPS_SHARE, 0.1);
                } else if (column.count() > 0) {
                    add("outliers", column.share() > OUTLIER_SHARE ? "warning" : "info", List.of(column.column()),
                            String.format("%s: %s (%s) %s %s to %s.", column.column(),
                                    Text.count(column.count(), "value"), Text.percent(column.share()),
                                    column.scale().equals(Outliers.LOG_MAGNITUDE) ? "with a size outside"
                                            : "outside",
                                    number(column.lowerFence()), number(column.upperFence())),
                            column.share(), OUTLIER_SHARE, Math.min(1, column.share() * 10));
                }
            }
        }
        if (timeSeries != null) {
            series(timeSeries);
        }
        List<Quality.Deduction> deductions = deductions();
        double score = 100 - deductions.stream().mapToDouble(Quality.Deduction::points).sum();
        List<Quality.Alert> sorted = alerts.stream().map(Alert::alert)
                .sorted(Comparator.comparingInt((Quality.Alert a) -> SEVERITY.get(a.severity())))
                .limit(MAX_ALERTS).toList();
        List<KeyFinding> findings = alerts.stream().filter(a -> a.finding() && !a.alert().severity().equals("info"))
                .map(a -> KeyFinding.of("data_quality", a.alert().message(), a.impact(), 1.0, a.alert().columns(),
                        "quality:" + a.alert().kind(), a.rows()))
                .toList();
        return new Analyzed<>(new Quality(Math.max(0, Math.round(score * 10) / 10.0), deductions, sorted), findings);
    }

    private void table() {
        long present = dataset.rowsPresent();
        if (dataset.rowsRejected() > 0) {
            double share = (double) dataset.rowsRejected() / present;
            add("rejected_rows", share > CRITICAL_REJECTED_SHARE ? "critical" : "warning", List.of(),
                    String.format("%s of %s rows (%s) could not be read and are left out; see rejects.",
                            Text.count(dataset.rowsRejected()), Text.count(present), Text.percent(share)),
                    share, 0, Math.min(1, 0.3 + share * 5));
        }
        if (dataset.duplicateRows() > 0) {
            double share = (double) dataset.duplicateRows() / dataset.rows();
            add("duplicates", "warning", List.of(), String.format("%s (%s) %s an earlier row exactly.",
                    Text.count(dataset.duplicateRows(), "row"), Text.percent(share),
                    dataset.duplicateRows() == 1 ? "repeats" : "repeat"), share, 0, Math.min(1, 0.2 + share * 5));
        }
    }

    private void column(int index, ColumnProfile p) throws SQLException, AnalysisCancelledException {
        List<String> name = List.of(p.name());
        if (p.presentCount() == 0 && p.invalidCount() == 0) {
            add("empty", "warning", name, p.name() + " has no values in any of the " + Text.count(dataset.rows())
                    + " rows.", 1, 1, 0.4);
            return;
        }
        // one value or nothing (a discount code, SAP's 'X'): the value marks rows, the blanks are the others
        boolean marker = p.distinctCount() == 1 && p.presentCount() > 1 && p.missingCount() > 0
                && p.disguisedMissingCount() == 0 && p.invalidCount() == 0;
        if (marker) {
            markerBlanks += p.missingCount();
            add("marker", "info", name, String.format("%s is either %s (%s of rows) or blank: it marks rows, so its "
                            + "blanks are not counted as missing.", p.name(), topValue(p),
                    Text.percent((double) p.presentCount() / dataset.rows())), p.missingPercent(), 0, 0.1);
        } else if (p.distinctCount() == 1 && p.presentCount() > 1 && label(p)) {
            // a currency, a country or an account number stated on every row describes the file, as exports do
            add("constant", "info", name, p.name() + " holds one value (" + topValue(p) + ") in all "
                    + Text.count(p.presentCount()) + " present cells: it describes the whole file, not its rows.",
                    1, 1, 0.05);
        } else if (p.distinctCount() == 1 && p.presentCount() > 1) {
            add("constant", "warning", name, p.name() + " holds one value (" + topValue(p) + ") in all "
                    + Text.count(p.presentCount()) + " present cells.", 1, 1, 0.3);
        }
        boolean sideOfAnAmount = complements.stream().anyMatch(pair -> pair.contains(p.name()));
        if (p.missingPercent() >= MISSING_PERCENT && !sideOfAnAmount && !marker) {
            Optional<MissingWhere.Where> where = Optional.ofNullable(missingWhere.get(index));
            Optional<Relationships.DateSpan> openCase = OpenCases.of(p.name(), dateSpans, context);
            if (openCase.isPresent()) {
                notApplicableBlanks += p.missingCount();
                add("missing", "info", name, OpenCases.sentence(p, openCase.get(),
                        OpenCases.recent(context, openCase.get())), p.missingPercent(), MISSING_PERCENT, 0.1);
            } else if (where.isEmpty() && AnalysisContext.matches(OPTIONAL_ANSWER_NAME, p.name())
                    && p.disguisedMissingCount() == 0) {
                notApplicableBlanks += p.missingCount();
                add("missing", "info", name, String.format("%s is blank on %s of rows (%s): answered on %s (%s). "
                                + "A score or rating is given when someone chooses to, so a blank is no "
                                + "answer, not lost data.", p.name(), Text.percent(p.missingPercent() / 100),
                        Text.count(p.missingCount()), Text.percent(1 - p.missingPercent() / 100),
                        Text.count(p.presentCount())), p.missingPercent(), MISSING_PERCENT, 0.1);
            } else if (where.isPresent() && where.get().exact()) {
                notApplicableBlanks += p.missingCount();
                add("missing", "info", name, MissingWhere.sentence(p, where.get()), p.missingPercent(),
                        MISSING_PERCENT, 0.1);
            } else {
                add("missing", p.missingPercent() >= CRITICAL_MISSING_PERCENT ? "critical" : "warning", name,
                        where.map(w -> MissingWhere.sentence(p, w)).orElse(String.format(
                                "%s is missing in %s of rows (%s cells).", p.name(),
                                Text.percent(p.missingPercent() / 100), Text.count(p.missingCount()))),
                        p.missingPercent(), MISSING_PERCENT, Math.min(1, p.missingPercent() / 100 + 0.1));
            }
        }
        if (p.disguisedMissingCount() > 0) {
            String values = String.join(", ", p.disguisedMissing().stream().limit(3)
                    .map(v -> "'" + v.value() + "' × " + Text.count(v.count())).toList());
            double impact = Math.min(1, 0.2 + (double) p.disguisedMissingCount() / dataset.rows());
            // every missing cell a placeholder: one finding says both, not "missing in 15 %" beside "1,176 'n/a'"
            boolean allOfTheMissing = p.disguisedMissingCount() == p.missingCount() && keepOutOfFindings("missing", p);
            add("disguised_missing", "warning", name, String.format("%s has %s counted as missing%s: %s.",
                            p.name(), Text.count(p.disguisedMissingCount(), "placeholder value"), allOfTheMissing
                                    ? " (" + Text.percent(p.missingPercent() / 100) + " of rows)" : "", values),
                    p.disguisedMissingCount(), 0, allOfTheMissing
                            ? Math.max(impact, Math.min(1, p.missingPercent() / 100 + 0.1)) : impact);
        }
        if (p.invalidCount() > 0) {
            add("mixed_types", "warning", name, String.format("%s is %s in %s of its values; %s %s and %s left "
                            + "out, e.g. %s.", p.name(), p.type(), Text.percent(p.typeConfidence()),
                    Text.count(p.invalidCount()), p.invalidCount() == 1 ? "does not fit" : "do not fit",
                    p.invalidCount() == 1 ? "is" : "are", String.join(", ", p.invalidExamples().stream()
                            .map(v -> "'" + v + "'").toList())), p.invalidCount(), 0,
                    Math.min(1, 0.3 + (double) p.invalidCount() / dataset.rows()));
        }
        if (p.temporal() != null && p.temporal().ambiguousDayMonth()) {
            add("ambiguous_dates", "warning", name, p.name() + ": both day-first and month-first read every date; "
                    + p.temporal().ambiguityEvidence(), 1, 1, 0.4);
        }
        String role = p.role();
        double distinctShare = p.presentCount() == 0 ? 0 : (double) p.distinctCount() / p.presentCount();
        if (role.equals(ColumnRoles.IDENTIFIER)) {
            add("unique", "info", name, String.format("%s has %s distinct values in %s rows: an identifier, left out "
                            + "of the statistics.", p.name(), Text.count(p.distinctCount()),
                    Text.count(p.presentCount())),
                    distinctShare, 0.95, 0.1);
        } else if (p.type().equals("text") && p.distinctCount() > HIGH_CARDINALITY
                && distinctShare > HIGH_CARDINALITY_SHARE) {
            add("high_cardinality", "info", name, String.format("%s has %s distinct values (%s of rows).", p.name(),
                    Text.count(p.distinctCount()), Text.percent(distinctShare)), p.distinctCount(), HIGH_CARDINALITY,
                    0.1);
        }
        if (p.categories() != null && (role.equals(ColumnRoles.CATEGORY) || role.equals(ColumnRoles.FLAG))
                && p.categories().majorityShare() >= IMBALANCE_SHARE && p.distinctCount() > 1) {
            add("imbalance", "info", name, String.format("%s is imbalanced: '%s' makes up %s of values.", p.name(),
                    topValue(p), Text.percent(p.categories().majorityShare())), p.categories().majorityShare(),
                    IMBALANCE_SHARE, 0.2);
        }
        ColumnProfile.NumericStats numeric = p.numeric();
        if (numeric != null && role.equals(ColumnRoles.MEASURE)) {
            if (numeric.skewness() != null && Math.abs(numeric.skewness()) > SKEWNESS) {
                add("skewed", "info", name, String.format("%s is %s-skewed (skewness %s): the mean (%s) is pulled "
                                + "away from the median (%s).", p.name(), numeric.skewness() > 0 ? "right" : "left",
                        Text.coefficient(numeric.skewness()), number(p.mean()), number(numeric.p50())),
                        numeric.skewness(), SKEWNESS, 0.15);
            }
            double zeros = (double) numeric.zeros() / p.presentCount();
            if (zeros >= ZEROS_SHARE) {
                add("zeros", "info", name, String.format("%s is 0 in %s of rows (%s).", p.name(), Text.percent(zeros),
                        Text.count(numeric.zeros())), zeros, ZEROS_SHARE, 0.15);
            }
            // below zero is a temperature's normal range, no alert
            if (numeric.negatives() > 0 && !AnalysisContext.matches(AnalysisContext.INTERVAL_NAME, p.name())) {
                double share = (double) numeric.negatives() / p.presentCount();
                boolean unexpected = AnalysisContext.matches(NON_NEGATIVE_NAME, p.name());
                add("negatives", unexpected ? "warning" : "info", name, String.format("%s has %s (%s)%s.", p.name(),
                        Text.count(numeric.negatives(), "negative value"), Text.percent(share),
                        unexpected ? ", unexpected for a column of this name"
                                : negativesMean(p.name(), share,
                                        p.presentCount() - numeric.negatives() - numeric.zeros())),
                        share, 0, unexpected ? 0.4 : 0.1);
            }
        }
    }

    private void correlations(Relationships relationships, CoMovingGroups groups) {
        for (Relationships.Dependency dependency : relationships.dependencies()) {
            List<String> columns = new ArrayList<>(dependency.sources());
            columns.add(0, dependency.target());
            add("high_correlation", "info", columns, "Exact dependency: " + dependency.expression() + " on all "
                    + Text.count(dependency.rowsChecked()) + " rows; " + dependency.target() + " adds no information"
                    + (dependency.kind().equals("running_total") ? " beyond its first value." : "."),
                    1, HIGH_CORRELATION, 0.2);
        }
        // three or more measures that move together are one alert, not one per pair
        Set<String> grouped = new HashSet<>();
        List<String> fileOrder = context.profiles().stream().map(ColumnProfile::name).toList();
        for (List<String> group : groups.groups(fileOrder)) {
            if (group.size() >= 3) {
                grouped.addAll(group);
                add("high_correlation", "info", group, String.format("%s move together (|r| ≥ %s): all but one may "
                        + "be redundant.", Text.list(group), Text.coefficient(CoMovingGroups.THRESHOLD)), 1,
                        HIGH_CORRELATION, 0.2);
            }
        }
        Set<Set<String>> planned = PlanActualPairs.names(context);
        for (Relationships.Pair pair : relationships.strongestPairs()) {
            if (grouped.contains(pair.a()) && grouped.contains(pair.b())
                    && groups.representative(pair.a()).equals(groups.representative(pair.b()))) {
                continue;
            }
            boolean dependent = relationships.dependencies().stream().anyMatch(d ->
                    (d.target().equals(pair.a()) && d.sources().contains(pair.b()))
                            || (d.target().equals(pair.b()) && d.sources().contains(pair.a()))
                            || (d.sources().contains(pair.a()) && d.sources().contains(pair.b())));
            if ((pair.method().equals("pearson") || pair.method().equals("spearman"))
                    && Math.abs(pair.value()) >= HIGH_CORRELATION && !dependent
                    && !planned.contains(Set.of(pair.a(), pair.b()))) {
                add("high_correlation", "info", List.of(pair.a(), pair.b()), String.format("%s and %s are highly "
                                + "correlated (%s %s): one may be redundant.", pair.a(), pair.b(),
                        pair.method().equals("pearson") ? "r =" : "ρ =", Text.coefficient(pair.value())),
                        Math.abs(pair.value()), HIGH_CORRELATION, 0.2);
            }
        }
    }

    /**
     * One alert per kind of non-stationarity and per season, naming every series that has it: the sums per period
     * of a file mostly move with its row count, and eight alerts would say one thing four times.
     */
    private void series(TimeSeries timeSeries) {
        Map<String, List<TimeSeries.Series>> unsteady = new LinkedHashMap<>();
        record Seasonal(String measure, TimeSeries.Seasonality season) {
        }
        Map<String, List<Seasonal>> seasonal = new LinkedHashMap<>();
        for (TimeSeries.Series series : timeSeries.series()) {
            boolean trend = series.trend() != null && series.trend().significant();
            if (trend || !series.changePoints().isEmpty()) {
                String why = trend ? "a significant " + series.trend().direction() + "ward trend ("
                        + Text.pValue(series.trend().pValue()) + ")"
                        : Text.count(series.changePoints().size(), "shift") + " in level";
                unsteady.computeIfAbsent(why, w -> new ArrayList<>()).add(series);
            }
            for (TimeSeries.Seasonality season : series.seasonality()) {
                if (season.significant()) {
                    seasonal.computeIfAbsent(season.kind(), k -> new ArrayList<>())
                            .add(new Seasonal(series.measure(), season));
                }
            }
        }
        unsteady.forEach((why, list) -> {
            List<String> measures = list.stream().map(TimeSeries.Series::measure).toList();
            add("non_stationary", "info", columnsOf(measures), String.format("%s per %s %s not stationary: %s.",
                    Text.list(measures), timeSeries.period(), measures.size() == 1 ? "is" : "are", why), 1, 0, 0.1);
        });
        seasonal.forEach((kind, list) -> {
            List<String> measures = list.stream().map(Seasonal::measure).toList();
            double low = list.stream().mapToDouble(a -> a.season().strength()).min().orElseThrow();
            double high = list.stream().mapToDouble(a -> a.season().strength()).max().orElseThrow();
            double p = list.stream().mapToDouble(a -> a.season().pValue()).max().orElseThrow();
            String strength = list.size() == 1 ? "η² = " + Text.coefficient(high) + ", " + Text.pValue(p)
                    : "η² " + Text.coefficient(low) + " to " + Text.coefficient(high) + ", each " + Text.pValue(p);
            add("seasonal", "info", columnsOf(measures), String.format("%s per %s %s a %s pattern (%s).",
                    Text.list(measures), timeSeries.period(), measures.size() == 1 ? "has" : "have", kind, strength),
                    high, 0.1, 0.1);
        });
    }

    /** The columns of series named by measure: the row count is no column. */
    private static List<String> columnsOf(List<String> measures) {
        return measures.stream().filter(measure -> !measure.equals("rows")).toList();
    }

    private List<Quality.Deduction> deductions() {
        List<Quality.Deduction> deductions = new ArrayList<>();
        // each row leaves one side of a debit/credit pair blank, by design
        long sideBlanks = complements.size() * dataset.rows();
        double allCells = (double) dataset.rows() * dataset.columns();
        double missing = allCells == 0 ? 0
                : dataset.missingCellsPercent() - 100.0 * (sideBlanks + markerBlanks + notApplicableBlanks) / allCells;
        if (missing > 1e-9) {
            List<String> notCounted = new ArrayList<>();
            if (!complements.isEmpty()) {
                notCounted.add("the blank side of " + Text.list(complements.stream()
                        .map(pair -> pair.a() + "/" + pair.b()).toList()));
            }
            if (markerBlanks > 0) {
                notCounted.add("the blanks of marker columns");
            }
            if (notApplicableBlanks > 0) {
                notCounted.add("blanks where a column does not apply");
            }
            deductions.add(new Quality.Deduction("completeness", round(Math.min(25, missing / 2)),
                    String.format("%s of cells are missing%s: 0.5 points per %% (at most 25).",
                            Text.percent(missing / 100), notCounted.isEmpty() ? ""
                                    : " (not counting " + String.join(" or ", notCounted) + ")")));
        }
        double rejected = dataset.rowsPresent() == 0 ? 0 : 100.0 * dataset.rowsRejected() / dataset.rowsPresent();
        long invalid = context.profiles().stream().mapToLong(ColumnProfile::invalidCount).sum();
        double cells = (double) dataset.rows() * Math.max(1, dataset.columns());
        double invalidPercent = 100.0 * invalid / cells;
        if (rejected > 0 || invalid > 0) {
            deductions.add(new Quality.Deduction("validity", round(Math.min(25, rejected + invalidPercent)),
                    String.format("%s of rows rejected and %s of cells not of their column's type: 1 point per %% "
                            + "(at most 25).", Text.percent(rejected / 100), Text.percent(invalidPercent / 100))));
        }
        if (dataset.duplicateRows() > 0) {
            double duplicates = 100.0 * dataset.duplicateRows() / dataset.rows();
            deductions.add(new Quality.Deduction("uniqueness", round(Math.min(15, duplicates)),
                    String.format("%s of rows are duplicates: 1 point per %% (at most 15).",
                            Text.percent(duplicates / 100))));
        }
        long inconsistent = alerts.stream().map(Alert::alert).filter(a -> a.kind().equals("constant")
                && a.severity().equals("warning") || a.kind().equals("empty") || a.kind().equals("ambiguous_dates"))
                .count();
        if (inconsistent > 0) {
            deductions.add(new Quality.Deduction("consistency", Math.min(15, 2.0 * inconsistent),
                    String.format("%d empty, constant or ambiguous-date column%s: 2 points each (at most 15).",
                            inconsistent, inconsistent == 1 ? "" : "s")));
        }
        long breaks = alerts.stream().map(Alert::alert).filter(a -> a.kind().equals("broken_running_total"))
                .mapToLong(a -> (long) a.value()).sum();
        long stuck = alerts.stream().map(Alert::alert).filter(a -> a.kind().equals("stuck_values")).count();
        long misordered = alerts.stream().map(Alert::alert).filter(a -> a.kind().equals("date_order")
                || a.kind().equals("duplicate_keys")).mapToLong(a -> (long) a.value()).sum();
        if (breaks + stuck + misordered > 0) {
            List<String> what = new ArrayList<>();
            if (breaks > 0) {
                what.add(Text.count(breaks, "row") + " where a running balance does not add up");
            }
            if (misordered > 0) {
                what.add(Text.count(misordered, "row") + " with dates in the wrong order or a key used twice");
            }
            if (stuck > 0) {
                what.add(Text.count(stuck, "measure") + " stuck on one value");
            }
            deductions.add(new Quality.Deduction("integrity", Math.min(15, 5.0 * (breaks + stuck + misordered)),
                    Text.list(what) + ": 5 points each (at most 15)."));
        }
        return deductions;
    }

    /** Silences in a regular series: the longest named, with the usual interval they break. */
    private void gaps(TimeGaps.Result result) {
        List<String> listed = new ArrayList<>();
        for (TimeGaps.Gap gap : result.gaps().subList(0, Math.min(3, result.gaps().size()))) {
            listed.add((gap.entityValue() == null ? "" : gap.entityValue() + " ") + TimeGaps.duration(gap.seconds())
                    + " from " + gap.from() + " to " + gap.to());
        }
        String usual = TimeGaps.duration(result.usualSeconds());
        String message;
        if (result.count() == 1) {
            TimeGaps.Gap gap = result.gaps().get(0);
            message = String.format("%s has no rows for %s, from %s to %s, where rows come every %s.",
                    result.entity() == null ? result.time() : result.entity() + " " + gap.entityValue(),
                    TimeGaps.duration(gap.seconds()), gap.from(), gap.to(), usual);
        } else {
            message = String.format("%s%s has %s of more than %s usual intervals (rows come every %s): %s%s.",
                    result.entity() == null ? "" : "Per " + result.entity() + ", ", result.time(),
                    Text.count(result.count(), "gap"), Text.number(TimeGaps.GAP_INTERVALS), usual, Text.list(listed),
                    result.count() > listed.size() ? " and more" : "");
        }
        List<String> columns = result.entity() == null ? List.of(result.time()) : List.of(result.time(),
                result.entity());
        Quality.Alert alert = new Quality.Alert("time_gaps", "warning", columns, message, result.count(),
                TimeGaps.GAP_INTERVALS);
        alerts.add(new Alert(alert, 0.6, true, result.gaps().stream().map(TimeGaps.Gap::rowAfter).toList()));
    }

    /** Rows where a date comes before the one it follows on every other row: shipped before ordered. */
    private void datesOutOfOrder(Relationships.DateSpan span) {
        List<String> rows = span.reversedRows().stream().map(Text::count).toList();
        String listed = span.reversed() > rows.size() ? String.join(", ", rows) + " …" : Text.list(rows);
        Quality.Alert alert = new Quality.Alert("date_order", "warning", List.of(span.from(), span.to()),
                String.format("%s comes before %s on %s (row%s %s), where it comes after it on the other %s rows: "
                                + "dates in the wrong order, a typing error or swapped columns.", span.to(),
                        span.from(), Text.count(span.reversed(), "row"), span.reversed() == 1 ? "" : "s", listed,
                        Text.count(span.rows() - span.reversed())), span.reversed(), 0);
        alerts.add(new Alert(alert, Math.min(0.9, 0.7 + 20.0 * span.reversed() / span.rows()), true,
                span.reversedRows()));
    }

    /** An identifier unique on every row but a few, whose repeats are different rows: two records, one key. */
    private void duplicateKeys(DuplicateKeys.Found found) {
        List<String> listed = found.examples().stream().map(e -> "'" + e.value() + "' (rows " + Text.list(
                e.rows().stream().map(Text::count).toList()) + ")").toList();
        String message = String.format("%s is unique except for %s, each held by different rows: %s. Two records "
                        + "share a key: a row entered twice with a change, or a key reused.", found.column(),
                Text.count(found.values(), "value"), Text.list(listed)
                        + (found.values() > listed.size() ? " …" : ""));
        Quality.Alert alert = new Quality.Alert("duplicate_keys", "warning", List.of(found.column()), message,
                found.values(), 0);
        alerts.add(new Alert(alert, 0.75, true, found.examples().stream().flatMap(e -> e.rows().stream())
                .toList()));
    }

    /** A measure that repeats one value over a long run of consecutive readings. */
    private void stuck(StuckValues.Run run) {
        String of = run.entity() == null ? "" : " of " + run.entity() + " " + run.entityValue();
        Quality.Alert alert = new Quality.Alert("stuck_values", "warning", run.entity() == null
                ? List.of(run.measure()) : List.of(run.measure(), run.entity()), String.format(
                "%s repeats %s on %s consecutive rows%s, from %s to %s (rows %s to %s), where its values otherwise "
                        + "vary: a sensor that stopped measuring, or a value carried forward.", run.measure(),
                number(run.value()), Text.count(run.length()), of, run.from(), run.to(), Text.count(run.firstRow()),
                Text.count(run.lastRow())), run.length(), 0);
        alerts.add(new Alert(alert, 0.7, true, List.of(run.firstRow(), run.lastRow())));
    }

    /** A count to date: no fault, but the reason its level is followed by its increases, and left out elsewhere. */
    private void cumulative(CumulativeCounts.Cumulative count) {
        String along = (count.entity() == null ? "" : "each " + count.entity() + "'s ") + count.time();
        String falls = count.falls() == 0 ? "never falls along " + along
                : "falls on only " + Text.count(count.falls()) + " of " + Text.count(count.steps()) + " steps along "
                + along + " (corrections)";
        alerts.add(new Alert(new Quality.Alert("cumulative", "info", List.of(count.column(), count.time()),
                String.format("%s %s and rises on %s of %s steps: a count to date, so what happened is in its "
                                + "increases. Its time series follows them; correlations, outliers and segments leave "
                                + "its level, which only says that time passed, alone.", count.column(), falls,
                        Text.count(count.rises()), Text.count(count.steps())), count.rises(), 0), 0, false));
    }

    /** A balance that is the running total of an amount except on a few rows: there the chain breaks. */
    private void brokenRunningTotal(RunningTotals.RunningTotal total) {
        long broken = total.checked() - total.holding();
        List<String> rows = total.breaks().stream().map(Text::count).toList();
        String listed = broken > rows.size() ? String.join(", ", rows) + " …" : Text.list(rows);
        Quality.Alert alert = new Quality.Alert("broken_running_total", "warning",
                java.util.stream.Stream.concat(java.util.stream.Stream.of(total.balance()),
                        total.sources().stream()).toList(), String.format(
                "%s is a running balance of %s (%s plus its %s) on %s of %s rows, but not on %s (row%s %s): "
                        + "there a transaction is missing, doubled or out of order, or a balance was corrected.",
                total.balance(), total.amount(), total.neighbour(), total.amount(),
                Text.count(total.holding()), Text.count(total.checked()), Text.count(broken),
                broken == 1 ? "" : "s", listed), broken, 0);
        alerts.add(new Alert(alert, Math.min(0.95, 0.7 + 20.0 * broken / total.checked()), true, total.breaks()));
    }

    /**
     * Whether the column's values cross zero by nature (a profit, a change, a delay, a balance): their size near
     * zero is as ordinary as far from it, unlike a refund's beside a sale.
     */
    public static boolean signedByNature(String name) {
        return AnalysisContext.matches(BALANCE_NAME, name) || AnalysisContext.matches(DELAY_NAME, name)
                || AnalysisContext.matches(CHANGE_NAME, name) || AnalysisContext.matches(PROFIT_NAME, name);
    }

    private static String negativesMean(String name, double share, long positives) {
        if (AnalysisContext.matches(BALANCE_NAME, name)) {
            return ": the balance was overdrawn";
        } else if (AnalysisContext.matches(DELAY_NAME, name)) {
            return ": ahead of time";
        } else if (AnalysisContext.matches(CHANGE_NAME, name)) {
            return ": decreases";
        } else if (AnalysisContext.matches(PROFIT_NAME, name)) {
            return ": losses";
        } else if (share >= SIGNED_SHARE) {
            // a bank statement's amounts: most are payments out; "e.g. refunds" would misread all of them
            return AnalysisContext.matches(OutlierAnalysis.MONEY_NAME, name)
                    ? String.format(" and %s: a signed amount, money out and money in",
                            Text.count(positives, "positive value"))
                    : String.format(" and %s: it takes both signs", Text.count(positives, "positive value"));
        }
        return ", e.g. refunds or corrections";
    }

    /** Keeps the column's last alert of this kind among the alerts but no longer as a finding; false if none. */
    private boolean keepOutOfFindings(String kind, ColumnProfile p) {
        for (int i = alerts.size() - 1; i >= 0; i--) {
            Alert a = alerts.get(i);
            if (a.alert().kind().equals(kind) && a.alert().columns().equals(List.of(p.name())) && a.finding()
                    && !a.alert().severity().equals("info")) {
                alerts.set(i, new Alert(a.alert(), a.impact(), false));
                return true;
            }
        }
        return false;
    }

    private void add(String kind, String severity, List<String> columns, String message, double value,
                     double threshold, double impact) {
        alerts.add(new Alert(new Quality.Alert(kind, severity, columns, message, value, threshold), impact, true));
    }

    /** A short text value (EUR, DE, an account number): a label, not a measure stuck at one value. */
    private static boolean label(ColumnProfile p) {
        return p.type().equals("text") && p.text() != null && p.text().maxLength() <= LABEL_LENGTH;
    }

    private static String topValue(ColumnProfile p) {
        return p.categories() == null || p.categories().topValues().isEmpty() ? String.valueOf(p.min())
                : p.categories().topValues().get(0).value();
    }

    private static String number(Object value) {
        return value instanceof Number n ? Text.number(n.doubleValue()) : String.valueOf(value);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
