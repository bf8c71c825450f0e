package io.sygnify.analysis.relationships;

import io.sygnify.analysis.AnalysisCancelledException;
import io.sygnify.analysis.engine.AnalysisContext;
import io.sygnify.analysis.engine.Text;
import io.sygnify.analysis.ingest.ColumnTypeResolver;
import io.sygnify.analysis.report.KeyFinding;
import io.sygnify.analysis.report.Relationships;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Correlations that a dimension makes. When one dimension explains most of the variance of both measures (prices
 * and volumes of five tickers: a cheap stock trades in large volumes), their correlation over all rows may only
 * compare the groups. Each such pair is measured again within the groups (each value minus its group's mean):
 * when the correlation vanishes there, the finding says it lives between the groups; when it reverses, that is
 * Simpson's paradox, and the finding says so. Pairs correlated within their groups too keep their finding.
 */
final class BetweenGroupCorrelations {

    /** Share of each measure's variance the dimension must explain for the pair to be measured again. */
    static final double EXPLAINED = 0.5;

    private final AnalysisContext context;
    // dimension → measure → η²
    private final Map<String, Map<String, Double>> explained = new HashMap<>();

    /** @param pairs the relationships found, whose correlation ratios say how much each dimension explains */
    BetweenGroupCorrelations(AnalysisContext context, List<Relationships.Pair> pairs) {
        this.context = context;
        for (Relationships.Pair pair : pairs) {
            if (pair.method().equals("correlation_ratio")) {
                explained.computeIfAbsent(pair.a(), d -> new HashMap<>()).put(pair.b(), pair.value() * pair.value());
            }
        }
    }

    /**
     * Returns the pairs whose correlation holds within the groups; the findings of the others, restated, are added
     * to {@code findings}.
     */
    List<CorrelatedClusters.Pair> review(List<CorrelatedClusters.Pair> pairs, List<KeyFinding> findings)
            throws SQLException, AnalysisCancelledException {
        List<CorrelatedClusters.Pair> kept = new ArrayList<>();
        for (CorrelatedClusters.Pair pair : pairs) {
            String dimension = Double.isNaN(pair.pearson()) ? null : dimensionExplaining(pair.a(), pair.b());
            KeyFinding restated = dimension == null ? null : restate(pair, dimension);
            if (restated == null) {
                kept.add(pair);
            } else {
                findings.add(restated);
            }
        }
        return kept;
    }

    /** The dimension explaining at least {@value #EXPLAINED} of both measures' variance, the most of the weaker. */
    private String dimensionExplaining(String a, String b) {
        String best = null;
        double most = EXPLAINED;
        for (Map.Entry<String, Map<String, Double>> entry : explained.entrySet()) {
            double weaker = Math.min(entry.getValue().getOrDefault(a, 0.0), entry.getValue().getOrDefault(b, 0.0));
            if (weaker >= most) {
                most = weaker;
                best = entry.getKey();
            }
        }
        return best;
    }

    private KeyFinding restate(CorrelatedClusters.Pair pair, String dimension)
            throws SQLException, AnalysisCancelledException {
        double[] within = within(pair.a(), pair.b(), dimension);
        double r = pair.pearson();
        double w = within[0];
        if (Double.isNaN(w)) {
            return null;
        }
        String share = String.format("%s explains %s of the variance of %s and %s of %s", dimension,
                Text.percent(explained.get(dimension).get(pair.a())), pair.a(),
                Text.percent(explained.get(dimension).get(pair.b())), pair.b());
        List<String> columns = List.of(pair.a(), pair.b(), dimension);
        String chart = "scatter:" + pair.a() + ":" + pair.b();
        double pWithin = Correlations.correlationPValue(w, (long) within[1]);
        if (Math.signum(w) != Math.signum(r) && Math.abs(w) >= RelationshipAnalysis.NOTABLE
                && pWithin < RelationshipAnalysis.ALPHA) {
            return KeyFinding.of("correlation", String.format("%s and %s are %s correlated over all rows (Pearson r = "
                            + "%s) but %s within each %s (r = %s, %s): the direction reverses once %s is held fixed "
                            + "(Simpson's paradox). %s.", pair.a(), pair.b(), r < 0 ? "negatively" : "positively",
                    Text.coefficient(r), w < 0 ? "negatively" : "positively", dimension, Text.coefficient(w),
                    Text.pValue(pWithin), dimension, share), Math.max(Math.abs(r), Math.abs(w)),
                    KeyFinding.significanceOf(pWithin), columns, chart, List.of());
        }
        if (Math.abs(w) < RelationshipAnalysis.NOTABLE && Math.abs(w) < Math.abs(r) / 2) {
            return KeyFinding.of("correlation", String.format("%s and %s are correlated over all rows (Pearson r = %s) "
                            + "only because they differ by %s: within each %s, r = %s. %s.", pair.a(), pair.b(),
                    Text.coefficient(r), dimension, dimension, Text.coefficient(w), share),
                    Math.abs(r) * 0.6, pair.finding().significance(), columns, chart, List.of());
        }
        return null;
    }

    /** Pearson's r of the two measures' deviations from their group means, and the rows it is computed on. */
    private double[] within(String a, String b, String dimension) throws SQLException, AnalysisCancelledException {
        String x = context.sql(context.index(a)) + "::DOUBLE";
        String y = context.sql(context.index(b)) + "::DOUBLE";
        String d = context.sql(context.index(dimension));
        String present = x + " IS NOT NULL AND " + y + " IS NOT NULL";
        return context.session().query("WITH means AS (SELECT " + d + " AS g, avg(" + x + ") AS mx, avg(" + y
                + ") AS my FROM " + ColumnTypeResolver.TABLE + " WHERE " + present + " GROUP BY 1)"
                + " SELECT corr(" + x + " - mx, " + y + " - my), count(*) FROM " + ColumnTypeResolver.TABLE
                + " JOIN means ON " + d + " IS NOT DISTINCT FROM g WHERE " + present, row -> {
                    row.next();
                    double r = row.getDouble(1);
                    return new double[] {row.wasNull() ? Double.NaN : r, row.getLong(2)};
                });
    }
}
