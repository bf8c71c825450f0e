package io.sygnify.analysis.engine;

import io.sygnify.analysis.ingest.ColumnTypeResolver;
import io.sygnify.analysis.report.ColumnProfile;
import java.util.List;

/**
 * A column of the typed table {@value ColumnTypeResolver#TABLE}, and what deciding its type found.
 *
 * @param name                  name shown to people (header or {@code columnN}), unique within the table
 * @param sqlName               name in DuckDB
 * @param type                  type decided over every row
 * @param format                how the values are written, when it matters (see {@link ColumnProfile#format()})
 * @param invalidCount          non-missing values that are not values of {@code type} (NULL in the table)
 * @param invalidExamples       a few of them
 * @param disguisedMissingCount cells holding a placeholder for missing (NULL in the table)
 * @param disguisedMissing      the placeholders and their counts
 * @param ambiguousDayMonth     whether day-first and month-first both read every date
 * @param ambiguityEvidence     how the reading was chosen, when ambiguous
 */
public record DatasetColumn(String name, String sqlName, ColumnType type, String format, long invalidCount,
                     List<String> invalidExamples, long disguisedMissingCount,
                     List<ColumnProfile.ValueCount> disguisedMissing, boolean ambiguousDayMonth,
                     String ambiguityEvidence) {

    /** Header names made unique and non-blank: a repeated name gets {@code _2}, {@code _3}; a blank one columnN. */
    public static List<String> uniqueNames(List<String> names) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        List<String> unique = new java.util.ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String base = names.get(i) == null || names.get(i).isBlank() ? "column" + i : names.get(i).strip();
            String name = base;
            for (int n = 2; !seen.add(name); n++) {
                name = base + "_" + n;
            }
            unique.add(name);
        }
        return unique;
    }

    static DatasetColumn plain(String name, String sqlName, ColumnType type) {
        return new DatasetColumn(name, sqlName, type, null, 0, List.of(), 0, List.of(), false, null);
    }
}
