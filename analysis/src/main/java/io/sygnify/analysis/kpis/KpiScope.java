package io.sygnify.analysis.kpis;

import io.sygnify.analysis.engine.AnalysisContext;
import io.sygnify.analysis.engine.ColumnRoles;
import io.sygnify.analysis.engine.HeaderWords;
import io.sygnify.analysis.engine.SeriesKey;
import io.sygnify.analysis.report.KeyFinding;
import io.sygnify.analysis.report.Segments;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the domain indicators share: the columns they look for, by name and role, and the notes and findings
 * they add to.
 */
public final class KpiScope {

    // in order of preference: an amount column beats a total, which beats what was spent, which beats a price
    // (a file with spend and revenue sells for its revenue)
    private static final List<Pattern> AMOUNT = List.of(Pattern.compile("(^|_)(amount|amt)($|_)"),
            Pattern.compile("(^|_)(total|value|payment|sales|revenue)($|_)"),
            Pattern.compile("(^|_)(spend)($|_)"),
            Pattern.compile("(^|_)(price)($|_)"));

    // what was refunded, charged on top or taken off; and prices that are no row's money: an asking price, a
    // catalogue price, a price per unit
    private static final Pattern NOT_THE_AMOUNT = Pattern.compile(
            "refund|fee|tax|discount|tip|(list|asking|unit|base|original|regular)_price|msrp|rrp");

    private final AnalysisContext context;
    private final List<Segments.FlagRate> flagRates;
    private final List<List<String>> candidateKeys;
    private final List<String> notes = new ArrayList<>();
    private final List<KeyFinding> findings = new ArrayList<>();

    private final Optional<CurrencyMix.Mix> currencies;

    public KpiScope(AnalysisContext context, List<Segments.FlagRate> flagRates, List<List<String>> candidateKeys) {
        this(context, flagRates, candidateKeys, Optional.empty());
    }

    public KpiScope(AnalysisContext context, List<Segments.FlagRate> flagRates, List<List<String>> candidateKeys,
             Optional<CurrencyMix.Mix> currencies) {
        this.context = context;
        this.flagRates = flagRates;
        this.candidateKeys = candidateKeys;
        this.currencies = currencies;
    }

    /** The amount's currencies when it is in several: then no sum of money is taken over all rows. */
    Optional<CurrencyMix.Mix> currencies() {
        return currencies;
    }

    /** How the rows form series in time, if they do: one series, or one per entity. */
    Optional<SeriesKey> seriesKey() {
        return SeriesKey.of(context, candidateKeys);
    }

    /** Where the segments found {@code flag} concentrated. */
    List<Segments.FlagRate> flagRates(String flag) {
        return flagRates.stream().filter(rate -> rate.flag().equals(flag)).toList();
    }

    AnalysisContext context() {
        return context;
    }

    /** A column name in snake case: {@code Net Sales} and {@code netSales} become {@code net_sales}. */
    static String normalized(String name) {
        return name.strip().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }

    /** The first column with one of {@code roles} whose name, in English words, matches {@code pattern}. */
    Optional<Integer> find(Pattern pattern, String... roles) {
        for (int i = 0; i < context.columns().size(); i++) {
            String role = context.profile(i).role();
            if (List.of(roles).contains(role) && pattern.matcher(HeaderWords.english(context.name(i))).find()) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** The measure holding each row's money: not what was refunded of it (Stripe's "Amount Refunded"). */
    public Optional<Integer> amount() {
        // a budget or a target is no row's money either: what was planned, not paid
        java.util.Set<Integer> plans = new java.util.HashSet<>();
        PlanActualPairs.of(context).forEach(pair -> plans.add(pair.plan()));
        for (Pattern pattern : AMOUNT) {
            for (int i = 0; i < context.columns().size(); i++) {
                String name = HeaderWords.english(context.name(i));
                // a running total is no row's money: total_cases adds up new_cases
                if (context.profile(i).role().equals(ColumnRoles.MEASURE) && pattern.matcher(name).find()
                        && !NOT_THE_AMOUNT.matcher(name).find()
                        && !context.runningTotals().contains(context.name(i)) && !plans.contains(i)) {
                    return Optional.of(i);
                }
            }
        }
        return Optional.empty();
    }

    /** The main time column. */
    Optional<Integer> time() {
        List<Integer> time = context.timeColumns();
        return time.isEmpty() ? Optional.empty() : Optional.of(time.get(0));
    }

    /** Why a domain or an indicator is absent. */
    void note(String note) {
        notes.add(note);
    }

    void finding(KeyFinding finding) {
        findings.add(finding);
    }

    List<String> notes() {
        return notes;
    }

    List<KeyFinding> findings() {
        return findings;
    }
}
