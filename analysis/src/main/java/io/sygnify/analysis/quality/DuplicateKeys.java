package io.sygnify.analysis.quality;

import io.sygnify.analysis.AnalysisCancelledException;
import io.sygnify.analysis.engine.AnalysisContext;
import io.sygnify.analysis.ingest.ColumnTypeResolver;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * An identifier that is unique on all rows but a few, where the rows sharing a value differ: two orders with one
 * order number. Exact duplicate rows are the duplicates alert's; here the key is what repeats, not the row.
 */
final class DuplicateKeys {

    /** An identifier this unique is meant to be unique; its repeats are errors, not a customer's many orders. */
    static final double MIN_DISTINCT_SHARE = 0.99;
    private static final int EXAMPLES = 3;
    private static final int ROWS_PER_EXAMPLE = 5;

    /** A repeated value and the rows that hold it. */
    record Example(String value, List<Long> rows) {
    }

    /**
     * @param values   values held by two or more rows that differ elsewhere
     * @param examples the first {@value #EXAMPLES}, in file order
     */
    record Found(String column, long values, List<Example> examples) {
    }

    private DuplicateKeys() {
    }

    static Optional<Found> find(AnalysisContext context, int column) throws SQLException,
            AnalysisCancelledException {
        StringJoiner all = new StringJoiner(", ");
        context.columns().forEach(c -> all.add(c.sqlName()));
        String key = context.sql(column);
        String row = ColumnTypeResolver.ROW;
        String repeated = "SELECT CAST(" + key + " AS VARCHAR) AS v, min(" + row + ") AS first, list(" + row
                + " ORDER BY " + row + ")[1:" + ROWS_PER_EXAMPLE + "] AS rows FROM " + ColumnTypeResolver.TABLE
                + " WHERE " + key + " IS NOT NULL GROUP BY " + key + " HAVING count(*) > 1 AND count(DISTINCT hash("
                + all + ")) > 1";
        long values = context.session().queryLong("SELECT count(*) FROM (" + repeated + ")");
        if (values == 0) {
            return Optional.empty();
        }
        List<Example> examples = context.session().query(repeated + " ORDER BY first LIMIT " + EXAMPLES, result -> {
            List<Example> list = new ArrayList<>();
            while (result.next()) {
                List<Long> rows = new ArrayList<>();
                for (Object r : (Object[]) result.getArray(3).getArray()) {
                    rows.add(((Number) r).longValue());
                }
                list.add(new Example(result.getString(1), rows));
            }
            return list;
        });
        return Optional.of(new Found(context.name(column), values, examples));
    }
}
