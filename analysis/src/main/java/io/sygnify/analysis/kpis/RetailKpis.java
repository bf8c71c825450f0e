package io.sygnify.analysis.kpis;

import io.sygnify.analysis.AnalysisCancelledException;
import io.sygnify.analysis.engine.ColumnRoles;
import io.sygnify.analysis.engine.HeaderWords;
import io.sygnify.analysis.engine.Results;
import io.sygnify.analysis.ingest.ColumnTypeResolver;
import io.sygnify.analysis.report.Kpis;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Retail indicators: revenue by category, store or channel, ABC classes of products, RFM segments of customers. */
final class RetailKpis extends DomainKpis {

    private static final Pattern PRODUCT = Pattern.compile("(^|_)(product|item|sku|article)($|_)");
    // an order export's e-mail column is its customer
    private static final Pattern CUSTOMER = Pattern.compile("(^|_)(customer|client|user|buyer|member|account|e_?mail)"
            + "($|_)");
    // a card's brand or country (Visa, NG) is how a customer paid, not what or where the shop sold
    private static final Pattern RETAIL_DIMENSION = Pattern.compile("(^|_)(?<!card_)(category|store|shop|channel"
            + "|department|brand|region|country|vendor|supplier|segment)($|_)");

    RetailKpis(KpiScope scope) {
        super(scope);
    }

    @Override
    Optional<Kpis.Domain> compute() throws SQLException, AnalysisCancelledException {
        Optional<Integer> amount = scope.amount();
        Optional<Integer> product = scope.find(PRODUCT, ColumnRoles.CATEGORY, ColumnRoles.IDENTIFIER,
                ColumnRoles.FREE_TEXT);
        Optional<Integer> dimension = scope.find(RETAIL_DIMENSION, ColumnRoles.CATEGORY, ColumnRoles.FLAG);
        Optional<Integer> customer = scope.find(CUSTOMER, ColumnRoles.CATEGORY, ColumnRoles.IDENTIFIER);
        if (amount.isEmpty() || (product.isEmpty() && dimension.isEmpty() && customer.isEmpty())) {
            scope.note("retail: needs a sales amount and a product, category, store, channel or customer column.");
            return Optional.empty();
        }
        String a = context.sql(amount.get()) + "::DOUBLE";
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("amount", context.name(amount.get()));
        List<Kpis.Indicator> indicators = new ArrayList<>();
        for (int i = 0; i < context.columns().size(); i++) {
            String role = context.profile(i).role();
            // two stores are a dimension too, though their column is two-valued
            if ((role.equals(ColumnRoles.CATEGORY) || role.equals(ColumnRoles.FLAG))
                    && RETAIL_DIMENSION.matcher(HeaderWords.english(context.name(i))).find()) {
                columns.put("dimension_" + KpiScope.normalized(context.name(i)), context.name(i));
                indicators.add(revenueBy(i, a));
            }
        }
        if (product.isPresent()) {
            columns.put("product", context.name(product.get()));
            indicators.add(abc(product.get(), a));
        }
        Optional<Integer> time = scope.time();
        if (customer.isPresent() && time.isPresent()) {
            columns.put("customer", context.name(customer.get()));
            columns.put("date", context.name(time.get()));
            indicators.add(rfm(customer.get(), time.get(), a));
        } else {
            scope.note("retail: RFM segments need a customer column and a date column.");
        }
        return Optional.of(new Kpis.Domain("retail", columns, indicators));
    }

    private Kpis.Indicator revenueBy(int dimension, String a) throws SQLException, AnalysisCancelledException {
        List<Map<String, Object>> rows = context.session().query("SELECT CAST(" + context.sql(dimension)
                + " AS VARCHAR) AS v, sum(" + a + ") AS s, sum(" + a + ") / sum(sum(" + a + ")) OVER () FROM "
                + ColumnTypeResolver.TABLE + " WHERE " + context.sql(dimension) + " IS NOT NULL GROUP BY v ORDER BY s"
                + " DESC, v LIMIT 10", row -> {
                    List<Map<String, Object>> list = new ArrayList<>();
                    while (row.next()) {
                        Map<String, Object> item = new LinkedHashMap<>();
                        item.put("value", row.getString(1));
                        item.put("revenue", row.getDouble(2));
                        item.put("share", Results.finite(row.getDouble(3)));
                        list.add(item);
                    }
                    return list;
                });
        return new Kpis.Indicator("revenue_by_" + KpiScope.normalized(context.name(dimension)), null, "currency", rows,
                "sum of the amount by " + context.name(dimension) + ", top 10");
    }

    private Kpis.Indicator abc(int product, String a) throws SQLException, AnalysisCancelledException {
        String p = context.sql(product);
        String sql = "WITH t AS (SELECT " + p + " AS p, sum(" + a + ") AS s FROM " + ColumnTypeResolver.TABLE
                // an item's class is set by the share of revenue before it, summed directly: a running total
                // minus the item's own share can land a hair under a boundary it sits exactly on
                + " WHERE " + p + " IS NOT NULL GROUP BY p HAVING sum(" + a + ") > 0), c AS (SELECT s, coalesce(sum(s)"
                + " OVER (ORDER BY s DESC, p ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) / sum(s) OVER ()"
                + " AS before FROM t) SELECT CASE WHEN before < 0.8 THEN 'A' WHEN before < 0.95 THEN 'B' ELSE 'C'"
                + " END AS class, count(*), sum(s) / (SELECT sum(s) FROM t) FROM c GROUP BY class ORDER BY class";
        Map<String, Object> classes = context.session().query(sql, row -> {
            Map<String, Object> map = new LinkedHashMap<>();
            while (row.next()) {
                map.put(row.getString(1), Map.of("items", row.getLong(2), "revenue_share", row.getDouble(3)));
            }
            return map;
        });
        return new Kpis.Indicator("abc_classes", null, "count", classes, "items of " + context.name(product)
                + " by revenue: A make the first 80 %, B the next 15 %, C the last 5 % (items with a positive total)");
    }

    private Kpis.Indicator rfm(int customer, int time, String a) throws SQLException, AnalysisCancelledException {
        String c = context.sql(customer);
        String t = "CAST(" + context.sql(time) + " AS TIMESTAMP)";
        String sql = "WITH per AS (SELECT " + c + " AS c, datediff('day', max(" + t + "), (SELECT max(" + t + ") FROM "
                + ColumnTypeResolver.TABLE + ")) AS recency, count(*) AS frequency, sum(" + a + ") AS monetary FROM "
                + ColumnTypeResolver.TABLE + " WHERE " + c + " IS NOT NULL AND " + context.sql(time)
                // customers tied on a score are split between quintiles by id, the same way on every run
                + " IS NOT NULL GROUP BY c), scored AS (SELECT *, ntile(5) OVER (ORDER BY recency DESC, c) AS r,"
                + " ntile(5) OVER (ORDER BY frequency, c) AS f, ntile(5) OVER (ORDER BY monetary, c) AS m FROM per)"
                + " SELECT CASE WHEN r >= 4 AND f >= 4 THEN 'champions' WHEN f >= 4 THEN 'loyal'"
                + " WHEN r <= 2 AND f >= 3 THEN 'at_risk' WHEN r = 1 AND f <= 2 THEN 'lost'"
                + " WHEN r >= 4 AND f <= 2 THEN 'new_or_occasional' ELSE 'others' END AS segment, count(*),"
                + " sum(monetary) / sum(sum(monetary)) OVER (), median(recency), median(frequency) FROM scored"
                + " GROUP BY segment ORDER BY 2 DESC";
        Map<String, Object> segments = context.session().query(sql, row -> {
            Map<String, Object> map = new LinkedHashMap<>();
            while (row.next()) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("customers", row.getLong(2));
                item.put("monetary_share", Results.finite(row.getDouble(3)));
                item.put("median_recency_days", row.getDouble(4));
                item.put("median_frequency", row.getDouble(5));
                map.put(row.getString(1), item);
            }
            return map;
        });
        return new Kpis.Indicator("rfm_segments", null, "count", segments, "customers scored 1–5 by quintile of"
                + " recency (days since last purchase, to the last date in the file), frequency and monetary value;"
                + " champions R≥4 F≥4, loyal F≥4, at risk R≤2 F≥3, lost R=1 F≤2, new or occasional R≥4 F≤2");
    }
}
