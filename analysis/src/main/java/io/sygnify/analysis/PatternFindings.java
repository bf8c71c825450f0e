package io.sygnify.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The trend, seasonality and change-point findings of the time series, held back until every series is analysed.
 * A sum per period rises, shifts or has a weekly rhythm whenever the number of rows does (more orders, more
 * revenue), so sums that share a pattern with the row count are told in the row count's finding — "…; so do
 * quantity and revenue (sums per day)" — rather than each in a finding of its own that repeats it. Means per
 * period, which the row count does not drive, keep their own findings; the time-series section shows every one.
 */
final class PatternFindings {

    private record Held(String measure, String aggregate, KeyFinding finding) {
    }

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
                .add(new Held(measure, aggregate, finding));
    }

    /** The findings to report. */
    List<KeyFinding> told() {
        List<KeyFinding> told = new ArrayList<>();
        byPattern.values().forEach(pattern -> {
            List<Held> held = pattern.held();
            Held rows = held.stream().filter(h -> h.measure().equals("rows")).findFirst().orElse(null);
            List<Held> echoes = rows == null ? List.of()
                    : held.stream().filter(h -> h.aggregate().equals("sum")).toList();
            held.stream().filter(h -> h != rows && !echoes.contains(h)).forEach(h -> told.add(h.finding()));
            if (rows != null) {
                told.add(echoes.isEmpty() ? rows.finding() : withEchoes(rows.finding(), echoes,
                        pattern.past(), pattern.period()));
            }
        });
        return told;
    }

    private static KeyFinding withEchoes(KeyFinding rows, List<Held> echoes, boolean past, String unit) {
        List<String> names = echoes.stream().map(Held::measure).toList();
        String so = past ? "so did" : echoes.size() == 1 ? "so does" : "so do";
        String sentence = rows.sentence().substring(0, rows.sentence().length() - 1) + "; " + so + " "
                + Text.list(names) + " (" + (echoes.size() == 1 ? "sum" : "sums") + " per " + unit + ").";
        List<String> columns = new ArrayList<>(rows.evidence().columns());
        columns.addAll(names);
        return KeyFinding.of(rows.kind(), sentence, rows.impact(), rows.significance(), columns,
                rows.evidence().chartKey(), rows.evidence().rows());
    }
}
