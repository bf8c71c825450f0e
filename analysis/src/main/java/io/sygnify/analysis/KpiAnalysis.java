package io.sygnify.analysis;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Domain indicators (see {@link Kpis}). A domain is computed only when its columns are found by name and have
 * the right shape (a numeric measure, a time column, a two-valued flag …); nothing is ever filled with a default,
 * and every absence is explained in the notes.
 */
final class KpiAnalysis {

    private final AnalysisContext context;
    private final Segments segments;
    private final List<List<String>> candidateKeys;

    /**
     * @param segments      the segments already found, whose flag rates a fraud flag's indicator lists
     * @param candidateKeys the dataset's candidate keys, which tell series in time apart (a date and a ticker)
     */
    KpiAnalysis(AnalysisContext context, Segments segments, List<List<String>> candidateKeys) {
        this.context = context;
        this.segments = segments;
        this.candidateKeys = candidateKeys;
    }

    Analyzed<Kpis> run() throws SQLException, AnalysisCancelledException {
        KpiScope scope = new KpiScope(context, segments == null ? List.of() : segments.flagRates(),
                candidateKeys);
        List<Kpis.Domain> domains = new ArrayList<>();
        List<DomainKpis> candidates = new ArrayList<>(List.of(new PriceSeriesKpis(scope),
                new ProfitAndLossKpis(scope), new PlanVsActualKpis(scope), new AdvertisingKpis(scope)));
        if (AdvertisingKpis.applies(scope)) {
            // a row of an ad platform's export is a campaign's day, its spend no sale and no payment
            scope.note("transactions and retail: the rows are advertising results (impressions and clicks), not "
                    + "sales or payments.");
        } else {
            candidates.add(new TransactionKpis(scope));
            candidates.add(new RetailKpis(scope));
        }
        for (DomainKpis domain : candidates) {
            domain.compute().ifPresent(domains::add);
        }
        return new Analyzed<>(new Kpis(domains, scope.notes()), scope.findings());
    }
}
