package io.sygnify.analysis.kpis;

import io.sygnify.analysis.AnalysisCancelledException;
import io.sygnify.analysis.engine.AnalysisContext;
import io.sygnify.analysis.engine.ColumnRoles;
import io.sygnify.analysis.engine.HeaderWords;
import io.sygnify.analysis.engine.Text;
import io.sygnify.analysis.report.KeyFinding;
import io.sygnify.analysis.report.Kpis;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Advertising indicators, from an ad platform's export (a row per campaign and day, with impressions and clicks):
 * click-through rate, conversion rate, cost per click, per thousand impressions and per conversion, and return on
 * ad spend, overall and per campaign (or ad group, channel …). Every rate is a ratio of totals, never a mean of the
 * rows' own rates: a campaign-day with ten impressions must not weigh as much as one with ten thousand.
 */
final class AdvertisingKpis extends DomainKpis {

    private static final Pattern IMPRESSIONS = Pattern.compile("(^|_)(impressions?|impr|imps|views)($|_)");
    private static final Pattern CLICKS = Pattern.compile("(^|_)(clicks?|link_clicks)($|_)");
    private static final Pattern SPEND = Pattern.compile("(^|_)(spend|spent|cost|costs|ad_spend|amount_spent)($|_)");
    private static final Pattern CONVERSIONS = Pattern.compile("(^|_)(conversions?|conv|convs|purchases|orders|leads"
            + "|signups|sign_ups|installs|results)($|_)");
    private static final Pattern REVENUE = Pattern.compile("(^|_)(revenue|conversion_value|conv_value"
            + "|purchase_value|sales|value)($|_)");
    // a rate or a unit cost named like the total it divides: cost per click, conversion rate, avg. CPC
    private static final Pattern PER_UNIT = Pattern.compile("(^|_)(per|rate|ratio|avg|average|ctr|cpc|cpm|cpa)($|_)");
    private static final List<Pattern> DIMENSIONS = List.of(
            Pattern.compile("(^|_)(campaign|campaign_name)($|_)"),
            Pattern.compile("(^|_)(ad_group|adgroup|ad_set|adset|ad_name|creative|keyword)($|_)"),
            Pattern.compile("(^|_)(channel|source|medium|platform|network|placement|publisher)($|_)"));
    private static final int LISTED = 10;

    AdvertisingKpis(KpiScope scope) {
        super(scope);
    }

    /** Whether the file holds advertising results: measures of impressions and of clicks. */
    static boolean applies(KpiScope scope) {
        return total(scope, IMPRESSIONS, false).isPresent() && total(scope, CLICKS, false).isPresent();
    }

    @Override
    Optional<Kpis.Domain> compute() throws SQLException, AnalysisCancelledException {
        Optional<Integer> impressions = total(scope, IMPRESSIONS, false);
        Optional<Integer> clicks = total(scope, CLICKS, false);
        if (impressions.isEmpty() || clicks.isEmpty()) {
            scope.note("advertising: needs an impressions column and a clicks column.");
            return Optional.empty();
        }
        Optional<Integer> conversions = total(scope, CONVERSIONS, true).filter(i -> !i.equals(clicks.get()));
        Optional<Integer> spend = total(scope, SPEND, false);
        Optional<Integer> revenue = total(scope, REVENUE, true);
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("impressions", context.name(impressions.get()));
        columns.put("clicks", context.name(clicks.get()));
        spend.ifPresent(i -> columns.put("spend", context.name(i)));
        conversions.ifPresent(i -> columns.put("conversions", context.name(i)));
        revenue.ifPresent(i -> columns.put("revenue", context.name(i)));
        if (conversions.isEmpty()) {
            scope.note("advertising: no conversions column, so no conversion rate or cost per conversion.");
        }
        if (spend.isEmpty()) {
            scope.note("advertising: no spend or cost column, so no cost per click and no return on ad spend.");
        }
        AdvertisingTotals.Query query = new AdvertisingTotals.Query(context, impressions.get(), clicks.get(), spend, conversions, revenue);
        AdvertisingTotals all = query.overall();
        List<Kpis.Indicator> indicators = new ArrayList<>(all.indicators());
        Optional<Integer> dimension = dimension();
        if (dimension.isPresent()) {
            columns.put("dimension", context.name(dimension.get()));
            List<AdvertisingTotals> groups = query.by(dimension.get(), LISTED);
            List<Map<String, Object>> table = new ArrayList<>();
            for (AdvertisingTotals group : groups) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("value", group.label());
                row.putAll(group.figures());
                table.add(row);
            }
            indicators.add(new Kpis.Indicator("by_" + KpiScope.normalized(context.name(dimension.get())), null,
                    "count", table, "the same figures per " + context.name(dimension.get()) + ", the "
                    + LISTED + " with the most " + (spend.isPresent() ? "spend" : "impressions")));
            returnFinding(dimension.get(), groups, spend, revenue);
        }
        scope.finding(KeyFinding.of("kpi", all.sentence(), 0.5, 1.0, List.copyOf(columns.values()),
                "kpi:advertising", List.of()));
        return Optional.of(new Kpis.Domain("advertising", columns, indicators));
    }

    /**
     * The campaign (or ad group, channel …) that returned most and least per unit spent; a finding only when they
     * differ at least twofold or the least returned less than it cost.
     */
    private void returnFinding(int dimension, List<AdvertisingTotals> groups, Optional<Integer> spend,
                               Optional<Integer> revenue) {
        if (spend.isEmpty() || revenue.isEmpty()) {
            return;
        }
        List<AdvertisingTotals> spent = groups.stream().filter(g -> g.spend() > 0).sorted((a, b) ->
                Double.compare(b.revenue() / b.spend(), a.revenue() / a.spend())).toList();
        if (spent.size() < 2) {
            return;
        }
        AdvertisingTotals best = spent.get(0);
        AdvertisingTotals worst = spent.get(spent.size() - 1);
        double high = best.revenue() / best.spend();
        double low = worst.revenue() / worst.spend();
        if (!(high >= 2 * low) && low >= 1) {
            return;
        }
        String d = context.name(dimension);
        String r = context.name(revenue.get());
        String s = context.name(spend.get());
        String sentence = String.format("Of the %d values of %s, %s returned most per unit of %s (ROAS %s: %s %s on "
                        + "%s %s) and %s least (ROAS %s: %s %s on %s %s)%s.", spent.size(), d, best.label(), s,
                Text.percent(high), r, Text.number(best.revenue()), s, Text.number(best.spend()), worst.label(),
                Text.percent(low), r, Text.number(worst.revenue()), s, Text.number(worst.spend()),
                low < 1 ? ", less than it cost" : "");
        scope.finding(KeyFinding.of("kpi", sentence, Math.min(1, 0.5 + (high - low) / Math.max(high, 1e-9) / 2), 1.0,
                List.of(d, context.name(spend.get()), context.name(revenue.get())), "kpi:advertising", List.of()));
    }

    /** The first category named like a campaign, else like an ad group, else like a channel. */
    private Optional<Integer> dimension() {
        for (Pattern pattern : DIMENSIONS) {
            Optional<Integer> found = scope.find(pattern, ColumnRoles.CATEGORY, ColumnRoles.FLAG);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /**
     * The first measure named by {@code pattern} that is a total, not a rate or a unit cost; with {@code
     * preferExact}, a column named exactly by the pattern's word wins over one that only contains it.
     */
    private static Optional<Integer> total(KpiScope scope, Pattern pattern, boolean preferExact) {
        AnalysisContext context = scope.context();
        Integer first = null;
        for (int i = 0; i < context.columns().size(); i++) {
            String name = HeaderWords.english(context.name(i));
            if (!context.profile(i).role().equals(ColumnRoles.MEASURE) || context.intensive(i)
                    || PER_UNIT.matcher(name).find() || !pattern.matcher(name).find()) {
                continue;
            }
            if (!preferExact || pattern.matcher(name).matches()) {
                return Optional.of(i);
            }
            first = first == null ? i : first;
        }
        return Optional.ofNullable(first);
    }
}
