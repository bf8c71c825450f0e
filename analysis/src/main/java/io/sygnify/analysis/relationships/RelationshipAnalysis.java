package io.sygnify.analysis.relationships;

import io.sygnify.analysis.AnalysisCancelledException;
import io.sygnify.analysis.engine.AnalysisContext;
import io.sygnify.analysis.engine.Analyzed;
import io.sygnify.analysis.engine.Results;
import io.sygnify.analysis.engine.RowSample;
import io.sygnify.analysis.engine.Text;
import io.sygnify.analysis.ingest.ColumnTypeResolver;
import io.sygnify.analysis.kpis.PlanActualPairs;
import io.sygnify.analysis.report.KeyFinding;
import io.sygnify.analysis.report.Relationships;
import io.sygnify.analysis.segments.GroupedMeasures;
import io.sygnify.analysis.segments.SegmentAnalysis;
import io.sygnify.analysis.time.TrendTests;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Correlations, associations and exact dependencies between columns (see {@link Relationships}).
 *
 * <p>Pearson's r, Cramér's V and the correlation ratio are computed over all rows in DuckDB; Spearman's ρ and
 * the search for dependencies run on a {@link RowSample}, and every dependency found is then checked on all rows.
 */
public final class RelationshipAnalysis {

    static final int MAX_MEASURES = 25;
    static final double ALPHA = 0.001;
    private static final int MAX_CATEGORIES = 12;
    private static final long MAX_LEVELS_FOR_V = 100;
    private static final int MAX_ETA_DIMENSIONS = 8;
    private static final long MAX_LEVELS_FOR_ETA = 1000;
    private static final int STRONGEST = 20;
    // moderate by Cohen's rule of thumb; weaker associations are listed but not called findings
    static final double NOTABLE = 0.3;
    // η² this close to 1 is a measure constant within each group, up to the rounding of its sums of squares
    public static final double FIXED_TOLERANCE = 1e-9;
    // rows per level for "A determines B" to mean something rather than each A value appearing once
    private static final int ROWS_PER_LEVEL = 5;
    // categories come through JDBC as strings: 20,000 rows are plenty for V, and four times cheaper than 50,000
    private static final int TEXT_SAMPLE = 20_000;

    private final AnalysisContext context;
    private final GroupedMeasures grouped;
    private final List<KeyFinding> findings = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Set<Set<String>> dependentPairs = new HashSet<>();
    // pairs told as one finding about their group of three or more
    private final Set<Set<String>> inOneGroup = new HashSet<>();
    // "A determines B" findings, held until every pair is checked: with sku ↔ name, "sku determines vendor" repeats
    // "name determines vendor"
    private record Determination(String source, String target, KeyFinding finding) {
    }

    private final List<Determination> determinations = new ArrayList<>();
    // one-to-one pairs: the target's groups are the source's
    private final Map<String, String> sameGroupsAs = new HashMap<>();
    // significant pairs of measures, told one by one or as a cluster
    private final List<CorrelatedClusters.Pair> correlated = new ArrayList<>();
    private long sampleRows;

    public RelationshipAnalysis(AnalysisContext context, GroupedMeasures grouped) {
        this.context = context;
        this.grouped = grouped;
    }

    /** @param runningTotals balances that carry a running total of an amount; the exact ones are dependencies */
    public Analyzed<Relationships> run(List<RunningTotals.RunningTotal> runningTotals)
            throws SQLException, AnalysisCancelledException {
        List<Integer> measures = context.measures(MAX_MEASURES);
        List<String> names = measures.stream().map(context::name).toList();
        List<Relationships.Pair> pairs = new ArrayList<>();
        List<Relationships.Dependency> dependencies = new ArrayList<>();
        for (RunningTotals.RunningTotal total : runningTotals) {
            if (total.exact()) {
                dependencies.add(new Relationships.Dependency("running_total", total.balance(),
                        total.sources(), total.expression(), total.checked()));
                total.sources().forEach(source -> dependentPairs.add(Set.of(total.balance(), source)));
                findings.add(KeyFinding.of("functional_dependency", String.format("%s is a running %s: each "
                                + "row's %s is %s plus its %s, on all %s rows %s.", total.balance(),
                        total.entity() == null ? "balance" : "total per " + total.entity(), total.balance(),
                        total.neighbour(), total.amount(), Text.count(total.checked()), total.afterFirst()), 0.8, 1.0, java.util.stream.Stream.concat(
                                java.util.stream.Stream.of(total.balance()), total.sources().stream()).toList(),
                        null, List.of()));
            }
        }
        // a plan and its actual are meant to agree: how far they do not is a KPI (PlanVsActualKpis), not a correlation
        dependentPairs.addAll(PlanActualPairs.names(context));
        // first: how much each dimension explains of each measure tells which correlations to measure within groups
        correlationRatios(grouped, pairs);
        List<List<Double>> pearson = List.of();
        List<List<Double>> spearman = List.of();
        if (measures.size() >= 2) {
            double[][] sample = RowSample.numeric(context.session(), measures.stream().map(context::sql).toList(),
                    context.rows());
            sampleRows = sample[0].length;
            dependencies.addAll(new NumericDependencies(context, findings, dependentPairs).find(measures, sample));
            PearsonMatrix full = pearson(measures);
            double[][] r = full.r();
            long[][] n = full.n();
            double[][] rho = Correlations.spearman(sample);
            int tests = measures.size() * (measures.size() - 1) / 2;
            for (List<Integer> group : CoMovingGroups.of(r)) {
                if (group.size() >= 3) {
                    coMoving(group.stream().sorted(Comparator.comparing(measures::get)).toList(), names, r, n,
                            tests);
                }
            }
            for (int i = 0; i < measures.size(); i++) {
                for (int j = i + 1; j < measures.size(); j++) {
                    numericPair(names.get(i), names.get(j), r[i][j], n[i][j], rho[i][j], sampleRows, tests, pairs);
                }
            }
            List<CorrelatedClusters.Pair> within = new BetweenGroupCorrelations(context, pairs)
                    .review(correlated, findings);
            findings.addAll(CorrelatedClusters.findings(within, names));
            pearson = matrix(r);
            spearman = matrix(rho);
        } else {
            notes.add("Correlations need at least two measures; the file has " + measures.size() + ".");
        }
        List<Integer> categories = context.dimensions(MAX_LEVELS_FOR_V, MAX_CATEGORIES);
        List<List<Double>> cramers = categories.size() >= 2 ? cramersV(categories, pairs, dependencies) : List.of();
        if (categories.size() < 2) {
            notes.add("Cramér's V needs at least two categorical columns with 2 to " + MAX_LEVELS_FOR_V
                    + " values; the file has " + categories.size() + ".");
        }
        pairs.sort(Comparator.comparingDouble((Relationships.Pair p) -> -Math.abs(p.value())));
        List<Relationships.DateSpan> dateSpans = new DatePairs(context, findings).find();
        return new Analyzed<>(new Relationships(names, pearson, spearman,
                categories.stream().map(context::name).toList(), cramers,
                pairs.stream().limit(STRONGEST).toList(),
                dependencies.stream().limit(NumericDependencies.MAX_DEPENDENCIES).toList(),
                ALPHA, sampleRows, notes, dateSpans), findings);
    }

    /** Pearson's r of each pair of measures and the number of rows where both are present. */
    private record PearsonMatrix(double[][] r, long[][] n) {
    }

    private PearsonMatrix pearson(List<Integer> measures) throws SQLException, AnalysisCancelledException {
        int m = measures.size();
        StringJoiner select = new StringJoiner(", ");
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                String a = context.sql(measures.get(i)) + "::DOUBLE";
                String b = context.sql(measures.get(j)) + "::DOUBLE";
                select.add("corr(" + a + ", " + b + ")").add("regr_count(" + a + ", " + b + ")");
            }
        }
        double[][] r = new double[m][m];
        long[][] pairCounts = new long[m][m];
        context.session().query("SELECT " + select + " FROM " + ColumnTypeResolver.TABLE, row -> {
            row.next();
            int column = 1;
            for (int i = 0; i < m; i++) {
                r[i][i] = 1;
                for (int j = i + 1; j < m; j++) {
                    double value = row.getDouble(column);
                    r[i][j] = r[j][i] = row.wasNull() ? Double.NaN : value;
                    pairCounts[i][j] = pairCounts[j][i] = row.getLong(column + 1);
                    column += 2;
                }
            }
            return null;
        });
        return new PearsonMatrix(r, pairCounts);
    }

    private void numericPair(String a, String b, double r, long n, double rho, long sampleN, int tests,
                             List<Relationships.Pair> pairs) {
        if (Double.isNaN(r) && Double.isNaN(rho)) {
            return;
        }
        double threshold = ALPHA / tests;
        double pr = Correlations.correlationPValue(r, n);
        double prho = Correlations.correlationPValue(rho, sampleN);
        boolean monotonicBeyondLinear = !Double.isNaN(rho) && (Double.isNaN(r) || Math.abs(rho) - Math.abs(r) > 0.1);
        if (!Double.isNaN(r)) {
            pairs.add(new Relationships.Pair("pearson", a, b, r, pr, n, pr < threshold));
        }
        if (monotonicBeyondLinear) {
            pairs.add(new Relationships.Pair("spearman", a, b, rho, prho, sampleN, prho < threshold));
        }
        if (dependentPairs.contains(Set.of(a, b)) || inOneGroup.contains(Set.of(a, b))) {
            return;
        }
        double strongest = Math.max(Double.isNaN(r) ? 0 : Math.abs(r), Double.isNaN(rho) ? 0 : Math.abs(rho));
        boolean significant = (!Double.isNaN(r) && pr < threshold) || (!Double.isNaN(rho) && prho < threshold);
        if (strongest >= NOTABLE && significant) {
            double sign = Math.signum(Double.isNaN(r) ? rho : r);
            String strength = strongest >= CorrelatedClusters.STRONG ? "strongly" : strongest >= 0.5 ? "clearly" : "moderately";
            String sentence = String.format("%s and %s are %s %s correlated (Pearson r = %s, Spearman ρ = %s, "
                            + "n = %s, %s).", a, b, strength, sign > 0 ? "positively" : "negatively",
                    Double.isNaN(r) ? "n/a" : Text.coefficient(r), Double.isNaN(rho) ? "n/a" : Text.coefficient(rho),
                    Text.count(n), Text.pValue(Math.min(pr, prho)));
            correlated.add(new CorrelatedClusters.Pair(a, b, r, rho, strongest, Math.min(pr, prho), n,
                    KeyFinding.of("correlation", sentence, strongest, KeyFinding.significanceOf(Math.min(pr, prho)),
                            List.of(a, b), "scatter:" + a + ":" + b, List.of())));
        }
    }

    /**
     * One finding for three or more measures that move together, in file order, instead of one per pair; none when
     * exact dependencies (net = gross − tax) already explain every pair.
     */
    private void coMoving(List<Integer> group, List<String> names, double[][] r, long[][] n, int tests) {
        double weakest = 1;
        double strongest = 0;
        double p = 0;
        long rows = Long.MAX_VALUE;
        boolean unexplained = false;
        for (int a = 0; a < group.size(); a++) {
            for (int b = a + 1; b < group.size(); b++) {
                int i = group.get(a);
                int j = group.get(b);
                double value = Double.isNaN(r[i][j]) ? 0 : Math.abs(r[i][j]);
                weakest = Math.min(weakest, value);
                strongest = Math.max(strongest, value);
                p = Math.max(p, Correlations.correlationPValue(value, n[i][j]));
                rows = Math.min(rows, n[i][j]);
                inOneGroup.add(Set.of(names.get(i), names.get(j)));
                unexplained |= !dependentPairs.contains(Set.of(names.get(i), names.get(j)));
            }
        }
        if (!unexplained || p >= ALPHA / tests) {
            return;
        }
        List<String> columns = group.stream().map(names::get).toList();
        String range = Text.coefficient(weakest).equals(Text.coefficient(strongest)) ? Text.coefficient(weakest)
                : Text.coefficient(weakest) + " to " + Text.coefficient(strongest);
        findings.add(KeyFinding.of("correlation", String.format("%s move together (|Pearson r| %s between every "
                        + "pair, n ≥ %s, %s): in effect one measure.", Text.list(columns), range, Text.count(rows),
                Text.pValue(p)), weakest, KeyFinding.significanceOf(p), columns,
                "scatter:" + columns.get(0) + ":" + columns.get(1), List.of()));
    }

    /**
     * Cramér's V of each pair of categories on the row sample, and the categories that determine others (found on
     * the sample, checked on all rows).
     */
    private List<List<Double>> cramersV(List<Integer> categories, List<Relationships.Pair> pairs,
                                        List<Relationships.Dependency> dependencies)
            throws SQLException, AnalysisCancelledException {
        int k = categories.size();
        String[][] sample = RowSample.text(context.session(), categories.stream().map(context::sql).toList(),
                context.rows(), TEXT_SAMPLE);
        sampleRows = sample[0].length;
        double[][] v = new double[k][k];
        int tests = k * (k - 1) / 2;
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                determines(sample[i], sample[j], categories.get(i), categories.get(j), dependencies);
            }
        }
        for (Determination d : determinations) {
            String partner = sameGroupsAs.get(d.source());
            if (partner == null || determinations.stream()
                    .noneMatch(o -> o.source().equals(partner) && o.target().equals(d.target()))) {
                findings.add(d.finding());
            }
        }
        for (int i = 0; i < k; i++) {
            v[i][i] = 1;
            for (int j = i + 1; j < k; j++) {
                Correlations.Association association = Correlations.cramersV(contingency(sample[i], sample[j]));
                v[i][j] = v[j][i] = association.v();
                String a = context.name(categories.get(i));
                String b = context.name(categories.get(j));
                if (Double.isNaN(association.v())) {
                    continue;
                }
                boolean significant = association.pValue() < ALPHA / tests;
                pairs.add(new Relationships.Pair("cramers_v", a, b, association.v(), association.pValue(),
                        association.n(), significant));
                if (significant && association.v() >= NOTABLE && !dependentPairs.contains(Set.of(a, b))) {
                    findings.add(KeyFinding.of("association", String.format(
                            "%s and %s are associated (Cramér's V = %s, n = %s, %s).", a, b,
                            Text.coefficient(association.v()), Text.count(association.n()),
                            Text.pValue(association.pValue())), association.v(),
                            KeyFinding.significanceOf(association.pValue()), List.of(a, b), "heatmap:cramers_v",
                            List.of()));
                }
            }
        }
        return matrix(v);
    }

    private static long[][] contingency(String[] x, String[] y) {
        Map<String, Integer> rows = new HashMap<>();
        Map<String, Integer> columns = new HashMap<>();
        for (int r = 0; r < x.length; r++) {
            if (x[r] != null && y[r] != null) {
                rows.putIfAbsent(x[r], rows.size());
                columns.putIfAbsent(y[r], columns.size());
            }
        }
        long[][] table = new long[rows.size()][columns.size()];
        for (int r = 0; r < x.length; r++) {
            if (x[r] != null && y[r] != null) {
                table[rows.get(x[r])][columns.get(y[r])]++;
            }
        }
        return table;
    }

    /** A determines B when each value of A goes with one value of B: seen on the sample, then checked on all rows. */
    private void determines(String[] x, String[] y, int a, int b, List<Relationships.Dependency> found)
            throws SQLException, AnalysisCancelledException {
        Map<String, String> aToB = new HashMap<>();
        Map<String, String> bToA = new HashMap<>();
        boolean aDeterminesB = true;
        boolean bDeterminesA = true;
        for (int r = 0; r < x.length && (aDeterminesB || bDeterminesA); r++) {
            if (x[r] != null && y[r] != null) {
                String xr = x[r];
                String yr = y[r];
                aDeterminesB &= yr.equals(aToB.computeIfAbsent(xr, key -> yr));
                bDeterminesA &= xr.equals(bToA.computeIfAbsent(yr, key -> xr));
            }
        }
        long levelsA = context.profile(a).distinctCount();
        long levelsB = context.profile(b).distinctCount();
        // one value wherever the other is filled (cancelled is 1 wherever a cancellation code is) determines
        // nothing: it says where the other is blank, which the quality section tells
        aDeterminesB = aDeterminesB && levelsB > 1 && new HashSet<>(aToB.values()).size() > 1
                && holdsOnAllRows(a, b);
        bDeterminesA = bDeterminesA && levelsA > 1 && new HashSet<>(bToA.values()).size() > 1
                && holdsOnAllRows(b, a);
        if (!aDeterminesB && !bDeterminesA) {
            return;
        }
        long n = present(a, b);
        if (aDeterminesB && bDeterminesA && n >= ROWS_PER_LEVEL * levelsA) {
            addDetermines(found, "one_to_one", b, a, context.name(a) + " ↔ " + context.name(b), n);
        } else if (aDeterminesB && levelsB < levelsA && n >= ROWS_PER_LEVEL * levelsA) {
            addDetermines(found, "determines", b, a, context.name(a) + " → " + context.name(b), n);
        } else if (bDeterminesA && levelsA < levelsB && n >= ROWS_PER_LEVEL * levelsB) {
            addDetermines(found, "determines", a, b, context.name(b) + " → " + context.name(a), n);
        }
    }

    /** Whether no value of column {@code a} goes with two values of {@code b}, over all rows. */
    private boolean holdsOnAllRows(int a, int b) throws SQLException, AnalysisCancelledException {
        return context.session().queryLong("SELECT count(*) FROM (SELECT " + context.sql(a) + " FROM "
                + ColumnTypeResolver.TABLE + " WHERE " + context.sql(a) + " IS NOT NULL AND " + context.sql(b)
                + " IS NOT NULL GROUP BY " + context.sql(a) + " HAVING count(DISTINCT " + context.sql(b)
                + ") > 1)") == 0;
    }

    private long present(int a, int b) throws SQLException, AnalysisCancelledException {
        return context.session().queryLong("SELECT count(*) FROM " + ColumnTypeResolver.TABLE + " WHERE "
                + context.sql(a) + " IS NOT NULL AND " + context.sql(b) + " IS NOT NULL");
    }

    private void correlationRatios(GroupedMeasures grouped, List<Relationships.Pair> pairs)
            throws SQLException, AnalysisCancelledException {
        List<Integer> dimensions = context.dimensions(MAX_LEVELS_FOR_ETA, MAX_ETA_DIMENSIONS);
        List<Integer> measures = grouped.measures();
        if (measures.isEmpty() || dimensions.isEmpty()) {
            return;
        }
        int tests = measures.size() * dimensions.size();
        for (int di = 0; di < dimensions.size(); di++) {
            int d = dimensions.get(di);
            List<GroupedMeasures.Group> groups = grouped.of(d);
            for (int mi = 0; mi < measures.size(); mi++) {
                double[] sums = new double[groups.size()];
                long[] counts = new long[groups.size()];
                double squares = 0;
                double total = 0;
                long n = 0;
                for (int g = 0; g < groups.size(); g++) {
                    counts[g] = groups.get(g).counts()[mi];
                    sums[g] = groups.get(g).sums()[mi];
                    squares += groups.get(g).squares()[mi];
                    total += sums[g];
                    n += counts[g];
                }
                TrendTests.Anova anova = TrendTests.anova(sums, counts, squares, total, n);
                if (anova.groups() < 2) {
                    continue;
                }
                double eta = Math.sqrt(anova.etaSquared());
                String dimension = context.name(d);
                String measure = context.name(measures.get(mi));
                boolean significant = anova.pValue() < ALPHA / tests;
                pairs.add(new Relationships.Pair("correlation_ratio", dimension, measure, eta, anova.pValue(), n,
                        significant));
                // the segments report the same test, with the groups named, for their measures and dimensions
                boolean inSegments = mi < SegmentAnalysis.MAX_MEASURES && di < SegmentAnalysis.MAX_DIMENSIONS;
                if (significant && eta >= NOTABLE && !inSegments) {
                    // a price per product: no variation within a group is a fact to state, not a share of variance
                    String sentence = anova.etaSquared() >= 1 - FIXED_TOLERANCE
                            ? String.format("%s has a single value per %s (%d groups, n = %s): %s explains all of its "
                                    + "variance.", measure, dimension, anova.groups(), Text.count(n), dimension)
                            : String.format("%s explains %s of the variance of %s (correlation ratio η = %s over %d "
                                    + "groups, n = %s, %s)%s.", dimension, Text.percent(anova.etaSquared()), measure,
                            Text.coefficient(eta), anova.groups(), Text.count(n), Text.pValue(anova.pValue()),
                            extremes(groups, mi));
                    findings.add(KeyFinding.of("association", sentence,
                            eta, KeyFinding.significanceOf(anova.pValue()), List.of(dimension, measure),
                            "segments:" + measure + ":" + dimension, List.of()));
                }
            }
        }
    }

    /** ": mean 4.00 for Engineering, 3.05 for Support": the groups a reader compares first. */
    private static String extremes(List<GroupedMeasures.Group> groups, int measure) {
        GroupedMeasures.Group high = null;
        GroupedMeasures.Group low = null;
        for (GroupedMeasures.Group group : groups) {
            if (group.counts()[measure] == 0 || group.value() == null) {
                continue;
            }
            double mean = group.sums()[measure] / group.counts()[measure];
            if (high == null || mean > high.sums()[measure] / high.counts()[measure]) {
                high = group;
            }
            if (low == null || mean < low.sums()[measure] / low.counts()[measure]) {
                low = group;
            }
        }
        if (high == null || high == low) {
            return "";
        }
        return String.format(": mean %s for %s, %s for %s", Text.number(high.sums()[measure] / high.counts()[measure]),
                high.value(), Text.number(low.sums()[measure] / low.counts()[measure]), low.value());
    }

    private void addDetermines(List<Relationships.Dependency> found, String kind, int target, int source,
                               String expression, long n) {
        String t = context.name(target);
        String s = context.name(source);
        dependentPairs.add(Set.of(t, s));
        found.add(new Relationships.Dependency(kind.equals("one_to_one") ? "determines" : kind, t, List.of(s),
                expression, n));
        String sentence = kind.equals("one_to_one")
                ? String.format("%s and %s label the same groups: each value of one goes with exactly one value of "
                + "the other on all %s rows.", s, t, Text.count(n))
                : String.format("%s determines %s: each value of %s goes with exactly one value of %s on all %s rows.",
                s, t, s, t, Text.count(n));
        KeyFinding finding = KeyFinding.of("functional_dependency", sentence, 0.5, 1.0, List.of(s, t),
                "heatmap:cramers_v", List.of());
        if (kind.equals("one_to_one")) {
            sameGroupsAs.put(t, s);
            findings.add(finding);
        } else {
            determinations.add(new Determination(s, t, finding));
        }
    }

    private static List<List<Double>> matrix(double[][] values) {
        List<List<Double>> rows = new ArrayList<>();
        for (double[] row : values) {
            List<Double> list = new ArrayList<>();
            for (double value : row) {
                list.add(Results.finite(value));
            }
            rows.add(list);
        }
        return rows;
    }
}
