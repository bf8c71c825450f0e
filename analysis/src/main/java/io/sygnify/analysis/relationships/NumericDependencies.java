package io.sygnify.analysis.relationships;

import io.sygnify.analysis.AnalysisCancelledException;
import io.sygnify.analysis.engine.AnalysisContext;
import io.sygnify.analysis.engine.Text;
import io.sygnify.analysis.ingest.ColumnTypeResolver;
import io.sygnify.analysis.report.KeyFinding;
import io.sygnify.analysis.report.Relationships;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Exact dependencies among measures: copies, linear maps, sums, differences and products. Each is found on a
 * sample of rows, then checked on all rows; one that fails on a single row is dropped. A dependency is reported
 * as such, with its expression, instead of as a high correlation.
 */
final class NumericDependencies {

    static final int MAX_DEPENDENCIES = 20;
    private static final int MAX_DEPENDENCY_MEASURES = 12;
    private static final Pattern TOTAL_NAME = Pattern.compile("total|totals|sum|subtotal|overall|combined");
    private static final Pattern DIFFERENCE_NAME = Pattern.compile(
            "net|profit|margin|balance|remaining|remainder|diff|difference|change|after");

    private final AnalysisContext context;
    private final List<KeyFinding> findings;
    private final Set<Set<String>> dependentPairs;

    /**
     * @param findings       where a finding for each dependency goes
     * @param dependentPairs where the column pairs of each dependency go, so their correlation is not reported too
     */
    NumericDependencies(AnalysisContext context, List<KeyFinding> findings, Set<Set<String>> dependentPairs) {
        this.context = context;
        this.findings = findings;
        this.dependentPairs = dependentPairs;
    }

    /** Copies, linear maps, sums and products among the first measures, found on the sample, checked on all rows. */
    List<Relationships.Dependency> find(List<Integer> measures, double[][] sample)
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
        // a result written to the cent is exact when it is the formula rounded to the cent
        boolean cents = inCents(y);
        double[] fit = simplest(sample, a, b, slope, intercept, cents);
        if (fit == null) {
            return;
        }
        double k = fit[0];
        double c = fit[1];
        String expression = context.name(measures.get(a)) + " = " + exactly(k) + " × "
                + context.name(measures.get(b)) + (c == 0 ? "" : (c > 0 ? " + " : " − ") + exactly(Math.abs(c)));
        String tolerance = cents ? "0.0051 + 1e-9 * abs(" + sql(measures, a) + ")"
                : "1e-6 * (1 + abs(" + sql(measures, a) + "))";
        record(found, explained, "linear", measures, a, List.of(b), expression, "abs(" + sql(measures, a) + " - ("
                + k + " * " + sql(measures, b) + " + " + c + ")) > " + tolerance);
    }

    private void sum(List<Relationships.Dependency> found, Set<Set<Integer>> explained, List<Integer> measures,
                     int a, int b, int c) throws SQLException, AnalysisCancelledException {
        String violated = "abs(" + sql(measures, a) + " - (" + sql(measures, b) + " + " + sql(measures, c)
                + ")) > 1e-6 * (1 + abs(" + sql(measures, a) + "))";
        String na = context.name(measures.get(a));
        String nb = context.name(measures.get(b));
        String nc = context.name(measures.get(c));
        // a = b + c reads better as b = a − c when b is a net or remaining amount; otherwise the column furthest
        // right is the one computed (statements put EBITDA after Gross Profit and Operating Expenses), unless the
        // sum is named as one (a total first)
        int computed = AnalysisContext.matches(DIFFERENCE_NAME, nb) && !AnalysisContext.matches(DIFFERENCE_NAME, na) ? b
                : AnalysisContext.matches(DIFFERENCE_NAME, nc) && !AnalysisContext.matches(DIFFERENCE_NAME, na) ? c
                : AnalysisContext.matches(TOTAL_NAME, na) ? a
                : measures.get(a) > Math.max(measures.get(b), measures.get(c)) ? a
                : measures.get(b) > measures.get(c) ? b : c;
        if (computed == b) {
            record(found, explained, "difference", measures, b, List.of(a, c), nb + " = " + na + " − " + nc, violated);
        } else if (computed == c) {
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
        long[] counts = context.session().queryLongs("SELECT count(*) FILTER (WHERE " + present + "), count(*) FILTER"
                + " (WHERE " + present + " AND " + violated + ") FROM " + ColumnTypeResolver.TABLE);
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

    private String sql(List<Integer> measures, int index) {
        return context.sql(measures.get(index)) + "::DOUBLE";
    }

    /** Whether every present value is a whole number of cents, as amounts written with two decimals are. */
    private static boolean inCents(double[] values) {
        boolean any = false;
        for (double value : values) {
            if (!Double.isNaN(value)) {
                double cents = value * 100;
                if (Math.abs(cents - Math.rint(cents)) > 1e-6 * (1 + Math.abs(cents))) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    @FunctionalInterface
    private interface RowTest {
        boolean test(int row);

        /** Whether an actual value equals the expected one, up to what the column's writing allows. */
        @FunctionalInterface
        interface Tolerance {
            boolean test(double actual, double expected);
        }
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

    /**
     * The slope and intercept with the fewest significant digits that still hold on every sampled row: values
     * rounded to cents make least squares find 0.749999984 × EBITDA − 2999.99922 where 0.75 × EBITDA − 3000 holds.
     */
    private static double[] simplest(double[][] sample, int a, int b, double slope, double intercept,
                                     boolean cents) {
        double[] y = sample[a];
        double[] x = sample[b];
        RowTest.Tolerance equal = cents ? NumericDependencies::toTheCent : NumericDependencies::exact;
        for (int digits = 1; digits <= 9; digits++) {
            double k = round(slope, digits);
            for (int intercepts = 0; intercepts <= digits; intercepts++) {
                double c = intercepts == 0 ? 0 : round(intercept, intercepts);
                if (holds(sample, row -> equal.test(y[row], k * x[row] + c), a, b)) {
                    return new double[] {k, c};
                }
            }
        }
        return null;
    }

    private static double round(double value, int significantDigits) {
        double scale = Math.pow(10, significantDigits - Math.ceil(Math.log10(Math.abs(value) + 1e-300)));
        return value == 0 ? 0 : Math.round(value * scale) / scale;
    }
}
