package io.sygnify.analysis.findings;

import io.sygnify.analysis.AnalysisReport;
import io.sygnify.analysis.engine.Text;
import io.sygnify.analysis.relationships.CoMovingGroups;
import io.sygnify.analysis.report.KeyFinding;
import io.sygnify.analysis.report.Relationships;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The key findings: strongest first, and each thing said once. These repetitions are folded away; the
 * sections still show every finding.
 * <ul>
 * <li>One dimension explaining several measures is one finding ("Campaign explains 99 % of the variance of CTR …
 * Campaign also explains 80 % of the variance of Spend and 79 % of Clicks"), whether the segments ("mean Spend
 * differs by Campaign") or the relationships (η²) said it: a campaign table filled half the list with them.</li>
 * <li>A dimension determined by another one (each campaign has one channel) explains nothing the other does not,
 * so its findings about the same measure (differences, concentration) are dropped.</li>
 * <li>Of findings of one kind about measures that move together (a price's open, high, low and close all "fell"),
 * the strongest is kept; a trend, rhythm or shift says which others share it. So is one of a flag's rates by
 * measures that move together.</li>
 * <li>Where a flag's rate is told by a column, the column's mean by the flag is not told again; nor is the rate
 * by a column the flag is a dependency of (Won ↔ Stage).</li>
 * <li>A column's outliers are told by the outlier finding, not again by the quality alert.</li>
 * </ul>
 * Data-quality findings and KPIs stay apart, since each column's problem or figure is its own.
 */
public final class KeyFindingRanking {

    private static final Set<String> SEGMENT_KINDS = Set.of("segment_difference", "association");
    private static final Set<String> SHARED_PATTERNS = Set.of("trend", "seasonality", "change_point");
    private static final int MEASURES_NAMED = 5;

    private final CoMovingGroups groups;
    private final List<Relationships.Dependency> dependencies;

    private KeyFindingRanking(CoMovingGroups groups, List<Relationships.Dependency> dependencies) {
        this.groups = groups;
        this.dependencies = dependencies;
    }

    public static List<KeyFinding> rank(List<KeyFinding> findings, CoMovingGroups groups,
                                 List<Relationships.Dependency> dependencies) {
        KeyFindingRanking ranking = new KeyFindingRanking(groups, dependencies == null ? List.of() : dependencies);
        Set<String> seen = new HashSet<>();
        List<KeyFinding> sorted = findings.stream()
                .sorted(Comparator.comparingDouble((KeyFinding f) -> -f.score()).thenComparing(KeyFinding::sentence))
                .filter(f -> seen.add(f.sentence()))
                .toList();
        return ranking.onceEach(ranking.byDimension(sorted)).stream().limit(AnalysisReport.KEY_FINDINGS).toList();
    }

    /**
     * A finding about a measure by a dimension, from its chart key {@code segments:<measure>:<dimension>}; {@code
     * what} is {@code explains} for the two kinds that say the dimension explains the measure (η²).
     */
    private record BySegment(String what, String measure, String dimension) {

        static BySegment of(KeyFinding finding) {
            String key = finding.evidence().chartKey();
            if (key == null || !key.startsWith("segments:")) {
                return null;
            }
            String[] parts = key.split(":", 3);
            String what = SEGMENT_KINDS.contains(finding.kind()) ? "explains" : finding.kind();
            return parts.length == 3 ? new BySegment(what, parts[1], parts[2]) : null;
        }

        boolean explains() {
            return what.equals("explains");
        }
    }

    private List<KeyFinding> byDimension(List<KeyFinding> sorted) {
        Set<BySegment> present = new HashSet<>();
        sorted.stream().map(BySegment::of).filter(java.util.Objects::nonNull).forEach(present::add);
        // "attrition is true on 31 % of rows with overtime true" and "mean overtime differs by attrition" are one
        // fact: the flag's rate tells it
        Set<Set<String>> flagged = new HashSet<>();
        sorted.stream().filter(KeyFindingRanking::isFlagRate)
                .forEach(f -> flagged.add(Set.copyOf(f.evidence().columns())));
        // in rank order, each finding alone, or a dimension's strongest finding with the others it absorbs
        List<List<KeyFinding>> slots = new ArrayList<>();
        Map<String, List<KeyFinding>> byDimension = new HashMap<>();
        // the outlier section's finding names the most extreme row; the quality alert's repeats its count
        Set<String> outlying = new HashSet<>();
        sorted.stream().filter(f -> f.kind().equals("outliers")).forEach(f -> outlying.addAll(f.evidence().columns()));
        for (KeyFinding finding : sorted) {
            if (isDependency(finding) || "quality:outliers".equals(finding.evidence().chartKey())
                    && finding.evidence().columns().size() == 1
                    && outlying.contains(finding.evidence().columns().get(0))) {
                continue;
            }
            BySegment about = BySegment.of(finding);
            if (about != null && (determinedByAnother(about, present)
                    || about.explains() && flagged.contains(Set.of(about.measure(), about.dimension())))) {
                continue;
            }
            if (about == null || !about.explains()) {
                slots.add(List.of(finding));
            } else {
                List<KeyFinding> same = byDimension.get(about.dimension());
                if (same == null) {
                    byDimension.put(about.dimension(), same = new ArrayList<>());
                    slots.add(same);
                }
                same.add(finding);
            }
        }
        return slots.stream().map(KeyFindingRanking::merged).toList();
    }

    /** A flag's rate by a column that determines it, or that it determines: the dependency says it already. */
    private static boolean isFlagRate(KeyFinding finding) {
        return finding.evidence().chartKey() != null && finding.evidence().chartKey().startsWith("flag_rates:");
    }

    private boolean isDependency(KeyFinding finding) {
        if (!isFlagRate(finding)) {
            return false;
        }
        Set<String> pair = Set.copyOf(finding.evidence().columns());
        return dependencies.stream().filter(d -> d.sources().size() == 1)
                .anyMatch(d -> pair.equals(Set.of(d.target(), d.sources().get(0))));
    }

    private boolean determinedByAnother(BySegment finding, Set<BySegment> present) {
        return dependencies.stream().anyMatch(d -> d.kind().equals("determines")
                && d.target().equals(finding.dimension()) && d.sources().size() == 1
                && present.contains(new BySegment(finding.what(), finding.measure(), d.sources().get(0))));
    }

    /** One finding, or a dimension's lead finding telling what else the dimension explains. */
    private static KeyFinding merged(List<KeyFinding> findings) {
        KeyFinding lead = findings.get(0);
        if (findings.size() == 1) {
            return lead;
        }
        List<KeyFinding> others = findings.subList(1, findings.size());
        String dimension = BySegment.of(lead).dimension();
        List<String> shares = new ArrayList<>();
        for (int i = 0; i < Math.min(others.size(), MEASURES_NAMED); i++) {
            KeyFinding other = others.get(i);
            // both kinds take η (the correlation ratio) as their impact
            shares.add(Text.percent(other.impact() * other.impact()) + (i == 0 ? " of the variance of " : " of ")
                    + BySegment.of(other).measure());
        }
        if (others.size() > MEASURES_NAMED) {
            shares.add(Text.count(others.size() - MEASURES_NAMED, "other measure"));
        }
        double significance = others.stream().mapToDouble(KeyFinding::significance).min().orElse(1);
        // significance is min(1, −log10(p) / 10): the largest p it allows
        double p = significance >= 1 ? 1e-10 : Math.pow(10, -10 * significance);
        String each = p < 0.001 ? "each p < 0.001"
                : String.format(Locale.ROOT, "each p ≤ %.3f", Math.ceil(p * 1000) / 1000);
        String sentence = lead.sentence() + " " + dimension + " also explains " + Text.list(shares) + " (" + each
                + ").";
        Set<String> columns = new LinkedHashSet<>(lead.evidence().columns());
        others.forEach(other -> columns.addAll(other.evidence().columns()));
        return new KeyFinding(sentence, lead.kind(), lead.score(), lead.impact(), lead.significance(),
                new KeyFinding.Evidence(List.copyOf(columns), lead.evidence().chartKey(), lead.evidence().rows()));
    }

    private List<KeyFinding> onceEach(List<KeyFinding> findings) {
        // per kind and group: the finding kept (its other findings, MoM and YoY, stay) and the measures it stands for
        Map<String, Integer> kept = new HashMap<>();
        List<KeyFinding> result = new ArrayList<>();
        Map<Integer, Set<String>> alike = new HashMap<>();
        for (KeyFinding finding : findings) {
            List<String> columns = finding.evidence().columns();
            boolean merged = SEGMENT_KINDS.contains(finding.kind()) && BySegment.of(finding) != null;
            if (finding.kind().equals("data_quality") || finding.kind().equals("kpi") || merged
                    || columns.stream().noneMatch(groups::inGroup)) {
                result.add(finding);
                continue;
            }
            String key = finding.kind() + "|" + columns.stream().map(groups::representative).distinct().sorted()
                    .toList();
            Integer first = kept.get(key);
            if (first == null) {
                kept.put(key, result.size());
                result.add(finding);
            } else if (result.get(first).evidence().columns().equals(columns)) {
                result.add(finding);
            } else if (SHARED_PATTERNS.contains(finding.kind())) {
                List<String> keptColumns = result.get(first).evidence().columns();
                columns.stream().filter(c -> !keptColumns.contains(c))
                        .filter(c -> keptColumns.stream().anyMatch(k -> groups.moveAlike(k, c)))
                        .forEach(c -> alike.computeIfAbsent(first, k -> new LinkedHashSet<>()).add(c));
            }
        }
        alike.forEach((at, names) -> result.set(at, sharedBy(result.get(at), groups.inColumnOrder(names))));
        return result;
    }

    /** "…; so did Sessions and Users, which move with New Users." */
    private static KeyFinding sharedBy(KeyFinding finding, List<String> names) {
        boolean past = !finding.kind().equals("seasonality");
        String so = past ? "so did" : names.size() == 1 ? "so does" : "so do";
        String sentence = finding.sentence().substring(0, finding.sentence().length() - 1) + "; " + so + " "
                + Text.list(names) + ", which move" + (names.size() == 1 ? "s" : "") + " with "
                + Text.list(finding.evidence().columns()) + ".";
        List<String> columns = new ArrayList<>(finding.evidence().columns());
        columns.addAll(names);
        return new KeyFinding(sentence, finding.kind(), finding.score(), finding.impact(), finding.significance(),
                new KeyFinding.Evidence(columns, finding.evidence().chartKey(), finding.evidence().rows()));
    }
}
