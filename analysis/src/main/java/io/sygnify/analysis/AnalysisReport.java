package io.sygnify.analysis;

import java.util.List;

/**
 * The result of analysing one file. Serialised by the server as the job's insights JSON.
 *
 * @param schemaVersion version of this report's JSON shape (see docs/insights-schema.json)
 * @param dataset       the file as a whole
 * @param columns       one profile per column, in file order
 * @param warnings      things the reader should know that did not stop the analysis
 */
public record AnalysisReport(String schemaVersion, DatasetSummary dataset, List<ColumnProfile> columns,
                             List<String> warnings) {

    public static final String SCHEMA_VERSION = "1.0";
}
