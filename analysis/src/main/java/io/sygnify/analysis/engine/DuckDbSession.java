package io.sygnify.analysis.engine;

import io.sygnify.analysis.AnalysisCancelledException;
import io.sygnify.analysis.CancellationToken;
import io.sygnify.analysis.EngineSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.DoubleConsumer;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBPreparedStatement;

/**
 * One in-memory DuckDB connection for one analysis, configured from {@link EngineSettings}.
 *
 * <p>Every query goes through {@link #query}, so that all of them can be cancelled and can report progress.
 * Threading: only the analysing thread runs queries; the cancellation callback and the progress thread
 * touch only the statement that is running at that moment.
 */
public final class DuckDbSession implements AutoCloseable {

    /** Reads a query's result; called on the analysing thread while the statement is open. */
    @FunctionalInterface
    public interface ResultReader<T> {
        T read(ResultSet resultSet) throws SQLException;
    }

    /** Appends row {@code index} of a batch through the appender (between beginRow and endRow). */
    @FunctionalInterface
    public interface RowWriter {
        void write(DuckDBAppender appender, int index) throws SQLException;
    }

    private static final DoubleConsumer NO_PROGRESS = percentage -> { };
    // -Dsygnify.traceSql=true prints each query and its duration to stderr, for tuning
    private static final boolean TRACE = Boolean.getBoolean("sygnify.traceSql");
    private static final int TRACE_CHARS = Integer.getInteger("sygnify.traceSqlChars", 160);

    private final DuckDBConnection connection;
    private final CancellationToken cancel;
    private final ScheduledExecutorService progressThread;
    private final AtomicReference<DuckDBPreparedStatement> running = new AtomicReference<>();

    private final Path spillDirectory;

    private DuckDbSession(DuckDBConnection connection, Path spillDirectory, CancellationToken cancel) {
        this.connection = connection;
        this.spillDirectory = spillDirectory;
        this.cancel = cancel;
        this.progressThread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "sygnify-query-progress");
            thread.setDaemon(true);
            return thread;
        });
        cancel.onCancel(this::cancelRunningStatement);
    }

    public static DuckDbSession open(EngineSettings settings, CancellationToken cancel) throws SQLException, IOException {
        Files.createDirectories(settings.tempDirectory());
        // A directory of its own: DuckDB names spill files without an instance id and deletes its whole temp
        // directory on close (duckdb/duckdb#15173, #5878), so two analyses sharing one, in this JVM or on another
        // instance sharing the data directory, would read each other's blocks or lose their own.
        Path spill = Files.createTempDirectory(settings.tempDirectory().toAbsolutePath(), "duckdb-");
        DuckDBConnection connection;
        try {
            connection = DriverManager.getConnection("jdbc:duckdb:").unwrap(DuckDBConnection.class);
        } catch (SQLException e) {
            deleteQuietly(spill);
            throw e;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET threads = " + settings.threads());
            statement.execute("SET memory_limit = " + Sql.literal(settings.memoryLimit()));
            statement.execute("SET temp_directory = " + Sql.literal(spill.toString()));
            // TIMESTAMPTZ values come back in the session zone; UTC keeps reports independent of the host
            statement.execute("SET TimeZone = 'UTC'");
            // progress is polled through JDBC; DuckDB must not also draw a bar on stdout
            statement.execute("PRAGMA disable_print_progress_bar");
            statement.execute("PRAGMA enable_progress_bar");
        } catch (SQLException e) {
            connection.close();
            deleteQuietly(spill);
            throw e;
        }
        return new DuckDbSession(connection, spill, cancel);
    }

    /** The analysis's token, for Java work between queries that must stop on cancel too. */
    public CancellationToken cancellation() {
        return cancel;
    }

    public void execute(String sql) throws SQLException, AnalysisCancelledException {
        query(sql, NO_PROGRESS, resultSet -> null);
    }

    public void execute(String sql, DoubleConsumer onPercentage) throws SQLException, AnalysisCancelledException {
        query(sql, onPercentage, resultSet -> null);
    }

    /** The first column of the only row, as a long (0 when NULL). */
    public long queryLong(String sql) throws SQLException, AnalysisCancelledException {
        return query(sql, resultSet -> {
            resultSet.next();
            return resultSet.getLong(1);
        });
    }

    /** Every column of the only row, as longs (0 when NULL): several counts in one scan. */
    public long[] queryLongs(String sql) throws SQLException, AnalysisCancelledException {
        return query(sql, resultSet -> {
            resultSet.next();
            long[] values = new long[resultSet.getMetaData().getColumnCount()];
            for (int k = 0; k < values.length; k++) {
                values[k] = resultSet.getLong(k + 1);
            }
            return values;
        });
    }

    /** Appends {@code rows} rows to an existing table. */
    public void append(String table, int rows, RowWriter writer) throws SQLException, AnalysisCancelledException {
        throwIfCancelled();
        try (DuckDBAppender appender = connection.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table)) {
            for (int i = 0; i < rows; i++) {
                appender.beginRow();
                writer.write(appender, i);
                appender.endRow();
            }
        }
    }

    public <T> T query(String sql, ResultReader<T> reader) throws SQLException, AnalysisCancelledException {
        return query(sql, NO_PROGRESS, reader);
    }

    /**
     * Runs {@code sql}, passing DuckDB's progress percentage (0–100) to {@code onPercentage} from the progress
     * thread while it runs.
     *
     * @throws AnalysisCancelledException if the token was cancelled before, during or right after the query
     */
    public <T> T query(String sql, DoubleConsumer onPercentage, ResultReader<T> reader)
            throws SQLException, AnalysisCancelledException {
        throwIfCancelled();
        long started = TRACE ? System.nanoTime() : 0;
        try {
            return run(sql, onPercentage, reader);
        } finally {
            if (TRACE) {
                System.err.printf("[sql %5d ms] %s%n", (System.nanoTime() - started) / 1_000_000,
                        sql.length() > TRACE_CHARS ? sql.substring(0, TRACE_CHARS) + "…" : sql);
            }
        }
    }

    private <T> T run(String sql, DoubleConsumer onPercentage, ResultReader<T> reader)
            throws SQLException, AnalysisCancelledException {
        try (DuckDBPreparedStatement statement = connection.prepareStatement(sql)
                .unwrap(DuckDBPreparedStatement.class);
             QueryProgressPoller poller = new QueryProgressPoller(progressThread, statement, onPercentage, cancel)) {
            running.set(statement);
            T result;
            try {
                result = statement.execute() ? readAll(statement, reader) : reader.read(null);
            } catch (SQLException e) {
                throwIfCancelled(); // an interrupted query fails with "INTERRUPT Error: Interrupted!"
                throw e;
            } finally {
                running.set(null);
            }
            throwIfCancelled();
            return result;
        }
    }

    private static <T> T readAll(DuckDBPreparedStatement statement, ResultReader<T> reader) throws SQLException {
        try (ResultSet resultSet = statement.getResultSet()) {
            return reader.read(resultSet);
        }
    }

    private void throwIfCancelled() throws AnalysisCancelledException {
        if (cancel.isCancelled()) {
            throw new AnalysisCancelledException("The analysis was cancelled.");
        }
    }

    private void cancelRunningStatement() {
        DuckDBPreparedStatement statement = running.get();
        if (statement == null) {
            return;
        }
        try {
            statement.cancel();
        } catch (SQLException e) {
            // it finished and closed meanwhile; the analysing thread checks the token before the next query
        }
    }

    /** The directory this session spills to; gone once the session is closed. */
    Path spillDirectory() {
        return spillDirectory;
    }

    @Override
    public void close() throws SQLException {
        progressThread.shutdownNow();
        try {
            connection.close();
        } finally {
            deleteQuietly(spillDirectory);
        }
    }

    /** DuckDB usually removes the directory itself; what it leaves (after a failed query, say) goes here. */
    private static void deleteQuietly(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | java.io.UncheckedIOException e) {
            // a leftover spill file wastes disk but harms no other analysis: it is in a directory of its own
        }
    }
}
