package io.sygnify.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Reads one CSV file with DuckDB and describes it: dialect, row count and a profile per column.
 *
 * <p>Stages, reported in order through the {@link ProgressListener}:
 * <ol>
 *   <li>{@link AnalysisStage#PARSING}: refuse empty, binary, JSON and XML files; detect the dialect; load every
 *       row (progress is DuckDB's own, polled every 100 ms); decide each column's type over all rows.</li>
 *   <li>{@link AnalysisStage#PROFILING}: one exact profile per column; the fraction is columns done.</li>
 *   <li>{@link AnalysisStage#ANALYZING}: reserved for later analyses.</li>
 * </ol>
 *
 * <p>Each call uses its own in-memory DuckDB connection, configured from the {@link EngineSettings}, and closes
 * it before returning, so one instance can serve concurrent calls. Cancelling the token interrupts the running
 * query within about 100 ms.
 */
public final class CsvAnalyzer {

    // the load is most of the work; deciding types over all rows is the rest of PARSING
    private static final double LOAD_SHARE = 0.8;
    private static final int NAMES_IN_MESSAGES = 10;

    private final EngineSettings settings;

    public CsvAnalyzer(EngineSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * @throws AnalysisException          the file cannot be analysed; {@link AnalysisException#code()} says why
     * @throws AnalysisCancelledException {@code cancel} was cancelled
     */
    public AnalysisReport analyze(Path csvFile, ProgressListener progress, CancellationToken cancel)
            throws AnalysisException, AnalysisCancelledException {
        StageProgress stages = new StageProgress(Objects.requireNonNull(progress, "progress"));
        stages.report(AnalysisStage.PARSING, 0.0, "Checking the file");
        FileHead head = FileHead.read(csvFile);
        StructuredDocumentCheck.reject(head);
        try (GlobFreePath input = GlobFreePath.of(csvFile, settings.tempDirectory());
             DuckDbSession session = DuckDbSession.open(settings, Objects.requireNonNull(cancel, "cancel"))) {
            return analyze(input.path(), head, session, stages);
        } catch (SQLException e) {
            throw new AnalysisException(AnalysisException.ENGINE_ERROR,
                    "The analysis engine failed: " + e.getMessage().lines().findFirst().orElse(""), null, e);
        } catch (IOException e) {
            throw new AnalysisException(AnalysisException.UNREADABLE_FILE,
                    "The file cannot be read: " + e.getMessage(), null, e);
        }
    }

    private static AnalysisReport analyze(Path file, FileHead head, DuckDbSession session, StageProgress stages)
            throws SQLException, AnalysisException, AnalysisCancelledException {
        stages.report(AnalysisStage.PARSING, 0.01, "Detecting delimiter, quotes and header");
        CsvDialect dialect = new DialectDetector(session).detect(file, head);
        long rows = new CsvLoader(session).load(file, dialect, head.encoding(), percentage -> stages.report(
                AnalysisStage.PARSING, LOAD_SHARE * percentage / 100, "Reading rows... " + Math.round(percentage) + "%"));
        if (rows == 0) {
            throw noDataRows(dialect);
        }
        List<DatasetColumn> columns = new ColumnTypeResolver(session).resolve(dialect, fraction -> stages.report(
                AnalysisStage.PARSING, LOAD_SHARE + (1 - LOAD_SHARE) * fraction, "Checking column types over all rows"));
        stages.report(AnalysisStage.PARSING, 1.0, String.format("Read %,d rows and %d columns", rows, columns.size()));

        stages.report(AnalysisStage.PROFILING, 0.0, "Profiling columns");
        List<ColumnProfile> profiles = new ColumnProfiler(session).profile(columns, rows, done -> stages.report(
                AnalysisStage.PROFILING, (double) done / columns.size(),
                "Profiled " + done + " of " + columns.size() + " columns"));

        stages.report(AnalysisStage.ANALYZING, 1.0, "Analysis complete");
        DatasetSummary summary = new DatasetSummary(rows, columns.size(), head.size(), dialect.delimiter(),
                dialect.detectedQuote(), dialect.hasHeader(), head.encoding().label);
        return new AnalysisReport(AnalysisReport.SCHEMA_VERSION, summary, profiles, head.warnings());
    }

    private static AnalysisException noDataRows(CsvDialect dialect) {
        if (!dialect.hasHeader()) {
            return new AnalysisException(AnalysisException.EMPTY_FILE, "The file is empty: it has no data rows.");
        }
        List<CsvDialect.SniffedColumn> columns = dialect.columns();
        String names = columns.stream().limit(NAMES_IN_MESSAGES).map(CsvDialect.SniffedColumn::name)
                .collect(Collectors.joining(", "));
        if (columns.size() > NAMES_IN_MESSAGES) {
            names += ", … (" + (columns.size() - NAMES_IN_MESSAGES) + " more)";
        }
        return new AnalysisException(AnalysisException.HEADER_ONLY, String.format(
                "The file has a header (%d column%s: %s) but no data rows.",
                columns.size(), columns.size() == 1 ? "" : "s", names));
    }
}
