package io.sygnify.analysis;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.DoubleConsumer;

/**
 * Decides each column's type over every row, not just DuckDB's sniffing sample, and builds the typed table
 * {@value #TABLE} from the loader's text table.
 *
 * <p>Each column starts at the type the sniffer saw and widens (integer → decimal → text; anything else →
 * text) while some non-missing value does not convert. Missing means NULL, empty or only whitespace; it becomes
 * NULL in every column, so later analyses have one definition of missing.
 */
final class ColumnTypeResolver {

    static final String TABLE = "dataset";

    private final DuckDbSession session;

    ColumnTypeResolver(DuckDbSession session) {
        this.session = session;
    }

    /** @param onFraction progress of this step, 0.0–1.0 */
    List<DatasetColumn> resolve(CsvDialect dialect, DoubleConsumer onFraction)
            throws SQLException, AnalysisCancelledException {
        List<List<ColumnType>> candidates = new ArrayList<>();
        StringJoiner failureCounts = new StringJoiner(", ");
        for (int i = 0; i < dialect.columns().size(); i++) {
            String column = CsvDialect.sqlName(i);
            List<ColumnType> chain = new ArrayList<>();
            for (ColumnType type = dialect.columns().get(i).type(); type != ColumnType.TEXT; type = type.wider()) {
                chain.add(type);
                failureCounts.add("count(*) FILTER (WHERE NOT " + ColumnType.isBlank(column) + " AND NOT ("
                        + type.accepts(column, dialect) + "))");
            }
            candidates.add(chain);
        }
        long[] failures = countFailures(failureCounts, onFraction);
        List<DatasetColumn> columns = chooseTypes(dialect, candidates, failures);
        StringJoiner converted = new StringJoiner(", ");
        for (DatasetColumn column : columns) {
            converted.add(column.type().convert(column.sqlName(), dialect) + " AS " + column.sqlName());
        }
        session.execute("CREATE TABLE " + TABLE + " AS SELECT " + converted + " FROM " + CsvLoader.TABLE,
                percentage -> onFraction.accept(0.5 + percentage / 200));
        session.execute("DROP TABLE " + CsvLoader.TABLE);
        return columns;
    }

    private long[] countFailures(StringJoiner failureCounts, DoubleConsumer onFraction)
            throws SQLException, AnalysisCancelledException {
        if (failureCounts.length() == 0) {
            return new long[0]; // all text: nothing to check
        }
        return session.query("SELECT " + failureCounts + " FROM " + CsvLoader.TABLE,
                percentage -> onFraction.accept(percentage / 200), resultSet -> {
                    resultSet.next();
                    long[] counts = new long[resultSet.getMetaData().getColumnCount()];
                    for (int i = 0; i < counts.length; i++) {
                        counts[i] = resultSet.getLong(i + 1);
                    }
                    return counts;
                });
    }

    private static List<DatasetColumn> chooseTypes(CsvDialect dialect, List<List<ColumnType>> candidates,
                                                   long[] failures) {
        List<DatasetColumn> columns = new ArrayList<>();
        int next = 0;
        for (int i = 0; i < candidates.size(); i++) {
            ColumnType chosen = ColumnType.TEXT;
            for (ColumnType type : candidates.get(i)) {
                if (chosen == ColumnType.TEXT && failures[next] == 0) {
                    chosen = type;
                }
                next++;
            }
            columns.add(new DatasetColumn(dialect.columns().get(i).name(), CsvDialect.sqlName(i), chosen));
        }
        return columns;
    }
}
