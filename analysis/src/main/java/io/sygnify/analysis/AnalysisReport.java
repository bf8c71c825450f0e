package io.sygnify.analysis;

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
import java.util.List;

/**
 * The result of analysing one file. Serialised by the server as the job's insights JSON (snake_case field names),
 * documented by {@code docs/insights-schema.json}. Every figure is computed from the file; a section or value
 * that cannot be computed is null or empty and says why in its {@code notes}.
 *
 * @param schemaVersion version of this report's JSON shape
 * @param dataset       the file as a whole
 * @param rejects       rows read versus rows present, and the rows that could not be read
 * @param columns       one profile per column, in file order
 * @param relationships correlations, associations and exact dependencies between columns
 * @param outliers      outlying values per measure, with their rows
 * @param timeSeries    the main measures over time
 * @param segments      contributions and concentration by categorical dimension
 * @param kpis          domain indicators, only for the domains whose columns are present
 * @param quality       data-quality alerts and score
 * @param keyFindings   the most important findings, ranked by score, at most {@value #KEY_FINDINGS}
 * @param warnings      things the reader should know that did not stop the analysis
 */
public record AnalysisReport(String schemaVersion, DatasetSummary dataset, Rejects rejects,
                             List<ColumnProfile> columns, Relationships relationships, Outliers outliers,
                             TimeSeries timeSeries, Segments segments, Kpis kpis, Quality quality,
                             List<KeyFinding> keyFindings, List<String> warnings) {

    public static final String SCHEMA_VERSION = "2.11";
    public static final int KEY_FINDINGS = 20;
}
