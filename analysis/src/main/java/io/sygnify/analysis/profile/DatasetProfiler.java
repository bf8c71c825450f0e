package io.sygnify.analysis.profile;

import io.sygnify.analysis.AnalysisCancelledException;
import io.sygnify.analysis.engine.ColumnRoles;
import io.sygnify.analysis.engine.DatasetColumn;
import io.sygnify.analysis.engine.DuckDbSession;
import io.sygnify.analysis.engine.Results;
import io.sygnify.analysis.ingest.ColumnTypeResolver;
import io.sygnify.analysis.report.ColumnProfile;
import io.sygnify.analysis.report.DatasetSummary;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.StringJoiner;

/** Facts about the typed table as a whole: duplicate rows, candidate keys and the engine memory it takes. */
public final class DatasetProfiler {

    public record Facts(long duplicateRows, List<DatasetSummary.DuplicateGroup> duplicateExamples, long memoryBytes,
                 List<List<String>> candidateKeys) {
    }

    private static final int DUPLICATE_EXAMPLES = 5;
    private static final int ROWS_PER_EXAMPLE = 5;
    private static final int KEY_PAIR_COLUMNS = 6;

    private final DuckDbSession session;

    public DatasetProfiler(DuckDbSession session) {
        this.session = session;
    }

    /**
     * @param all      every column of the table (duplicates compare whole rows)
     * @param columns  the profiled columns, matching {@code profiles}
     */
    public Facts profile(List<DatasetColumn> all, List<DatasetColumn> columns, List<ColumnProfile> profiles, long rows)
            throws SQLException, AnalysisCancelledException {
        List<List<String>> keys = candidateKeys(columns, profiles, rows);
        long duplicates = 0;
        List<DatasetSummary.DuplicateGroup> examples = List.of();
        // a column unique on every row rules out duplicate rows without looking
        boolean uniqueColumn = keys.stream().anyMatch(key -> key.size() == 1);
        if (!uniqueColumn && !all.isEmpty()) {
            duplicateGroups(all);
            duplicates = session.queryLong("SELECT coalesce(sum(n - 1), 0) FROM duplicate_groups");
            examples = session.query("SELECT n, examples FROM duplicate_groups ORDER BY first LIMIT "
                    + DUPLICATE_EXAMPLES, row -> {
                        List<DatasetSummary.DuplicateGroup> list = new ArrayList<>();
                        while (row.next()) {
                            list.add(new DatasetSummary.DuplicateGroup(row.getLong(1), Results.longs(row, 2)));
                        }
                        return list;
                    });
            session.execute("DROP TABLE duplicate_groups");
        }
        // temporary_storage_bytes also counts spilled blocks of tables already dropped, so only memory is reported
        long memory = session.queryLong("SELECT sum(memory_usage_bytes) FROM duckdb_memory()"
                + " WHERE tag = 'IN_MEMORY_TABLE'");
        return new Facts(duplicates, examples, memory, keys);
    }

    /**
     * Groups of identical rows. Rows are first grouped by a hash of all their values, which is cheap; only rows
     * whose hash repeats are then compared value by value, so a hash collision cannot make a false duplicate.
     */
    private void duplicateGroups(List<DatasetColumn> columns) throws SQLException, AnalysisCancelledException {
        StringJoiner all = new StringJoiner(", ");
        columns.forEach(column -> all.add(column.sqlName()));
        String row = ColumnTypeResolver.ROW;
        session.execute("CREATE TEMP TABLE duplicate_groups AS WITH hashed AS (SELECT " + row + ", hash(" + all
                + ") AS h FROM " + ColumnTypeResolver.TABLE + "), repeated AS (SELECT h FROM hashed GROUP BY h"
                + " HAVING count(*) > 1), candidates AS (SELECT d.* FROM " + ColumnTypeResolver.TABLE
                + " d SEMI JOIN (SELECT " + row + " FROM hashed SEMI JOIN repeated USING (h)) c USING (" + row + "))"
                + " SELECT count(*) AS n, min(" + row + ") AS first, min(" + row + ", " + ROWS_PER_EXAMPLE
                + ") AS examples FROM candidates GROUP BY " + all + " HAVING count(*) > 1");
    }

    /**
     * Single columns, not measures, unique and present on every row; failing those, pairs of the most distinct
     * such columns.
     */
    private List<List<String>> candidateKeys(List<DatasetColumn> columns, List<ColumnProfile> profiles, long rows)
            throws SQLException, AnalysisCancelledException {
        List<List<String>> keys = new ArrayList<>();
        List<Integer> complete = new ArrayList<>();
        for (int i = 0; i < profiles.size(); i++) {
            ColumnProfile profile = profiles.get(i);
            // a measure's values do not identify a row, even when they happen to differ (a million volumes)
            boolean keyType = !profile.type().equals("decimal") && !profile.type().equals("boolean")
                    && !profile.role().equals(ColumnRoles.MEASURE);
            if (profile.missingCount() == 0 && profile.invalidCount() == 0 && keyType && rows > 1) {
                if (profile.distinctCount() == rows) {
                    keys.add(List.of(profile.name()));
                } else if (profile.distinctCount() > 1) {
                    complete.add(i);
                }
            }
        }
        if (!keys.isEmpty() || complete.size() < 2) {
            return keys;
        }
        List<Integer> widest = complete.stream()
                .sorted(Comparator.comparingLong((Integer i) -> -profiles.get(i).distinctCount()))
                .limit(KEY_PAIR_COLUMNS).toList();
        List<int[]> pairs = new ArrayList<>();
        StringJoiner counts = new StringJoiner(", ");
        for (int a = 0; a < widest.size(); a++) {
            for (int b = a + 1; b < widest.size(); b++) {
                int i = widest.get(a);
                int j = widest.get(b);
                if (profiles.get(i).distinctCount() * profiles.get(j).distinctCount() >= rows) {
                    pairs.add(new int[] {i, j});
                    counts.add("count(DISTINCT (" + columns.get(i).sqlName() + ", " + columns.get(j).sqlName() + "))");
                }
            }
        }
        if (pairs.isEmpty()) {
            return keys;
        }
        long[] distinct = session.queryLongs("SELECT " + counts + " FROM " + ColumnTypeResolver.TABLE);
        for (int k = 0; k < pairs.size(); k++) {
            if (distinct[k] == rows) {
                keys.add(List.of(columns.get(pairs.get(k)[0]).name(), columns.get(pairs.get(k)[1]).name()));
            }
        }
        return keys;
    }
}
