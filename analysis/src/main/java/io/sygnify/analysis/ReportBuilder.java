package io.sygnify.analysis;

import io.sygnify.analysis.engine.AnalysisContext;
import io.sygnify.analysis.engine.Analyzed;
import io.sygnify.analysis.engine.DatasetColumn;
import io.sygnify.analysis.engine.DuckDbSession;
import io.sygnify.analysis.findings.KeyFindingRanking;
import io.sygnify.analysis.ingest.CsvDialect;
import io.sygnify.analysis.ingest.FileHead;
import io.sygnify.analysis.kpis.CurrencyMix;
import io.sygnify.analysis.kpis.KpiAnalysis;
import io.sygnify.analysis.kpis.KpiScope;
import io.sygnify.analysis.outliers.OutlierAnalysis;
import io.sygnify.analysis.profile.ColumnProfiler;
import io.sygnify.analysis.profile.DatasetProfiler;
import io.sygnify.analysis.quality.MixedQuantities;
import io.sygnify.analysis.quality.QualityAnalysis;
import io.sygnify.analysis.relationships.CoMovingGroups;
import io.sygnify.analysis.relationships.RelationshipAnalysis;
import io.sygnify.analysis.relationships.RunningTotals;
import io.sygnify.analysis.report.ColumnProfile;
import io.sygnify.analysis.report.DatasetSummary;
import io.sygnify.analysis.report.KeyFinding;
import io.sygnify.analysis.report.Kpis;
import io.sygnify.analysis.report.Outliers;
import io.sygnify.analysis.report.Quality;
import io.sygnify.analysis.report.Rejects;
import io.sygnify.analysis.report.Relationships;
import io.sygnify.analysis.report.Segments;
import io.sygnify.analysis.report.TimeSeries;
import io.sygnify.analysis.segments.GroupedMeasures;
import io.sygnify.analysis.segments.SegmentAnalysis;
import io.sygnify.analysis.time.CumulativeCounts;
import io.sygnify.analysis.time.TimeSeriesAnalysis;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Profiles the typed table and runs the analyses, passing each report section on as soon as it is ready. */
final class ReportBuilder {

    // relationships, outliers, time series, segments, KPIs, quality, key findings
    private static final int ANALYSES = 7;
    private static final long SINGLE_THREAD_CELLS = 1_000_000;

    private final DuckDbSession session;
    private final StageProgress stages;
    private final CsvAnalyzer.Ingested ingested;
    private int analysesDone;

    ReportBuilder(DuckDbSession session, StageProgress stages, CsvAnalyzer.Ingested ingested) {
        this.session = session;
        this.stages = stages;
        this.ingested = ingested;
    }

    AnalysisReport build() throws SQLException, AnalysisCancelledException {
        List<DatasetColumn> all = ingested.columns();
        List<DatasetColumn> columns = all;
        List<String> warnings = new ArrayList<>(ingested.warnings());
        long rows = ingested.load().rowsRead();
        Rejects rejects = ingested.rejects();
        stages.section("rejects", rejects);
        if (rows * Math.max(1, columns.size()) < SINGLE_THREAD_CELLS) {
            // on a small table each query is mostly start-up, and a second thread doubles that
            session.execute("SET threads = 1");
        }

        stages.report(AnalysisStage.PROFILING, 0.0, "Profiling columns");
        boolean compact = columns.size() > ColumnProfiler.COMPACT_ABOVE_COLUMNS;
        ColumnProfiler profiler = new ColumnProfiler(session, compact);
        List<ColumnProfile> profiles = profiler.profile(columns, rows, done -> stages.report(
                AnalysisStage.PROFILING, (double) done / columns.size(),
                "Profiled " + done + " of " + columns.size() + " columns"));
        List<MixedQuantities.Found> mixed = MixedQuantities.find(session, columns, profiles);
        profiles = MixedQuantities.withRoles(profiles, mixed);
        stages.section("columns", profiles);
        DatasetSummary dataset = summary(all, columns, profiles, rows, rejects);
        stages.section("dataset", dataset);

        AnalysisContext context = new AnalysisContext(session, columns, profiles, rows);
        stages.report(AnalysisStage.ANALYZING, 0.0, "Looking for relationships between columns");
        List<RunningTotals.RunningTotal> runningTotals = RunningTotals.find(context, dataset.candidateKeys());
        java.util.Set<String> balances = runningTotals.stream().map(RunningTotals.RunningTotal::balance)
                .collect(java.util.stream.Collectors.toSet());
        List<CumulativeCounts.Cumulative> cumulative = CumulativeCounts.find(context, dataset.candidateKeys(),
                balances);
        context = context.withRunningTotals(balances, cumulative);
        GroupedMeasures grouped = new GroupedMeasures(context);
        List<KeyFinding> findings = new ArrayList<>(CumulativeCounts.standings(context, cumulative));
        Relationships relationships = done("relationships", new RelationshipAnalysis(context, grouped)
                .run(runningTotals), findings,
                "Looking for outliers");
        Outliers outliers = done("outliers", new OutlierAnalysis(context, relationships).run(), findings,
                "Analysing trends over time");
        TimeSeries timeSeries = done("time_series", new TimeSeriesAnalysis(context).run(), findings,
                "Comparing segments");
        Segments segments = done("segments", new SegmentAnalysis(context, grouped, relationships).run(), findings,
                "Computing domain indicators");
        if (segments != null) {
            // "units is 45 % higher where promo is yes, product for product" says what "promo explains 16 % of
            // units" says, and says it right
            for (Segments.FlagEffect effect : segments.flagEffects()) {
                // one finding may tell a flag's effects on several measures: its columns name them all
                String told = "flag_effects:" + effect.flag() + ":";
                String said = "segments:" + effect.measure() + ":" + effect.flag();
                if (findings.stream().anyMatch(k -> k.evidence().chartKey() != null
                        && k.evidence().chartKey().startsWith(told)
                        && k.evidence().columns().contains(effect.measure()))) {
                    findings.removeIf(k -> said.equals(k.evidence().chartKey()));
                }
            }
        }
        Optional<CurrencyMix.Mix> currencies = CurrencyMix.find(context,
                new KpiScope(context, List.of(), dataset.candidateKeys()).amount());
        currencies.ifPresent(mix -> findings.removeIf(mix.explains(relationships)));
        Kpis kpis = done("kpis", new KpiAnalysis(context, segments, dataset.candidateKeys(), currencies).run(),
                findings, "Checking data quality");
        CoMovingGroups groups = CoMovingGroups.of(relationships);
        Quality quality = done("quality", new QualityAnalysis(context, dataset).run(relationships, groups, outliers,
                timeSeries, runningTotals, cumulative, mixed, currencies), findings, "Ranking key findings");
        List<KeyFinding> keyFindings = KeyFindingRanking.rank(findings, groups,
                relationships == null ? null : relationships.dependencies());
        stages.section("key_findings", keyFindings);
        stages.report(AnalysisStage.ANALYZING, 1.0, "Analysis complete");
        return new AnalysisReport(AnalysisReport.SCHEMA_VERSION, dataset, rejects, profiles, relationships, outliers,
                timeSeries, segments, kpis, quality, keyFindings, warnings);
    }

    private <T> T done(String key, Analyzed<T> analyzed, List<KeyFinding> findings, String next) {
        findings.addAll(analyzed.findings());
        stages.section(key, analyzed.section());
        analysesDone++;
        stages.report(AnalysisStage.ANALYZING, (double) analysesDone / ANALYSES, next);
        return analyzed.section();
    }

    private DatasetSummary summary(List<DatasetColumn> all, List<DatasetColumn> columns, List<ColumnProfile> profiles,
                                   long rows, Rejects rejects) throws SQLException, AnalysisCancelledException {
        DatasetProfiler.Facts facts = new DatasetProfiler(session).profile(all, columns, profiles, rows);
        FileHead head = ingested.head();
        CsvDialect dialect = ingested.dialect();
        long missing = profiles.stream().mapToLong(ColumnProfile::missingCount).sum();
        double cells = (double) rows * columns.size();
        return new DatasetSummary(rows, all.size(), head.size(), dialect.delimiter(), dialect.detectedQuote(),
                dialect.hasHeader(), ingested.encoding(), head.bomLength() > 0, dialect.escape(), dialect.comment(),
                head.lineEnding(), dialect.skipRows(), rejects.rowsPresent(), rejects.rowsRejected(), missing,
                cells == 0 ? 0 : 100.0 * missing / cells, facts.duplicateRows(), facts.duplicateExamples(),
                facts.memoryBytes(), facts.candidateKeys());
    }
}
