package io.sygnify.analysis.relationships;

import io.sygnify.analysis.report.Relationships;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures that move together: linked by |Pearson r| of at least {@value #THRESHOLD}, directly or through each other.
 * A price history's open, high, low, close and adjusted close are one such group; told pair by pair, they filled
 * the key findings with ten correlations and four copies of one trend.
 */
public final class CoMovingGroups {

    public static final double THRESHOLD = 0.95;

    private final Map<String, String> representative;
    private final Map<String, Integer> index;
    private final double[][] r;

    private CoMovingGroups(Map<String, String> representative, Map<String, Integer> index, double[][] r) {
        this.representative = representative;
        this.index = index;
        this.r = r;
    }

    /** Groups of two or more measures (indices into {@code r}), each in column order, in order of first member. */
    public static List<List<Integer>> of(double[][] r) {
        int m = r.length;
        int[] parent = new int[m];
        for (int i = 0; i < m; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                if (Math.abs(r[i][j]) >= THRESHOLD) {
                    parent[root(parent, j)] = root(parent, i);
                }
            }
        }
        Map<Integer, List<Integer>> byRoot = new LinkedHashMap<>();
        for (int i = 0; i < m; i++) {
            byRoot.computeIfAbsent(root(parent, i), k -> new ArrayList<>()).add(i);
        }
        return byRoot.values().stream().filter(group -> group.size() >= 2).toList();
    }

    /** The groups of a report's Pearson matrix, by column name. */
    public static CoMovingGroups of(Relationships relationships) {
        Map<String, String> representative = new HashMap<>();
        Map<String, Integer> index = new HashMap<>();
        List<String> names = relationships == null ? List.of() : relationships.numericColumns();
        List<List<Double>> pearson = relationships == null ? null : relationships.pearson();
        double[][] r = new double[0][0];
        if (pearson != null && !names.isEmpty() && pearson.size() == names.size()) {
            r = new double[names.size()][names.size()];
            for (int i = 0; i < names.size(); i++) {
                for (int j = 0; j < names.size(); j++) {
                    Double value = pearson.get(i).get(j);
                    r[i][j] = value == null ? Double.NaN : value;
                }
            }
            for (List<Integer> group : of(r)) {
                group.forEach(i -> representative.put(names.get(i), names.get(group.get(0))));
            }
            for (int i = 0; i < names.size(); i++) {
                index.put(names.get(i), i);
            }
        }
        return new CoMovingGroups(representative, index, r);
    }

    /** Each group's columns, in the given order (the file's). */
    public List<List<String>> groups(List<String> order) {
        Map<String, List<String>> byRepresentative = new LinkedHashMap<>();
        for (String column : order) {
            if (representative.containsKey(column)) {
                byRepresentative.computeIfAbsent(representative.get(column), k -> new ArrayList<>()).add(column);
            }
        }
        return List.copyOf(byRepresentative.values());
    }

    public boolean inGroup(String column) {
        return representative.containsKey(column);
    }

    /** The first column of the group {@code column} belongs to, or the column itself. */
    public String representative(String column) {
        return representative.getOrDefault(column, column);
    }

    /** {@code columns} in the order of the report's numeric columns (the file's). */
    public List<String> inColumnOrder(java.util.Collection<String> columns) {
        return columns.stream().sorted(java.util.Comparator.comparingInt(c -> index.getOrDefault(c, Integer.MAX_VALUE)))
                .toList();
    }

    /** Whether {@code a} and {@code b} are in one group and rise and fall together (not one against the other). */
    public boolean moveAlike(String a, String b) {
        Integer i = index.get(a);
        Integer j = index.get(b);
        return inGroup(a) && representative(a).equals(representative(b)) && i != null && j != null && r[i][j] > 0;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
