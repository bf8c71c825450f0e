package io.sygnify.analysis.engine;

import io.sygnify.analysis.CancellationToken;
import java.sql.SQLException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleConsumer;
import org.duckdb.DuckDBPreparedStatement;

/**
 * Watches one running DuckDB statement from the session's progress thread, every 100 ms until closed.
 *
 * <p>Each poll passes {@link DuckDBPreparedStatement#getQueryProgress()}'s percentage (0–100) on, and,
 * once the token is cancelled, cancels the statement again: {@code cancel()} is a no-op for a statement
 * that has not started executing yet, so a cancel arriving just before {@code execute()} would be lost.
 */
final class QueryProgressPoller implements AutoCloseable {

    static final long INTERVAL_MILLIS = 100;

    private final DuckDBPreparedStatement statement;
    private final DoubleConsumer onPercentage;
    private final CancellationToken cancel;
    private final ScheduledFuture<?> task;
    private boolean closed; // guarded by this: no poll reports after close() returns

    QueryProgressPoller(ScheduledExecutorService scheduler, DuckDBPreparedStatement statement,
                        DoubleConsumer onPercentage, CancellationToken cancel) {
        this.statement = statement;
        this.onPercentage = onPercentage;
        this.cancel = cancel;
        this.task = scheduler.scheduleWithFixedDelay(this::poll, INTERVAL_MILLIS, INTERVAL_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    private synchronized void poll() {
        if (closed) {
            return;
        }
        try {
            if (cancel.isCancelled()) {
                statement.cancel();
                return;
            }
            double percentage = statement.getQueryProgress().getPercentage();
            // -1 means DuckDB has no estimate yet (the query is still binding or has no scan)
            if (percentage >= 0) {
                onPercentage.accept(percentage);
            }
        } catch (SQLException e) {
            // the statement finished and was closed between two polls: nothing left to report
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        task.cancel(false);
    }
}
