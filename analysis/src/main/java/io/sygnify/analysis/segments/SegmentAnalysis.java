package io.sygnify.analysis.segments;

import io.sygnify.analysis.AnalysisCancelledException;
import io.sygnify.analysis.engine.AnalysisContext;
import io.sygnify.analysis.engine.Analyzed;
import io.sygnify.analysis.engine.ColumnRoles;
import io.sygnify.analysis.engine.Results;
import io.sygnify.analysis.engine.Text;
import io.sygnify.analysis.ingest.ColumnTypeResolver;
import io.sygnify.analysis.quality.OpenCases;
import io.sygnify.analysis.relationships.RelationshipAnalysis;
import io.sygnify.analysis.report.KeyFinding;
import io.sygnify.analysis.report.Relationships;
import io.sygnify.analysis.report.Segments;
import io.sygnify.analysis.time.TrendTests;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Top and bottom contributors and concentration per measure and dimension (see {@link Segments}). */
public final class SegmentAnalysis {

    public static final int MAX_MEASURES = 3;
    public static final int MAX_DIMENSIONS = 5;
    private static final long MAX_GROUPS = 1000;
    private static final int LISTED = 5;
    private static final double ALPHA = 0.001;
    private static final double MIN_ETA_SQUARED = 0.01;
    // a Gini of 0.4 over at least 5 groups means a clearly uneven split
    private static final double CONCENTRATED_GINI = 0.4;
    private static final int MIN_GROUPS_FOR_CONCENTRATION = 5;
    private static final double BEYOND_ROWS = 0.1;

    private final AnalysisContext context;
    private final GroupedMeasures grouped;
    private final Relationships relationships;
    private final List<KeyFinding> findings = new ArrayList<>();
    private double rowsGini; // of the dimension being broken down, set by its rows breakdown, which comes first

    /**
     * @param relationships what explains each measure, and dates that follow others (a later one blank on some rows
     *                      is a flag too); null when none were measured
     */
    public SegmentAnalysis(AnalysisContext context, GroupedMeasures grouped, Relationships relationships) {
        this.context = context;
        this.grouped = grouped;
        this.relationships = relationships;
    }

    public Analyzed<Segments> run() throws SQLException, AnalysisCancelledException {
        List<Integer> dimensions = context.dimensions(MAX_GROUPS, MAX_DIMENSIONS);
        List<Integer> measures = grouped.measures().stream().limit(MAX_MEASURES).toList();
        List<String> notes = new ArrayList<>();
        List<Segments.Breakdown> breakdowns = new ArrayList<>();
        if (dimensions.isEmpty()) {
            notes.add("No categorical column with 2 to " + MAX_GROUPS + " values to split by.");
            return new Analyzed<>(new Segments(breakdowns, List.of(), List.of(), notes), findings);
        }
        int tests = Math.max(1, dimensions.size() * measures.size());
        for (int d : dimensions) {
            List<GroupedMeasures.Group> groups = grouped.of(d);
            breakdowns.add(breakdown("rows", context.name(d), groups, -1, tests));
            for (int m = 0; m < measures.size(); m++) {
                int measure = m;
                List<String> withValues = groups.stream().filter(g -> g.counts()[measure] > 0)
                        .map(GroupedMeasures.Group::value).toList();
                // a resolution time only closed tickets have, by status, compares one group with nothing
                if (withValues.size() >= 2) {
                    breakdowns.add(breakdown(context.name(measures.get(m)), context.name(d), groups, m, tests));
                } else {
                    notes.add(context.name(measures.get(m)) + " by " + context.name(d) + " is left out: it has values "
                            + (withValues.isEmpty() ? "in no group" : "only where " + context.name(d) + " is "
                            + withValues.get(0)) + ".");
                }
            }
        }
        findings.addAll(new ValueBursts(context).find());
        List<Segments.FlagRate> rates = flagRates();
        return new Analyzed<>(new Segments(breakdowns, rates, flagEffects(), notes), findings);
    }

    /**
     * Per yes/no column, the values of each dimension whose rows carry it far more often, the rarer flag first (an
     * outcome such as attrition is rarer than what explains it); a pair of flags is told one way only.
     */
    private List<Segments.FlagRate> flagRates() throws SQLException, AnalysisCancelledException {
        List<Integer> flags = FlagRates.flags(context);
        Map<Integer, Double> share = new HashMap<>();
        for (int f : flags) {
            share.put(f, context.session().query("SELECT avg(CASE WHEN " + FlagRates.flagged(context, f)
                    + " THEN 1.0 ELSE 0.0 END) FROM " + ColumnTypeResolver.TABLE + " WHERE " + context.sql(f)
                    + " IS NOT NULL", row -> {
                        row.next();
                        return row.getDouble(1);
                    }));
        }
        List<FlagRates> all = new ArrayList<>();
        for (int f : flags.stream().sorted(Comparator.comparingDouble(share::get)).toList()) {
            all.add(new FlagRates(context, f));
        }
        for (Relationships.DateSpan span : relationships == null ? List.<Relationships.DateSpan>of()
                : relationships.dateSpans()) {
            int from = context.index(span.from());
            int to = context.index(span.to());
            if (OpenCases.open(context.profile(from), context.profile(to)) && !saidByAFlag(flags, to)) {
                all.add(FlagRates.ofFollowingDate(context, from, to));
            }
        }
        List<Segments.FlagRate> rates = new ArrayList<>();
        Set<Set<String>> told = new HashSet<>();
        // "set on 57 % of rows with mrr 29" and "… with plan Basic" are the same 1,336 of 2,327 rows: told once,
        // by the category, which names them
        Set<List<Object>> sameRows = new HashSet<>();
        for (FlagRates flagRates : all) {
            List<Segments.FlagRate> highest = flagRates.highest(all.size()).stream()
                    .sorted(Comparator.comparing((Segments.FlagRate r) -> isMeasure(r.dimension()))).toList();
            for (Segments.FlagRate rate : highest) {
                if (told.add(Set.of(rate.flag(), rate.dimension()))) {
                    rates.add(rate);
                    if (sameRows.add(List.of(rate.flag(), rate.rows(), rate.flagged()))) {
                        findings.add(flagRates.finding(rate));
                    }
                }
            }
        }
        return rates;
    }

    private boolean isMeasure(String column) {
        int index = context.index(column);
        return index >= 0 && context.profile(index).role().equals(ColumnRoles.MEASURE);
    }

    /**
     * How the main measures differ where each yes/no column is set. Such an effect tells the story the flag's rate
     * by the measure's fifths told the other way round ("promo is yes on 43 % of rows with units 445 to 793"), so
     * that finding gives way, unless the flag is an outcome, where the rate by fifths says more.
     */
    private List<Segments.FlagEffect> flagEffects() throws SQLException, AnalysisCancelledException {
        List<Segments.FlagEffect> effects = new FlagEffects(context, relationships)
                .find(FlagEffects.conditions(context));
        List<Segments.FlagEffect> told = new ArrayList<>();
        for (Segments.FlagEffect effect : effects) {
            String reversed = "flag_rates:" + effect.flag() + ":" + effect.measure();
            if (FlagEffects.outcome(effect.flag())
                    && findings.stream().anyMatch(k -> reversed.equals(k.evidence().chartKey()))) {
                continue;
            }
            findings.removeIf(k -> reversed.equals(k.evidence().chartKey()));
            told.add(effect);
        }
        findings.addAll(FlagEffects.findings(told));
        return effects;
    }

    /** Whether a yes/no column is set on exactly the rows where {@code date} is: a return date and Returned = Y. */
    private boolean saidByAFlag(List<Integer> flags, int date) throws SQLException, AnalysisCancelledException {
        for (int f : flags) {
            if (context.session().queryLong("SELECT count(*) FROM " + ColumnTypeResolver.TABLE + " WHERE coalesce("
                    + FlagRates.flagged(context, f) + ", false) <> (" + context.sql(date) + " IS NOT NULL)") == 0) {
                return true;
            }
        }
        return false;
    }

    private Segments.Breakdown breakdown(String measure, String dimension, List<GroupedMeasures.Group> groups, int m,
                                         int tests) {
        boolean rows = m < 0;
        // sums of prices or rates mean nothing: such a measure is compared by its means only
        boolean additive = rows || !context.intensive(grouped.measures().get(m));
        double total = 0;
        double absTotal = 0;
        for (GroupedMeasures.Group group : groups) {
            total += rows ? group.rows() : group.sums()[m];
            absTotal += rows ? group.rows() : group.absSums()[m];
        }
        double denominator = absTotal;
        List<Segments.Share> shares = new ArrayList<>();
        for (GroupedMeasures.Group group : groups) {
            double value = rows ? group.rows() : group.sums()[m];
            double mean = rows || group.counts()[m] == 0 ? Double.NaN : group.sums()[m] / group.counts()[m];
            Double share = !additive ? null : denominator == 0 ? 0.0 : value / denominator;
            shares.add(new Segments.Share(group.value(), value, group.rows(), share, Results.finite(mean)));
        }
        shares.sort(Comparator.comparingDouble((Segments.Share s) -> -(additive ? s.total() : meanOrLowest(s)))
                .thenComparing(Segments.Share::value));
        List<Segments.Share> top = shares.stream().limit(LISTED).toList();
        List<Segments.Share> bottom = new ArrayList<>();
        for (int i = shares.size() - 1; i >= Math.max(LISTED, shares.size() - LISTED); i--) {
            bottom.add(shares.get(i));
        }
        double[] magnitudes = shares.stream().mapToDouble(s -> Math.abs(s.total())).sorted().toArray();
        double gini = gini(magnitudes);
        int fifth = Math.max(1, (int) Math.ceil(shares.size() * 0.2));
        double topFifth = 0;
        for (int i = magnitudes.length - 1; i >= magnitudes.length - fifth && i >= 0; i--) {
            topFifth += magnitudes[i];
        }
        topFifth = denominator == 0 ? 0 : topFifth / denominator;
        List<Segments.ParetoPoint> pareto = additive ? pareto(magnitudes) : null;
        Double eta = null;
        Double p = null;
        boolean differ = false;
        if (!rows) {
            double[] sums = groups.stream().mapToDouble(g -> g.sums()[m]).toArray();
            long[] counts = groups.stream().mapToLong(g -> g.counts()[m]).toArray();
            double squares = groups.stream().mapToDouble(g -> g.squares()[m]).sum();
            long n = java.util.Arrays.stream(counts).sum();
            TrendTests.Anova anova = TrendTests.anova(sums, counts, squares, total, n);
            eta = anova.etaSquared();
            p = anova.pValue();
            differ = anova.groups() >= 2 && p < ALPHA / tests && eta >= MIN_ETA_SQUARED;
            if (differ) {
                Segments.Share highest = shares.stream().filter(s -> s.mean() != null)
                        .max(Comparator.comparingDouble(Segments.Share::mean)).orElseThrow();
                Segments.Share lowest = shares.stream().filter(s -> s.mean() != null)
                        .min(Comparator.comparingDouble(Segments.Share::mean)).orElseThrow();
                // a probability per stage: no variation within a group is a fact to state, not a share of variance
                String sentence = eta >= 1 - RelationshipAnalysis.FIXED_TOLERANCE
                        ? String.format("%s has a single value per %s, from %s for %s to %s for %s (%d values).",
                        measure, dimension, Text.number(highest.mean()), highest.value(), Text.number(lowest.mean()),
                        lowest.value(), anova.groups())
                        : String.format("Mean %s differs by %s: highest for %s (%s), lowest for %s (%s); %s explains "
                        + "%s of its variance (%s).", measure, dimension, highest.value(), Text.number(highest.mean()),
                        lowest.value(), Text.number(lowest.mean()), dimension, Text.percent(eta), Text.pValue(p));
                findings.add(KeyFinding.of("segment_difference", sentence,
                        Math.min(1, Math.sqrt(eta)), KeyFinding.significanceOf(p), List.of(measure, dimension),
                        "segments:" + measure + ":" + dimension, List.of()));
            }
        }
        // an uneven row count is the dimension's imbalance (a quality alert), and a measure that is only as uneven
        // as the rows says nothing more
        if (rows) {
            rowsGini = gini;
        }
        boolean concentrated = !rows && additive && shares.size() >= MIN_GROUPS_FOR_CONCENTRATION
                && gini >= CONCENTRATED_GINI && gini - rowsGini >= BEYOND_ROWS;
        if (concentrated) {
            findings.add(KeyFinding.of("segment_concentration", String.format("%s is concentrated by %s: the top %d "
                            + "of %d values (20 %%) account for %s of the total (Gini %s); %s alone has %s.",
                    measure, dimension, fifth, shares.size(), Text.percent(topFifth), Text.coefficient(gini),
                    top.get(0).value(), Text.percent(top.get(0).share())), gini, 1.0, List.of(measure, dimension),
                    "segments:" + measure + ":" + dimension, List.of()));
        }
        return new Segments.Breakdown(measure, dimension, additive ? total : null, shares.size(), top, bottom,
                additive ? topFifth : null, pareto, additive ? gini : null, eta, p, differ, additive);
    }

    /**
     * Cumulative share of the groups' (absolute) totals from the largest groups: after {@code k / points} of the
     * groups for each k, the group count rounded up, so the last point is every group and 100 %. Of the groups'
     * totals rather than of all rows' absolute values (as shares are), so that refunds inside a group cannot leave
     * the curve short of 100 %.
     */
    public static List<Segments.ParetoPoint> pareto(double[] ascending) {
        int n = ascending.length;
        double denominator = 0;
        for (double magnitude : ascending) {
            denominator += magnitude;
        }
        int points = Math.min(n, Segments.PARETO_POINTS);
        List<Segments.ParetoPoint> curve = new ArrayList<>(points);
        double cumulative = 0;
        int taken = 0;
        for (int k = 1; k <= points; k++) {
            int upTo = (int) (((long) k * n + points - 1) / points);
            while (taken < upTo) {
                cumulative += ascending[n - 1 - taken];
                taken++;
            }
            // the last point is every group, whatever the rounding of a sum taken in another order
            double share = denominator == 0 ? 0 : taken == n ? 1 : Math.min(1, cumulative / denominator);
            curve.add(new Segments.ParetoPoint((double) taken / n, share));
        }
        return curve;
    }

    /** Groups without a mean (no value of the measure) rank last. */
    private static double meanOrLowest(Segments.Share share) {
        return share.mean() == null ? Double.NEGATIVE_INFINITY : share.mean();
    }

    /** Gini coefficient of non-negative values sorted ascending. */
    static double gini(double[] sorted) {
        int n = sorted.length;
        double sum = 0;
        double weighted = 0;
        for (int i = 0; i < n; i++) {
            sum += sorted[i];
            weighted += (i + 1) * sorted[i];
        }
        return n < 2 || sum == 0 ? 0 : (2 * weighted) / (n * sum) - (n + 1.0) / n;
    }
}
