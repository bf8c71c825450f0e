package io.sygnify.analysis.engine;

import io.sygnify.analysis.ingest.ColumnTypeResolver;
import java.util.List;
import java.util.Optional;

/**
 * How the rows form series in time: the main time column alone keys them (one series), or together with one other
 * column, the entity (a device, a station, a ticker: one series per value). Rows of several series interleaved
 * without such a column have no order to follow, and have no key.
 *
 * @param time   the time column's index
 * @param entity the entity column's index, or null for one series
 */
public record SeriesKey(int time, Integer entity) {

    public static Optional<SeriesKey> of(AnalysisContext context, List<List<String>> candidateKeys) {
        List<Integer> times = context.timeColumns();
        if (times.isEmpty()) {
            return Optional.empty();
        }
        int time = times.get(0);
        String name = context.name(time);
        for (List<String> key : candidateKeys) {
            if (key.equals(List.of(name))) {
                return Optional.of(new SeriesKey(time, null));
            }
            if (key.size() == 2 && key.contains(name)) {
                String entity = key.get(key.get(0).equals(name) ? 1 : 0);
                for (int i = 0; i < context.columns().size(); i++) {
                    if (context.name(i).equals(entity)) {
                        return Optional.of(new SeriesKey(time, i));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** SQL partitioning the rows into their series: the entity, or one constant partition. */
    public String partition(AnalysisContext context) {
        return entity == null ? "0" : context.sql(entity);
    }

    /** The window clause body ordering each series in time, ties in file order. */
    public String window(AnalysisContext context) {
        return "PARTITION BY " + partition(context) + " ORDER BY " + context.sql(time) + ", " + ColumnTypeResolver.ROW;
    }
}
