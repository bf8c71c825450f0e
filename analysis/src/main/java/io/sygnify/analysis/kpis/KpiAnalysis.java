package io.sygnify.analysis.kpis;

import io.sygnify.analysis.AnalysisCancelledException;
import io.sygnify.analysis.engine.AnalysisContext;
import io.sygnify.analysis.engine.Analyzed;
import io.sygnify.analysis.report.Kpis;
import io.sygnify.analysis.report.Segments;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Domain indicators (see {@link Kpis}). A domain is computed only when its columns are found by name and have
 * the right shape (a numeric measure, a time column, a two-valued flag …); nothing is ever filled with a default,
 * and every absence is explained in the notes.
 */
public final class KpiAnalysis {

    private final AnalysisContext context;
    private final Segments segments;
    private final List<List<String>> candidateKeys;
    private final Optional<CurrencyMix.Mix> currencies;

    /**
     * @param segments      the segments already found, whose flag rates a fraud flag's indicator lists
     * @param candidateKeys the dataset's candidate keys, which tell series in time apart (a date and a ticker)
     * @param currencies    the amount's currencies when there are several: no figure in money is taken over them
     */
    public KpiAnalysis(AnalysisContext context, Segments segments, List<List<String>> candidateKeys,
                Optional<CurrencyMix.Mix> currencies) {
        this.context = context;
        this.segments = segments;
        this.candidateKeys = candidateKeys;
        this.currencies = currencies;
    }

    public Analyzed<Kpis> run() throws SQLException, AnalysisCancelledException {
        KpiScope scope = new KpiScope(context, segments == null ? List.of() : segments.flagRates(),
                candidateKeys, currencies);
        List<Kpis.Domain> domains = new ArrayList<>();
        List<DomainKpis> candidates = new ArrayList<>(List.of(new PriceSeriesKpis(scope)));
        if (currencies.isPresent()) {
            // a price series' returns have no unit; every other domain adds money
            CurrencyMix.Mix mix = currencies.get();
            scope.note(String.format("profit_and_loss, plan_vs_actual, subscriptions, advertising and retail: %s is in %d "
                    + "currencies (%s), and a total across them would add one to another; filter the file to one "
                    + "currency for these figures. transactions gives its counts and rates, and its totals per "
                    + "currency.", mix.amount(), mix.currencies().size(), mix.column()));
            candidates.add(new TransactionKpis(scope));
        } else {
            addMoneyDomains(scope, candidates);
        }
        for (DomainKpis domain : candidates) {
            domain.compute().ifPresent(domains::add);
        }
        return new Analyzed<>(new Kpis(domains, scope.notes()), scope.findings());
    }

    private static void addMoneyDomains(KpiScope scope, List<DomainKpis> candidates) {
        candidates.addAll(List.of(new ProfitAndLossKpis(scope), new PlanVsActualKpis(scope),
                new SubscriptionKpis(scope), new AdvertisingKpis(scope)));
        if (AdvertisingKpis.applies(scope)) {
            // a row of an ad platform's export is a campaign's day, its spend no sale and no payment
            scope.note("transactions and retail: the rows are advertising results (impressions and clicks), not "
                    + "sales or payments.");
        } else {
            candidates.add(new TransactionKpis(scope));
            candidates.add(new RetailKpis(scope));
        }
    }
}
