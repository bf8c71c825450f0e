package io.sygnify.analysis.quality;

import io.sygnify.analysis.AnalysisCancelledException;
import io.sygnify.analysis.engine.AnalysisContext;
import io.sygnify.analysis.engine.ColumnRoles;
import io.sygnify.analysis.ingest.ColumnTypeResolver;
import io.sygnify.analysis.report.ColumnProfile;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Pairs of measures of which exactly one is filled on every row: a bank export's Debit and Credit, a ledger's
 * Income and Expense. Their blanks say which side of an amount a row is on; they are not missing values.
 */
final class ComplementaryColumns {

    /** @param a the first column in file order, {@code b} the second */
    record Pair(String a, String b) {

        boolean contains(String column) {
            return a.equals(column) || b.equals(column);
        }
    }

    // pairs are checked in one query; a file with hundreds of half-empty measures is no debit/credit export
    private static final int MAX_CANDIDATES = 20;

    private ComplementaryColumns() {
    }

    static List<Pair> find(AnalysisContext context) throws SQLException, AnalysisCancelledException {
        List<Integer> candidates = new ArrayList<>();
        for (int i = 0; i < context.columns().size() && candidates.size() < MAX_CANDIDATES; i++) {
            ColumnProfile profile = context.profile(i);
            if (profile.role().equals(ColumnRoles.MEASURE) && profile.missingCount() > 0
                    && profile.invalidCount() == 0) {
                candidates.add(i);
            }
        }
        // filled on every row between them, never on the same row: the counts rule out most pairs without a query
        List<int[]> pairs = new ArrayList<>();
        StringJoiner overlaps = new StringJoiner(", ");
        for (int x = 0; x < candidates.size(); x++) {
            for (int y = x + 1; y < candidates.size(); y++) {
                int i = candidates.get(x);
                int j = candidates.get(y);
                if (context.profile(i).presentCount() + context.profile(j).presentCount() == context.rows()) {
                    pairs.add(new int[] {i, j});
                    overlaps.add("count_if(" + context.sql(i) + " IS NOT NULL AND " + context.sql(j)
                            + " IS NOT NULL)");
                }
            }
        }
        if (pairs.isEmpty()) {
            return List.of();
        }
        long[] both = context.session().queryLongs("SELECT " + overlaps + " FROM " + ColumnTypeResolver.TABLE);
        List<Pair> found = new ArrayList<>();
        Set<Integer> paired = new HashSet<>();
        for (int k = 0; k < pairs.size(); k++) {
            int i = pairs.get(k)[0];
            int j = pairs.get(k)[1];
            if (both[k] == 0 && !paired.contains(i) && !paired.contains(j)) {
                paired.add(i);
                paired.add(j);
                found.add(new Pair(context.name(i), context.name(j)));
            }
        }
        return found;
    }
}
