package io.sygnify.analysis.segments;

import io.sygnify.analysis.AnalysisCancelledException;
import io.sygnify.analysis.engine.AnalysisContext;
import io.sygnify.analysis.engine.ColumnRoles;
import io.sygnify.analysis.engine.Sql;
import io.sygnify.analysis.engine.Text;
import io.sygnify.analysis.ingest.ColumnTypeResolver;
import io.sygnify.analysis.report.ColumnProfile;
import io.sygnify.analysis.report.KeyFinding;
import io.sygnify.analysis.report.Relationships;
import io.sygnify.analysis.report.Segments;
import io.sygnify.analysis.stats.Distributions;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How a measure differs between the rows where a yes/no column is set and the others: units sold on promotion,
 * amounts of fraudulent payments. When a category explains most of the measure (product sets the units), the rows
 * are compared within each of its values, so that a promotion run mostly on the best-selling product is not taken for
 * an uplift: the difference is the inverse-variance weighted mean of the differences within groups (a stratified
 * comparison), tested with its standard error.
 */
final class FlagEffects {

    private static final int MAX_MEASURES = 5;
    private static final long MIN_ROWS = 30;
    private static final long MIN_GROUP_ROWS = 5;
    private static final int MAX_STRATA = 50;
    private static final int LISTED_STRATA = 5;
    private static final double ALPHA = 0.001;
    // a twentieth more or less is a difference worth a sentence (a pay gap of 5 % is); smaller ones are noise to a
    // reader, however significant
    private static final double MIN_RELATIVE = 0.05;
    private static final double EXACT = 1e-12;

    // what happened to a row (churned, fraud, returned), as against a condition it was in (promo, remote): an
    // outcome is told by where it is frequent ("churned on 40 % of customers of 1 to 12 months"), a condition by
    // what it does to a measure ("units 45 % higher on promotion")
    private static final java.util.regex.Pattern OUTCOME = java.util.regex.Pattern.compile("churn|churned|attrition"
            + "|left|leaver|fraud|fraudulent|default|defaulted|cancel|cancelled|canceled|cancellation|returned|refunded"
            + "|dispute|disputed|chargeback|converted|won|lost|survived|died|death|readmitted|failed|failure|error"
            + "|late|delayed|complaint|clicked|purchased|responded|approved|rejected|declined|paid|exited|exit");

    private final AnalysisContext context;
    private final Relationships relationships;

    /**
     * A two-valued column and its rows compared: a yes/no column's set rows against the others, or a two-valued
     * label's rarer value against the other (gender F against M).
     *
     * @param flagged SQL true on the rows of {@code value}
     * @param value   what those rows hold, in sentences: yes, true, F
     * @param other   the other value of a label, or null for a yes/no column's "elsewhere"
     */
    record Condition(int column, String flagged, String value, String other) {
    }

    /** The yes/no columns, then the two-valued labels (F/M, North/South) as conditions. */
    static List<Condition> conditions(AnalysisContext context) {
        List<Condition> conditions = new ArrayList<>();
        List<Integer> flags = FlagRates.flags(context);
        for (int f : flags) {
            conditions.add(new Condition(f, FlagRates.flagged(context, f), FlagRates.state(context, f), null));
        }
        for (int i = 0; i < context.columns().size(); i++) {
            ColumnProfile p = context.profile(i);
            if (flags.contains(i) || !p.role().equals(ColumnRoles.FLAG) || p.categories() == null
                    || p.categories().topValues().size() != 2) {
                continue;
            }
            // the rarer value against the other, the first in order on a tie: the same sentence on every run
            List<ColumnProfile.TopValue> two = new ArrayList<>(p.categories().topValues());
            two.sort(java.util.Comparator.comparingLong(ColumnProfile.TopValue::count)
                    .thenComparing(ColumnProfile.TopValue::value));
            conditions.add(new Condition(i, "CAST(" + context.sql(i) + " AS VARCHAR) = "
                    + Sql.literal(two.get(0).value()), two.get(0).value(), two.get(1).value()));
        }
        return conditions;
    }

    /** Whether the yes/no column says what happened to a row rather than a condition it was in. */
    static boolean outcome(String flag) {
        return AnalysisContext.matches(OUTCOME, flag);
    }

    /** @param relationships what explains each measure, or null */
    FlagEffects(AnalysisContext context, Relationships relationships) {
        this.context = context;
        this.relationships = relationships;
    }

    /** Every significant effect of each condition on each main measure, strongest first. */
    List<Segments.FlagEffect> find(List<Condition> conditions) throws SQLException, AnalysisCancelledException {
        List<Integer> measures = context.measures(MAX_MEASURES);
        int tests = Math.max(1, conditions.size() * measures.size());
        List<Segments.FlagEffect> found = new ArrayList<>();
        for (Condition condition : conditions) {
            for (int m : measures) {
                if (m != condition.column()) {
                    effect(condition, m, tests).ifPresent(found::add);
                }
            }
        }
        found.sort(java.util.Comparator.comparingDouble((Segments.FlagEffect e) -> -Math.abs(e.relative())));
        return found;
    }

    private Optional<Segments.FlagEffect> effect(Condition condition, int measure, int tests)
            throws SQLException, AnalysisCancelledException {
        int flag = condition.column();
        String measureName = context.name(measure);
        Optional<Relationships.Pair> by = relationships == null ? Optional.empty()
                : relationships.explainedBy(measureName).filter(p -> !p.a().equals(context.name(flag)));
        String stratum = by.map(p -> "CAST(" + context.sql(context.index(p.a())) + " AS VARCHAR)").orElse("''");
        String x = context.sql(measure) + "::DOUBLE";
        String flagged = condition.flagged();
        List<double[]> rows = new ArrayList<>();
        List<String> names = new ArrayList<>();
        context.session().query("SELECT " + stratum + " AS s, " + flagged + " AS f, count(*), avg(" + x + "), "
                + "var_samp(" + x + ") FROM " + ColumnTypeResolver.TABLE + " WHERE " + x + " IS NOT NULL AND "
                + context.sql(flag) + " IS NOT NULL" + by.map(p -> " AND " + context.sql(context.index(p.a()))
                + " IS NOT NULL").orElse("") + " GROUP BY s, f ORDER BY s, f", row -> {
                    while (row.next()) {
                        names.add(row.getString(1));
                        rows.add(new double[] {row.getBoolean(2) ? 1 : 0, row.getLong(3), row.getDouble(4),
                            row.getDouble(5)});
                    }
                    return null;
                });
        // per stratum: rows, mean and variance without (index 0) and with (1) the flag
        Map<String, double[][]> strata = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            strata.computeIfAbsent(names.get(i), k -> new double[2][])[(int) rows.get(i)[0]] = rows.get(i);
        }
        if (strata.size() > MAX_STRATA) {
            return Optional.empty();
        }
        double weights = 0;
        double weightedDifference = 0;
        double weightedBase = 0;
        long yes = 0;
        long no = 0;
        List<Segments.GroupEffect> groups = new ArrayList<>();
        for (Map.Entry<String, double[][]> entry : strata.entrySet()) {
            double[] without = entry.getValue()[0];
            double[] with = entry.getValue()[1];
            if (without == null || with == null || without[1] < MIN_GROUP_ROWS || with[1] < MIN_GROUP_ROWS) {
                continue;
            }
            // a promotion price is the same every week: no spread within the group, so the difference is certain;
            // a floor far below any real spread keeps its weight finite
            double variance = Math.max(with[3] / with[1] + without[3] / without[1],
                    EXACT * (with[2] * with[2] + without[2] * without[2]));
            if (!(variance > 0)) {
                continue;
            }
            double weight = 1 / variance;
            weights += weight;
            weightedDifference += weight * (with[2] - without[2]);
            weightedBase += weight * without[2];
            yes += (long) with[1];
            no += (long) without[1];
            groups.add(new Segments.GroupEffect(entry.getKey(), (long) with[1], with[2], (long) without[1],
                    without[2]));
        }
        if (yes < MIN_ROWS || no < MIN_ROWS || !(weights > 0)) {
            return Optional.empty();
        }
        double difference = weightedDifference / weights;
        double base = weightedBase / weights;
        double z = difference * Math.sqrt(weights);
        double p = Math.min(1, Distributions.normalTwoSided(z) * tests);
        double relative = base > 0 ? difference / base : Double.NaN;
        if (!(p < ALPHA) || !(Math.abs(relative) >= MIN_RELATIVE)) {
            return Optional.empty();
        }
        groups.sort(java.util.Comparator.comparingLong((Segments.GroupEffect g) -> -(g.rowsWith() + g.rowsWithout())));
        return Optional.of(new Segments.FlagEffect(context.name(flag), condition.value(), condition.other(),
                measureName, by.map(Relationships.Pair::a).orElse(null), yes, no, difference, relative, p,
                List.copyOf(groups.subList(0, Math.min(LISTED_STRATA, groups.size())))));
    }

    /**
     * One finding per effect compared within groups; those over all rows of one flag and value are told together:
     * "Where is_fraud is true, amount averages 157.8 against 88.85 elsewhere (+78 %), unit_price …".
     */
    static List<KeyFinding> findings(List<Segments.FlagEffect> effects) {
        Map<String, List<Segments.FlagEffect>> together = new LinkedHashMap<>();
        List<KeyFinding> findings = new ArrayList<>();
        for (Segments.FlagEffect e : effects) {
            if (e.by() == null) {
                together.computeIfAbsent(e.flag() + "\u0000" + e.value(), k -> new ArrayList<>()).add(e);
            } else {
                findings.add(finding(e));
            }
        }
        for (List<Segments.FlagEffect> group : together.values()) {
            findings.add(group.size() == 1 ? finding(group.get(0)) : together(group));
        }
        return findings;
    }

    private static KeyFinding together(List<Segments.FlagEffect> group) {
        Segments.FlagEffect first = group.get(0);
        String elsewhere = first.otherValue() == null ? "elsewhere" : "where it is " + first.otherValue();
        List<String> parts = new ArrayList<>();
        for (Segments.FlagEffect e : group) {
            parts.add(String.format("%s%s %s against %s%s (%s%s)", e.measure(), e == first ? " averages" : "",
                    Text.number(e.groups().get(0).meanWith()), Text.number(e.groups().get(0).meanWithout()),
                    e == first ? " " + elsewhere : "", e.relative() > 0 ? "+" : "", Text.percent(e.relative())));
        }
        double p = group.stream().mapToDouble(Segments.FlagEffect::pValue).max().orElse(1);
        String sentence = String.format("Where %s is %s (%s of %s rows), %s; each %s.", first.flag(),
                first.value(), Text.count(first.rowsWith()), Text.count(first.rowsWith() + first.rowsWithout()),
                Text.list(parts), Text.pValue(p));
        List<String> columns = new ArrayList<>(group.stream().map(Segments.FlagEffect::measure).toList());
        columns.add(first.flag());
        double relative = group.stream().mapToDouble(e -> Math.abs(e.relative())).max().orElse(0);
        return KeyFinding.of("segment_difference", sentence, Math.min(1, 0.4 + relative),
                KeyFinding.significanceOf(p), columns, "flag_effects:" + first.flag() + ":" + first.measure(),
                List.of());
    }

    /** "units is 45 % higher where promo is yes, product for product (Cola 580 against 400, …; p < 0.001)." */
    static KeyFinding finding(Segments.FlagEffect e) {
        String direction = e.relative() > 0 ? "higher" : "lower";
        String elsewhere = e.otherValue() == null ? "elsewhere" : "where it is " + e.otherValue();
        String sentence;
        if (e.by() == null) {
            Segments.GroupEffect all = e.groups().get(0);
            sentence = String.format("%s averages %s where %s is %s against %s %s (%s%s, %s of %s rows; %s).",
                    e.measure(), Text.number(all.meanWith()), e.flag(), e.value(), Text.number(all.meanWithout()),
                    elsewhere, e.relative() > 0 ? "+" : "", Text.percent(e.relative()), Text.count(e.rowsWith()),
                    Text.count(e.rowsWith() + e.rowsWithout()), Text.pValue(e.pValue()));
        } else {
            List<String> parts = e.groups().stream().map(g -> String.format("%s %s against %s", g.value(),
                    Text.number(g.meanWith()), Text.number(g.meanWithout()))).toList();
            sentence = String.format("%s is %s %s where %s is %s%s, %s for %s (%s; %s).", e.measure(),
                    Text.percent(Math.abs(e.relative())), direction, e.flag(), e.value(),
                    e.otherValue() == null ? "" : " than " + elsewhere, e.by(), e.by(), String.join(", ", parts),
                    Text.pValue(e.pValue()));
        }
        List<String> columns = e.by() == null ? List.of(e.measure(), e.flag()) : List.of(e.measure(), e.flag(), e.by());
        return KeyFinding.of("segment_difference", sentence, Math.min(1, 0.4 + Math.abs(e.relative())),
                KeyFinding.significanceOf(e.pValue()), columns, "flag_effects:" + e.flag() + ":" + e.measure(),
                List.of());
    }
}
