package io.sygnify.analysis.engine;

import io.sygnify.analysis.relationships.RunningTotals;
import io.sygnify.analysis.report.ColumnProfile;
import io.sygnify.analysis.time.CumulativeCounts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * What every analysis works from: the typed table in the session, its columns and their profiles. Chooses the
 * main measures, dimensions and time columns the analyses share, so that they all talk about the same columns.
 *
 * @param runningTotals measures that are running totals of others ({@link RunningTotals}) or counts to date
 *                      ({@link CumulativeCounts}): what they say, the measures they add up (or their increases)
 *                      say, and their own values grow with time, not with anything else
 * @param cumulative    of those, the counts to date, whose series in time is of their increases
 */
public record AnalysisContext(DuckDbSession session, List<DatasetColumn> columns, List<ColumnProfile> profiles,
                       long rows, Set<String> runningTotals,
                       Map<String, CumulativeCounts.Cumulative> cumulative) {

    public AnalysisContext(DuckDbSession session, List<DatasetColumn> columns, List<ColumnProfile> profiles, long rows) {
        this(session, columns, profiles, rows, Set.of(), Map.of());
    }

    public AnalysisContext withRunningTotals(Set<String> names, List<CumulativeCounts.Cumulative> counts) {
        Set<String> all = new HashSet<>(names);
        Map<String, CumulativeCounts.Cumulative> byName = new HashMap<>();
        for (CumulativeCounts.Cumulative count : counts) {
            all.add(count.column());
            byName.put(count.column(), count);
        }
        return new AnalysisContext(session, columns, profiles, rows, Set.copyOf(all),
                Map.copyOf(byName));
    }

    private static final Pattern MEASURE_NAME = Pattern.compile(
            "amount|revenue|sales|total|price|value|cost|profit|income|spend|paid|fee|qty|quantity|units|volume"
                    + "|balance|margin|close|count");
    // a total of prices, rates or levels means nothing; such a measure is averaged, per group and per period
    private static final Pattern INTENSIVE_NAME = Pattern.compile("price|rate|ratio|pct|percent|percentage|score"
            + "|temp|temperature|age|avg|average|mean|index|level|yield|speed|humidity|close|open|high|low"
            // readings of instruments: a day's sum of a battery's voltage is no quantity
            + "|voltage|volt|volts|battery|pressure|rpm|rssi|signal|bpm|ph|density|concentration|utilization"
            + "|utilisation"
            // a day's total of flight delays or response times says more about the number of rows than about them
            + "|delay|delays|latency|lateness|time|duration|response|resolution|wait|csat|nps|satisfaction|rating"
            + "|stars|probability|likelihood"
            // an advertiser's and a shop's ratios: click-through and conversion rates, costs per click, per
            // thousand impressions and per acquisition, returns on spend, order values, revenue per user
            + "|ctr|cvr|cpc|cpm|cpa|cpl|cpi|roas|roi|aov|arpu");
    // an interval scale: zero is no absence, so no percentages of it, and values below zero are no surprise
    public static final Pattern INTERVAL_NAME = Pattern.compile("temp|temperature|celsius|fahrenheit|degc|degf");
    private static final double SIMILAR_VARIETY = 0.9;
    static final int SCALE_ITEMS = 3;
    private static final Pattern DIMENSION_NAME = Pattern.compile(
            "categor(y|ies)|type|region|store|shop|channel|segment|country|city|state|product|brand|department|status"
                    + "|gender|method|class|group|merchant|kind|source|sector|industry");

    public DatasetColumn column(int index) {
        return columns.get(index);
    }

    public ColumnProfile profile(int index) {
        return profiles.get(index);
    }

    public String name(int index) {
        return columns.get(index).name();
    }

    /** The index of the column named {@code name} (names are unique), or -1. */
    public int index(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (name(i).equals(name)) {
                return i;
            }
        }
        return -1;
    }

    public String sql(int index) {
        return columns.get(index).sqlName();
    }

    /**
     * Numeric columns used as measures, named ones (amount, price …) first, then in file order; not running totals:
     * "total_cases correlates with total_deaths" and "its first days are outliers" say only that both grow.
     */
    public List<Integer> measures(int max) {
        return IntStream.range(0, columns.size())
                .filter(i -> profiles.get(i).role().equals(ColumnRoles.MEASURE))
                .filter(i -> !runningTotals.contains(name(i)))
                .boxed()
                .sorted(Comparator.comparing((Integer i) -> !matches(MEASURE_NAME, name(i))))
                .limit(max).toList();
    }

    /** The measures followed over time: running totals too, the balance of an account being its main series. */
    public List<Integer> measuresOverTime(int max) {
        return IntStream.range(0, columns.size())
                .filter(i -> profiles.get(i).role().equals(ColumnRoles.MEASURE))
                .boxed()
                .sorted(Comparator.comparing((Integer i) -> !matches(MEASURE_NAME, name(i))))
                .limit(max).toList();
    }

    /**
     * Whether sums of the column mean nothing: its name is a price, rate, level … or its values are written as
     * percentages (a discount of 10 % on every order is no discount of 270 % a day).
     */
    public boolean intensive(int index) {
        String format = columns.get(index).format();
        return matches(INTENSIVE_NAME, name(index)) || format != null && format.contains("percent")
                || ratingScale(index);
    }

    /**
     * Whether the column is one of a battery of answers on one rating scale (a survey's questions scored 1–5, or
     * 0–10): {@value #SCALE_ITEMS} or more whole-number measures from 0 or 1 to the same top of at most 10. A day's
     * sum of such answers counts respondents, not satisfaction.
     */
    boolean ratingScale(int index) {
        int[] scale = scale(index);
        if (scale == null) {
            return false;
        }
        long items = IntStream.range(0, columns.size())
                .filter(i -> profiles.get(i).role().equals(ColumnRoles.MEASURE))
                .filter(i -> java.util.Arrays.equals(scale(i), scale)).count();
        return items >= SCALE_ITEMS;
    }

    /** {min, max} of a whole-number column from 0 or 1 to at most 10, or null. */
    private int[] scale(int index) {
        ColumnProfile profile = profiles.get(index);
        if (!profile.type().equals("integer") || !(profile.min() instanceof Number min)
                || !(profile.max() instanceof Number max)) {
            return null;
        }
        int low = min.intValue();
        int high = max.intValue();
        return (low == 0 || low == 1) && high >= 3 && high <= 10 ? new int[] {low, high} : null;
    }

    /** Category and flag columns with 2 to {@code maxDistinct} values, named ones (store, region …) first. */
    public List<Integer> dimensions(long maxDistinct, int max) {
        return IntStream.range(0, columns.size())
                .filter(i -> {
                    String role = profiles.get(i).role();
                    long distinct = profiles.get(i).distinctCount();
                    return (role.equals(ColumnRoles.CATEGORY) || role.equals(ColumnRoles.FLAG))
                            && distinct >= 2 && distinct <= maxDistinct;
                })
                .boxed()
                .sorted(Comparator.comparing((Integer i) -> !matches(DIMENSION_NAME, name(i))))
                .limit(max).toList();
    }

    /** Date and timestamp columns with at least 3 distinct values, the most complete and most varied first. */
    public List<Integer> timeColumns() {
        List<Integer> time = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (profiles.get(i).role().equals(ColumnRoles.TIME) && profiles.get(i).distinctCount() >= 3) {
                time.add(i);
            }
        }
        time.sort(Comparator.comparingLong((Integer i) -> -profiles.get(i).presentCount())
                .thenComparingLong(i -> -profiles.get(i).distinctCount()));
        // a statement's booking date before its value date: of two complete and about as varied, the first in the file
        if (time.size() >= 2 && time.get(1) < time.get(0)) {
            ColumnProfile first = profiles.get(time.get(0));
            ColumnProfile second = profiles.get(time.get(1));
            if (second.presentCount() == first.presentCount()
                    && second.distinctCount() >= SIMILAR_VARIETY * first.distinctCount()) {
                time.add(0, time.remove(1));
            }
        }
        return time;
    }

    /**
     * Whether a word of the name is one of the pattern's words: {@code unit_price}, {@code UnitPrice} and
     * {@code unit price} have the word price; {@code discount} does not have count; {@code Preis} is a price
     * ({@link HeaderWords}).
     */
    public static boolean matches(Pattern pattern, String name) {
        for (String word : HeaderWords.english(name).split("_")) {
            if (pattern.matcher(word).matches()) {
                return true;
            }
        }
        return false;
    }
}
