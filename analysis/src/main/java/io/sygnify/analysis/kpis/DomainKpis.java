package io.sygnify.analysis.kpis;

import io.sygnify.analysis.AnalysisCancelledException;
import io.sygnify.analysis.engine.AnalysisContext;
import io.sygnify.analysis.report.Kpis;
import java.sql.SQLException;
import java.util.Optional;

/** The indicators of one domain (price series, P&L …), computed only when the domain's columns are there. */
abstract class DomainKpis {

    protected final KpiScope scope;
    protected final AnalysisContext context;

    protected DomainKpis(KpiScope scope) {
        this.scope = scope;
        this.context = scope.context();
    }

    /** The domain, or empty with a note in the scope saying which columns were missing. */
    abstract Optional<Kpis.Domain> compute() throws SQLException, AnalysisCancelledException;
}
