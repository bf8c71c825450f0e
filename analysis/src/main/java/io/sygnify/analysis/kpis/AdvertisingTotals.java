package io.sygnify.analysis.kpis;

import io.sygnify.analysis.AnalysisCancelledException;
import io.sygnify.analysis.engine.AnalysisContext;
import io.sygnify.analysis.engine.Text;
import io.sygnify.analysis.ingest.ColumnTypeResolver;
import io.sygnify.analysis.report.Kpis;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An advertiser's totals over some rows (all, or one campaign's) and the rates made of them. A total whose column
 * is not in the file is NaN, and so is every rate made of it; rates with a zero denominator are absent too.
 *
 * @param label the group's value, or null for all rows
 */
record AdvertisingTotals(String label, double impressions, double clicks, double spend, double conversions, double revenue) {

    /** Figures by indicator name, in the order a media buyer reads them; absent ones left out. */
    Map<String, Double> figures() {
        Map<String, Double> figures = new LinkedHashMap<>();
        put(figures, "impressions", impressions);
        put(figures, "clicks", clicks);
        put(figures, "click_through_rate", ratio(clicks, impressions));
        put(figures, "conversions", conversions);
        put(figures, "conversion_rate", ratio(conversions, clicks));
        put(figures, "spend", spend);
        put(figures, "cost_per_click", ratio(spend, clicks));
        put(figures, "cost_per_mille", ratio(1000 * spend, impressions));
        put(figures, "cost_per_conversion", ratio(spend, conversions));
        put(figures, "revenue", revenue);
        put(figures, "return_on_ad_spend", ratio(revenue, spend));
        return figures;
    }

    List<Kpis.Indicator> indicators() {
        List<Kpis.Indicator> list = new ArrayList<>();
        figures().forEach((name, value) -> list.add(new Kpis.Indicator(name, value, unit(name), null, note(name))));
        return list;
    }

    /** "4.2 M impressions gave 120,000 clicks (CTR 2.3 %) …": the whole funnel in one sentence. */
    String sentence() {
        StringBuilder s = new StringBuilder(String.format("%s impressions gave %s clicks (click-through rate %s)",
                Text.number(impressions), Text.number(clicks), Text.percent(clicks / impressions)));
        if (!Double.isNaN(conversions) && clicks > 0) {
            s.append(String.format(" and %s conversions (%s of clicks)", Text.number(conversions),
                    Text.percent(conversions / clicks)));
        }
        if (!Double.isNaN(spend)) {
            s.append(String.format("; %s was spent, %s per click", Text.number(spend),
                    clicks > 0 ? Text.number(spend / clicks) : "nothing"));
            if (!Double.isNaN(conversions) && conversions > 0) {
                s.append(String.format(" and %s per conversion", Text.number(spend / conversions)));
            }
        }
        if (!Double.isNaN(revenue) && !Double.isNaN(spend) && spend > 0) {
            s.append(String.format("; it brought %s in revenue, a return on ad spend of %s",
                    Text.number(revenue), Text.percent(revenue / spend)));
        }
        return s.append('.').toString();
    }

    private static double ratio(double numerator, double denominator) {
        return denominator > 0 ? numerator / denominator : Double.NaN;
    }

    private static void put(Map<String, Double> figures, String name, double value) {
        if (Double.isFinite(value)) {
            figures.put(name, value);
        }
    }

    private static String unit(String name) {
        return switch (name) {
            case "impressions", "clicks", "conversions" -> "count";
            case "click_through_rate", "conversion_rate", "return_on_ad_spend" -> "ratio";
            default -> "currency";
        };
    }

    private static String note(String name) {
        return switch (name) {
            case "click_through_rate" -> "total clicks / total impressions";
            case "conversion_rate" -> "total conversions / total clicks";
            case "cost_per_click" -> "total spend / total clicks";
            case "cost_per_mille" -> "total spend per 1,000 impressions";
            case "cost_per_conversion" -> "total spend / total conversions";
            case "return_on_ad_spend" -> "total revenue / total spend";
            default -> "sum of " + name;
        };
    }

    /** Sums the advertiser's columns, over all rows or per value of a dimension. */
    record Query(AnalysisContext context, int impressions, int clicks, Optional<Integer> spend,
                 Optional<Integer> conversions, Optional<Integer> revenue) {

        AdvertisingTotals overall() throws SQLException, AnalysisCancelledException {
            return context.session().query("SELECT NULL, " + sums() + " FROM " + ColumnTypeResolver.TABLE,
                    row -> {
                        row.next();
                        return read(row);
                    });
        }

        /** The {@code limit} values with the most spend (impressions without a spend column). */
        List<AdvertisingTotals> by(int dimension, int limit) throws SQLException, AnalysisCancelledException {
            String d = context.sql(dimension);
            int order = spend.isPresent() ? 4 : 2;
            return context.session().query("SELECT CAST(" + d + " AS VARCHAR) AS v, " + sums() + " FROM "
                    + ColumnTypeResolver.TABLE + " WHERE " + d + " IS NOT NULL GROUP BY v ORDER BY " + order
                    + " DESC NULLS LAST, v LIMIT " + limit, row -> {
                        List<AdvertisingTotals> list = new ArrayList<>();
                        while (row.next()) {
                            list.add(read(row));
                        }
                        return list;
                    });
        }

        private String sums() {
            return sum(Optional.of(impressions)) + ", " + sum(Optional.of(clicks)) + ", " + sum(spend) + ", "
                    + sum(conversions) + ", " + sum(revenue);
        }

        private String sum(Optional<Integer> column) {
            return column.map(i -> "sum(" + context.sql(i) + "::DOUBLE)").orElse("NULL::DOUBLE");
        }

        private static AdvertisingTotals read(java.sql.ResultSet row) throws SQLException {
            double[] values = new double[5];
            for (int k = 0; k < 5; k++) {
                double value = row.getDouble(k + 2);
                values[k] = row.wasNull() ? Double.NaN : value;
            }
            return new AdvertisingTotals(row.getString(1), values[0], values[1], values[2], values[3], values[4]);
        }
    }
}
