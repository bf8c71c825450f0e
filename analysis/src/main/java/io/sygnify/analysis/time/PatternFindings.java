package io.sygnify.analysis.time;

import io.sygnify.analysis.engine.Text;
import io.sygnify.analysis.relationships.Correlations;
import io.sygnify.analysis.report.KeyFinding;
import io.sygnify.analysis.report.TimeSeries;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trend, seasonality and change-point findings of the time series, held back until every series is analysed.
 * A sum per period rises, shifts or has a weekly rhythm whenever the number of rows does (more orders, more
 * revenue), so sums that share a pattern with the row count are told in the row count's finding — "…; so do
 * quantity and revenue (sums per day)" — rather than each in a finding of its own that repeats it; without a row
 * count of that pattern, in the strongest sum's. A season is shared when the two profiles (per weekday, month or
 * hour) are alike. Means per period, which the row count does not drive, keep their own findings; the time-series
 * section shows every one.
 */
final class PatternFindings {

    /** @param profile a season's shape, null for other patterns */
    private record Held(String measure, String aggregate, KeyFinding finding, List<Double> profile) {
    }

    // a sum's season echoes the lead's when their profiles are this correlated: the same rhythm, not only the
    // same peak (Saturday and Sunday, equally busy, would otherwise split on noise)
    private static final double SAME_SHAPE = 0.9;

    /** The findings of one pattern, and how an echo of it is said. */
    private record Pattern(boolean past, String period, List<Held> held) {
    }

    private final Map<String, Pattern> byPattern = new LinkedHashMap<>();

    /**
     * @param pattern what a series must share with the row count to echo it: {@code trend:up},
     *                {@code seasonality:weekly}, {@code change_point} …
     * @param past    whether the finding's verb is in the past tense ("rose", "shifted"), for "so did"
     * @param period  what the pattern's values are per (day, hour …), for "(sums per day)"
     */
    void add(String pattern, boolean past, String period, String measure, String aggregate, KeyFinding finding) {
        byPattern.computeIfAbsent(pattern, p -> new Pattern(past, period, new ArrayList<>())).held()
                .add(new Held(measure, aggregate, finding, null));
    }

    /** A significant season of a series, its finding held as {@code seasonality:<kind>}. */
    void season(TimeSeries.Seasonality season, String period, String measure, String aggregate, KeyFinding finding) {
        byPattern.computeIfAbsent("seasonality:" + season.kind(), p -> new Pattern(false, period, new ArrayList<>()))
                .held().add(new Held(measure, aggregate, finding, season.profile()));
    }

    /** The findings to report. */
    List<KeyFinding> told() {
        List<KeyFinding> told = new ArrayList<>();
        byPattern.values().forEach(pattern -> {
            List<Held> held = pattern.held();
            List<Held> sums = held.stream().filter(h -> h.aggregate().equals("sum")).toList();
            // the row count leads; without it, the strongest sum (a fixed set of campaigns a day has no pattern in
            // its row count, and its impressions, clicks and spend per day all peak on Thursdays)
            Held lead = held.stream().filter(h -> h.measure().equals("rows")).findFirst()
                    .or(() -> sums.stream().max(java.util.Comparator.comparingDouble(h -> h.finding().score())))
                    .orElse(null);
            List<Held> echoes = lead == null ? List.of()
                    : sums.stream().filter(h -> h != lead && sameShape(h, lead)).toList();
            held.stream().filter(h -> h != lead && !echoes.contains(h)).forEach(h -> told.add(h.finding()));
            if (lead != null) {
                told.add(echoes.isEmpty() ? lead.finding() : withEchoes(lead.finding(), echoes,
                        pattern.past(), pattern.period()));
            }
        });
        return told;
    }

    private static boolean sameShape(Held a, Held b) {
        if (a.profile() == null || b.profile() == null) {
            return true;
        }
        int n = Math.min(a.profile().size(), b.profile().size());
        double[] x = new double[n];
        double[] y = new double[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (a.profile().get(i) != null && b.profile().get(i) != null) {
                x[k] = a.profile().get(i);
                y[k++] = b.profile().get(i);
            }
        }
        return k >= 3 && Correlations.pearson(java.util.Arrays.copyOf(x, k), java.util.Arrays.copyOf(y, k))
                >= SAME_SHAPE;
    }

    private static KeyFinding withEchoes(KeyFinding lead, List<Held> echoes, boolean past, String unit) {
        List<String> names = echoes.stream().map(Held::measure).toList();
        String so = past ? "so did" : echoes.size() == 1 ? "so does" : "so do";
        String sentence = lead.sentence().substring(0, lead.sentence().length() - 1) + "; " + so + " "
                + Text.list(names) + " (" + (echoes.size() == 1 ? "sum" : "sums") + " per " + unit + ").";
        List<String> columns = new ArrayList<>(lead.evidence().columns());
        names.stream().filter(name -> !columns.contains(name)).forEach(columns::add);
        return KeyFinding.of(lead.kind(), sentence, lead.impact(), lead.significance(), columns,
                lead.evidence().chartKey(), lead.evidence().rows());
    }
}
