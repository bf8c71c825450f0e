package io.sygnify.analysis.kpis;

import io.sygnify.analysis.AnalysisCancelledException;
import io.sygnify.analysis.engine.AnalysisContext;
import io.sygnify.analysis.ingest.ColumnTypeResolver;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** Reads a price column into {@link PriceHistory}s: one series, or one per entity (ticker, symbol, coin). */
final class PriceSeriesReader {

    private PriceSeriesReader() {
    }

    /** The prices of one series, or of each entity's series, in time order. */
    record Series(String entity, PriceHistory history) {
    }

    /**
     * Reads the prices ordered in time, ties in file order; per entity when {@code entity} is not null, each series
     * of at least two prices.
     */
    static List<Series> read(AnalysisContext context, int close, int time, Integer entity)
            throws SQLException, AnalysisCancelledException {
        String t = "CAST(epoch(CAST(" + context.sql(time) + " AS TIMESTAMP)) AS BIGINT)";
        String e = entity == null ? "NULL" : "CAST(" + context.sql(entity) + " AS VARCHAR)";
        String where = context.sql(time) + " IS NOT NULL AND " + context.sql(close) + " IS NOT NULL"
                + (entity == null ? "" : " AND " + context.sql(entity) + " IS NOT NULL");
        return context.session().query("SELECT " + e + ", " + t + ", " + context.sql(close) + "::DOUBLE FROM "
                + ColumnTypeResolver.TABLE + " WHERE " + where + " ORDER BY 1, 2, " + ColumnTypeResolver.ROW, row -> {
                    List<Series> series = new ArrayList<>();
                    SeriesBuffer buffer = new SeriesBuffer();
                    while (row.next()) {
                        String key = row.getString(1);
                        if (buffer.size > 0 && !Objects.equals(key, buffer.entity)) {
                            buffer.flush(series);
                        }
                        buffer.add(key, row.getLong(2), row.getDouble(3));
                    }
                    buffer.flush(series);
                    return series;
                });
    }

    /** Prices of the series being read, in primitive arrays: a million boxed prices would crowd a small heap. */
    private static final class SeriesBuffer {
        private String entity;
        private long[] seconds = new long[256];
        private double[] prices = new double[256];
        private int size;

        void add(String key, long second, double price) {
            if (size == seconds.length) {
                seconds = Arrays.copyOf(seconds, size * 2);
                prices = Arrays.copyOf(prices, size * 2);
            }
            entity = key;
            seconds[size] = second;
            prices[size++] = price;
        }

        void flush(List<Series> series) {
            if (size >= 2) {
                series.add(new Series(entity, new PriceHistory(Arrays.copyOf(seconds, size),
                        Arrays.copyOf(prices, size))));
            }
            size = 0;
        }
    }

}
