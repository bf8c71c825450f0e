package io.sygnify.analysis.relationships;

import io.sygnify.analysis.engine.Text;
import io.sygnify.analysis.report.KeyFinding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Measures strongly and positively correlated with one another, three or more at a time: spend, clicks, CTR and
 * conversions of a campaign table gave six pair findings that say one thing. A measure may join two clusters (a
 * home's floor area moves with its price and, apart, with its rooms); pairs outside every cluster keep their own
 * findings. Clusters are grown greedily from the strongest pair not yet inside one (finding the largest cliques is
 * NP-hard, and a few hundred measures must stay fast).
 */
final class CorrelatedClusters {

    static final double STRONG = 0.7;

    /** A significant correlation between two measures, and the finding that would tell it alone. */
    record Pair(String a, String b, double pearson, double spearman, double strength, double pValue, long n,
                KeyFinding finding) {

        boolean joins() {
            return strength >= STRONG && (Double.isNaN(pearson) ? spearman : pearson) > 0;
        }
    }

    private CorrelatedClusters() {
    }

    /**
     * The findings: one per cluster, then those of the pairs outside every cluster.
     *
     * @param order the measures in the report's order (money first, then the file's), for naming a cluster's members
     */
    static List<KeyFinding> findings(List<Pair> pairs, List<String> order) {
        Map<Set<String>, Pair> strong = new LinkedHashMap<>();
        pairs.stream().filter(Pair::joins).sorted(Comparator.comparingDouble(p -> -p.strength()))
                .forEach(p -> strong.put(Set.of(p.a(), p.b()), p));
        List<List<String>> clusters = new ArrayList<>();
        List<KeyFinding> findings = new ArrayList<>();
        for (Pair seed : strong.values()) {
            if (clusters.stream().anyMatch(c -> c.contains(seed.a()) && c.contains(seed.b()))) {
                continue;
            }
            List<String> members = new ArrayList<>(List.of(seed.a(), seed.b()));
            for (String candidate : order) {
                if (!members.contains(candidate)
                        && members.stream().allMatch(m -> strong.containsKey(Set.of(m, candidate)))) {
                    members.add(candidate);
                }
            }
            if (members.size() >= 3) {
                clusters.add(members);
                findings.add(clusterFinding(members.stream().sorted(Comparator.comparingInt(order::indexOf))
                        .toList(), strong));
            }
        }
        // every pair inside a cluster is one of its strong pairs
        pairs.stream().filter(p -> clusters.stream().noneMatch(c -> c.contains(p.a()) && c.contains(p.b())))
                .forEach(p -> findings.add(p.finding()));
        return findings;
    }

    private static KeyFinding clusterFinding(List<String> members, Map<Set<String>, Pair> strong) {
        List<Pair> inside = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            for (int j = i + 1; j < members.size(); j++) {
                inside.add(strong.get(Set.of(members.get(i), members.get(j))));
            }
        }
        double weakest = inside.stream().mapToDouble(Pair::strength).min().orElseThrow();
        double strongest = inside.stream().mapToDouble(Pair::strength).max().orElseThrow();
        double p = inside.stream().mapToDouble(Pair::pValue).max().orElseThrow();
        long n = inside.stream().mapToLong(Pair::n).min().orElseThrow();
        Pair top = inside.stream().max(Comparator.comparingDouble(Pair::strength)).orElseThrow();
        String sentence = String.format("%s are strongly positively correlated with one another (Pearson r or "
                        + "Spearman ρ %s to %s between every pair, n ≥ %s, each %s).", Text.list(members),
                Text.coefficient(weakest), Text.coefficient(strongest), Text.count(n), Text.pValue(p));
        return KeyFinding.of("correlation", sentence, weakest, KeyFinding.significanceOf(p), members,
                "scatter:" + top.a() + ":" + top.b(), List.of());
    }
}
