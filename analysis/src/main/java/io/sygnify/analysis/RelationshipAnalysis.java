package io.sygnify.analysis;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Correlations, associations and exact dependencies between columns (see {@link Relationships}).
 *
 * <p>Pearson's r, Cramér's V and the correlation ratio are computed over all rows in DuckDB; Spearman's ρ and
 * the search for dependencies run on a {@link RowSample}, and every dependency found is then checked on all rows.
 */
final class RelationshipAnalysis {

    static final int MAX_MEASURES = 25;
    static final double ALPHA = 0.001;
    private static final int MAX_CATEGORIES = 12;
    private static final long MAX_LEVELS_FOR_V = 100;
    private static final int MAX_ETA_DIMENSIONS = 8;
    private static final long MAX_LEVELS_FOR_ETA = 1000;
    private static final int MAX_DEPENDENCY_MEASURES = 12;
    private static final int STRONGEST = 20;
    private static final int MAX_DEPENDENCIES = 20;
    // moderate by Cohen's rule of thumb; weaker associations are listed but not called findings
    private static final double NOTABLE = 0.3;
    // rows per level for "A determines B" to mean something rather than each A value appearing once
    private static final int ROWS_PER_LEVEL = 5;
    // categories come through JDBC as strings: 20,000 rows are plenty for V, and four times cheaper than 50,000
    private static final int TEXT_SAMPLE = 20_000;
    private static final Pattern DIFFERENCE_NAME = Pattern.compile(
            "net|profit|margin|balance|remaining|remainder|diff|difference|change|after");

    private final AnalysisContext context;
    private final GroupedMeasures grouped;
    private final List<KeyFinding> findings = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Set<Set<String>> dependentPairs = new HashSet<>();
    private long sampleRows;

    RelationshipAnalysis(AnalysisContext context, GroupedMeasures grouped) {
        this.context = context;
        this.grouped = grouped;
    }

    Analyzed<Relationships> run() throws SQLException, AnalysisCancelledException {
        List<Integer> measures = context.measures(MAX_MEASURES);
        List<String> names = measures.stream().map(context::name).toList();
        List<Relationships.Pair> pairs = new ArrayList<>();
        List<Relationships.Dependency> dependencies = new ArrayList<>();
        List<List<Double>> pearson = List.of();
        List<List<Double>> spearman = List.of();
        if (measures.size() >= 2) {
            double[][] sample = RowSample.numeric(context.session(), measures.stream().map(context::sql).toList(),
                    context.rows());
            sampleRows = sample[0].length;
            dependencies.addAll(numericDependencies(measures, sample));
            PearsonMatrix full = pearson(measures);
            double[][] r = full.r();
            long[][] n = full.n();
            double[][] rho = new double[measures.size()][measures.size()];
            int tests = measures.size() * (measures.size() - 1) / 2;
            for (int i = 0; i < measures.size(); i++) {
                rho[i][i] = 1;
                for (int j = i + 1; j < measures.size(); j++) {
                    rho[i][j] = rho[j][i] = Correlations.spearman(sample[i], sample[j]);
                    numericPair(names.get(i), names.get(j), r[i][j], n[i][j], rho[i][j], sampleRows, tests, pairs);
                }
            }
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
        correlationRatios(grouped, pairs);
        pairs.sort(Comparator.comparingDouble((Relationships.Pair p) -> -Math.abs(p.value())));
        return new Analyzed<>(new Relationships(names, pearson, spearman,
                categories.stream().map(context::name).toList(), cramers,
                pairs.stream().limit(STRONGEST).toList(), dependencies.stream().limit(MAX_DEPENDENCIES).toList(),
                ALPHA, sampleRows, notes), findings);
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
        if (dependentPairs.contains(Set.of(a, b))) {
            return;
        }
        double strongest = Math.max(Double.isNaN(r) ? 0 : Math.abs(r), Double.isNaN(rho) ? 0 : Math.abs(rho));
        boolean significant = (!Double.isNaN(r) && pr < threshold) || (!Double.isNaN(rho) && prho < threshold);
        if (strongest >= NOTABLE && significant) {
            double sign = Math.signum(Double.isNaN(r) ? rho : r);
            String strength = strongest >= 0.7 ? "strongly" : strongest >= 0.5 ? "clearly" : "moderately";
            String sentence = String.format("%s and %s are %s %s correlated (Pearson r = %s, Spearman ρ = %s, "
                            + "n = %s, %s).", a, b, strength, sign > 0 ? "positively" : "negatively",
                    Double.isNaN(r) ? "n/a" : Text.coefficient(r), Double.isNaN(rho) ? "n/a" : Text.coefficient(rho),
                    Text.count(n), Text.pValue(Math.min(pr, prho)));
            findings.add(KeyFinding.of("correlation", sentence, strongest,
                    KeyFinding.significanceOf(Math.min(pr, prho)), List.of(a, b), "scatter:" + a + ":" + b,
                    List.of()));
        }
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
        aDeterminesB = aDeterminesB && levelsB > 1 && holdsOnAllRows(a, b);
        bDeterminesA = bDeterminesA && levelsA > 1 && holdsOnAllRows(b, a);
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
                    findings.add(KeyFinding.of("association", String.format(
                            "%s explains %s of the variance of %s (correlation ratio η = %s over %d groups, "
                                    + "n = %s, %s).", dimension, Text.percent(anova.etaSquared()), measure,
                            Text.coefficient(eta), anova.groups(), Text.count(n), Text.pValue(anova.pValue())),
                            eta, KeyFinding.significanceOf(anova.pValue()), List.of(dimension, measure),
                            "segments:" + measure + ":" + dimension, List.of()));
                }
            }
        }
    }

    /** Copies, linear maps, sums and products among the first measures, found on the sample, checked on all rows. */
    private List<Relationships.Dependency> numericDependencies(List<Integer> measures, double[][] sample)
            throws SQLException, AnalysisCancelledException {
        List<Relationships.Dependency> found = new ArrayList<>();
        int m = Math.min(MAX_DEPENDENCY_MEASURES, measures.size());
        Set<Set<Integer>> explained = new HashSet<>();
        for (int a = 0; a < m; a++) {
            for (int b = a + 1; b < m; b++) {
                double[] x = sample[a];
                double[] y = sample[b];
                // the column further right in the file is taken as the one made from the other
                int source = measures.get(a) < measures.get(b) ? a : b;
                int target = source == a ? b : a;
                if (holds(sample, row -> x[row] == y[row], a, b)) {
                    record(found, explained, "copy", measures, target, List.of(source),
                            context.name(measures.get(target)) + " = " + context.name(measures.get(source)),
                            "abs(" + sql(measures, a) + " - " + sql(measures, b) + ") > 0");
                    continue;
                }
                double r = Correlations.pearson(sample[a], sample[b]);
                if (Math.abs(r) > 0.999999) {
                    linear(found, explained, measures, sample, target, source);
                }
            }
        }
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) {
                for (int c = b + 1; c < m; c++) {
                    if (a == b || a == c || explained.contains(Set.of(a, b, c))) {
                        continue;
                    }
                    int fa = a;
                    int fb = b;
                    int fc = c;
                    if (!varies(sample[b]) || !varies(sample[c])) {
                        continue;
                    }
                    if (holds(sample, row -> exact(sample[fa][row], sample[fb][row] + sample[fc][row]), a, b, c)) {
                        sum(found, explained, measures, a, b, c);
                    } else if (holds(sample, row -> toTheCent(sample[fa][row], sample[fb][row] * sample[fc][row]),
                            a, b, c)) {
                        record(found, explained, "product", measures, a, List.of(b, c),
                                context.name(measures.get(a)) + " = " + context.name(measures.get(b)) + " × "
                                        + context.name(measures.get(c)),
                                "abs(" + sql(measures, a) + " - " + sql(measures, b) + " * " + sql(measures, c)
                                        + ") > 0.0051 + 1e-9 * abs(" + sql(measures, a) + ")");
                    }
                }
            }
        }
        return found;
    }

    private void linear(List<Relationships.Dependency> found, Set<Set<Integer>> explained, List<Integer> measures,
                        double[][] sample, int a, int b) throws SQLException, AnalysisCancelledException {
        double[] y = sample[a];
        double[] x = sample[b];
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                sx += x[i];
                sy += y[i];
                sxx += x[i] * x[i];
                sxy += x[i] * y[i];
                n++;
            }
        }
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        double intercept = (sy - slope * sx) / n;
        double k = round(slope);
        double c = round(intercept);
        if (!holds(sample, row -> exact(y[row], k * x[row] + c), a, b)) {
            return;
        }
        String expression = context.name(measures.get(a)) + " = " + exactly(k) + " × "
                + context.name(measures.get(b)) + (c == 0 ? "" : (c > 0 ? " + " : " − ") + exactly(Math.abs(c)));
        record(found, explained, "linear", measures, a, List.of(b), expression, "abs(" + sql(measures, a) + " - ("
                + k + " * " + sql(measures, b) + " + " + c + ")) > 1e-6 * (1 + abs(" + sql(measures, a) + "))");
    }

    private void sum(List<Relationships.Dependency> found, Set<Set<Integer>> explained, List<Integer> measures,
                     int a, int b, int c) throws SQLException, AnalysisCancelledException {
        String violated = "abs(" + sql(measures, a) + " - (" + sql(measures, b) + " + " + sql(measures, c)
                + ")) > 1e-6 * (1 + abs(" + sql(measures, a) + "))";
        String na = context.name(measures.get(a));
        String nb = context.name(measures.get(b));
        String nc = context.name(measures.get(c));
        // a = b + c reads better as b = a − c when b is a net or remaining amount
        if (AnalysisContext.matches(DIFFERENCE_NAME, nb) && !AnalysisContext.matches(DIFFERENCE_NAME, na)) {
            record(found, explained, "difference", measures, b, List.of(a, c), nb + " = " + na + " − " + nc, violated);
        } else if (AnalysisContext.matches(DIFFERENCE_NAME, nc) && !AnalysisContext.matches(DIFFERENCE_NAME, na)) {
            record(found, explained, "difference", measures, c, List.of(a, b), nc + " = " + na + " − " + nb, violated);
        } else {
            record(found, explained, "sum", measures, a, List.of(b, c), na + " = " + nb + " + " + nc, violated);
        }
    }

    /** Checks the dependency on all rows ({@code violated} is SQL true on a row that breaks it) and keeps it. */
    private void record(List<Relationships.Dependency> found, Set<Set<Integer>> explained, String kind,
                        List<Integer> measures, int target, List<Integer> sources, String expression,
                        String violated) throws SQLException, AnalysisCancelledException {
        if (found.size() >= MAX_DEPENDENCIES) {
            return;
        }
        StringJoiner present = new StringJoiner(" AND ");
        present.add(sql(measures, target) + " IS NOT NULL");
        sources.forEach(s -> present.add(sql(measures, s) + " IS NOT NULL"));
        long[] counts = context.session().query("SELECT count(*) FILTER (WHERE " + present + "), count(*) FILTER"
                + " (WHERE " + present + " AND " + violated + ") FROM " + ColumnTypeResolver.TABLE, row -> {
                    row.next();
                    return new long[] {row.getLong(1), row.getLong(2)};
                });
        if (counts[0] < 3 || counts[1] > 0) {
            return;
        }
        Set<Integer> involved = new HashSet<>(sources);
        involved.add(target);
        explained.add(involved);
        List<String> names = sources.stream().map(s -> context.name(measures.get(s))).toList();
        String targetName = context.name(measures.get(target));
        for (String source : names) {
            dependentPairs.add(Set.of(targetName, source));
        }
        if (names.size() == 2) {
            dependentPairs.add(Set.of(names.get(0), names.get(1)));
        }
        found.add(new Relationships.Dependency(kind, targetName, names, expression, counts[0]));
        String what = kind.equals("copy") ? targetName + " is a copy of " + names.get(0)
                : targetName + " is computed from " + String.join(" and ", names);
        findings.add(KeyFinding.of("functional_dependency", String.format(Locale.ROOT,
                "%s holds on all %s rows where the columns are present: %s, an exact dependency rather than a "
                        + "correlation.", expression, Text.count(counts[0]), what), 0.8, 1.0,
                java.util.stream.Stream.concat(java.util.stream.Stream.of(targetName), names.stream()).toList(),
                "scatter:" + names.get(0) + ":" + targetName, List.of()));
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
        findings.add(KeyFinding.of("functional_dependency", sentence, 0.5, 1.0, List.of(s, t),
                "heatmap:cramers_v", List.of()));
    }

    private String sql(List<Integer> measures, int index) {
        return context.sql(measures.get(index)) + "::DOUBLE";
    }

    @FunctionalInterface
    private interface RowTest {
        boolean test(int row);
    }

    /** Whether the test passes on every sampled row where the given columns are all present (at least 3 rows). */
    private static boolean holds(double[][] sample, RowTest test, int... columns) {
        int checked = 0;
        for (int row = 0; row < sample[0].length; row++) {
            boolean present = true;
            for (int c : columns) {
                present &= !Double.isNaN(sample[c][row]);
            }
            if (present) {
                if (!test.test(row)) {
                    return false;
                }
                checked++;
            }
        }
        return checked >= 3;
    }

    /** Equal up to floating-point error; the SQL check is {@code abs(a - e) > 1e-6 * (1 + abs(a))}. */
    private static boolean exact(double actual, double expected) {
        return Math.abs(actual - expected) <= 1e-6 * (1 + Math.abs(actual));
    }

    /** Equal up to rounding to cents, as a product of a quantity and a unit price usually is. */
    private static boolean toTheCent(double actual, double expected) {
        return Math.abs(actual - expected) <= 0.0051 + 1e-9 * Math.abs(actual);
    }

    private static boolean varies(double[] values) {
        double first = Double.NaN;
        for (double value : values) {
            if (!Double.isNaN(value)) {
                if (Double.isNaN(first)) {
                    first = value;
                } else if (value != first) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A coefficient as checked, without display rounding: 1.8 and 32, not 1.80 and 32.00. */
    private static String exactly(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static double round(double value) {
        double scale = Math.pow(10, 9 - Math.ceil(Math.log10(Math.abs(value) + 1e-300)));
        return value == 0 ? 0 : Math.round(value * scale) / scale;
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
