package io.sygnify.analysis.engine;

import io.sygnify.analysis.AnalysisCancelledException;
import io.sygnify.analysis.ingest.ColumnTypeResolver;
import io.sygnify.analysis.report.ColumnProfile;
import java.sql.SQLException;

/**
 * What names a row beside its number in a sentence: the value of a column that is unique on every row, an
 * identifier first, else the main time column ({@code row 334 (Date 2024-11-29)}). Without such a column, nothing.
 */
public final class RowLabel {

    private static final int MAX_LENGTH = 40;
    private static final RowLabel NONE = new RowLabel(null, null);

    private final AnalysisContext context;
    private final Integer column;
    // a row that is several measures' outlier is labelled once per measure and once for them all: one query
    private final java.util.Map<Long, String> labels = new java.util.HashMap<>();

    private RowLabel(AnalysisContext context, Integer column) {
        this.context = context;
        this.column = column;
    }

    public static RowLabel of(AnalysisContext context) {
        Integer key = null;
        for (int i = 0; i < context.columns().size() && key == null; i++) {
            if (context.profile(i).role().equals(ColumnRoles.IDENTIFIER) && unique(context, i)) {
                key = i;
            }
        }
        if (key == null && !context.timeColumns().isEmpty() && unique(context, context.timeColumns().get(0))) {
            key = context.timeColumns().get(0);
        }
        return key == null ? NONE : new RowLabel(context, key);
    }

    private static boolean unique(AnalysisContext context, int index) {
        ColumnProfile profile = context.profile(index);
        return profile.presentCount() == context.rows() && profile.distinctCount() == context.rows();
    }

    /** {@code " (Date 2024-11-29)"} for the row numbered {@code row} (from 1), or "" without a labelling column. */
    public String of(long row) throws SQLException, AnalysisCancelledException {
        if (column == null) {
            return "";
        }
        String known = labels.get(row);
        if (known == null) {
            known = query(row);
            labels.put(row, known);
        }
        return known;
    }

    private String query(long row) throws SQLException, AnalysisCancelledException {
        String value = context.session().query("SELECT CAST(" + context.sql(column) + " AS VARCHAR) FROM "
                + ColumnTypeResolver.TABLE + " WHERE " + ColumnTypeResolver.ROW + " = " + row, result ->
                result.next() ? result.getString(1) : null);
        if (value == null) {
            return "";
        }
        return " (" + context.name(column) + " " + (value.length() <= MAX_LENGTH ? value
                : value.substring(0, MAX_LENGTH - 1) + "…") + ")";
    }
}
