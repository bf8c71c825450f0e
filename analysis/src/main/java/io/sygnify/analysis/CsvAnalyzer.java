package io.sygnify.analysis;

import io.sygnify.analysis.engine.DatasetColumn;
import io.sygnify.analysis.engine.DuckDbSession;
import io.sygnify.analysis.ingest.ColumnTypeResolver;
import io.sygnify.analysis.ingest.CsvDialect;
import io.sygnify.analysis.ingest.CsvLoader;
import io.sygnify.analysis.ingest.DialectDetector;
import io.sygnify.analysis.ingest.EncodingDetector;
import io.sygnify.analysis.ingest.FileHead;
import io.sygnify.analysis.ingest.FooterRows;
import io.sygnify.analysis.ingest.GlobFreePath;
import io.sygnify.analysis.ingest.StructuredDocumentCheck;
import io.sygnify.analysis.ingest.TableExport;
import io.sygnify.analysis.ingest.TextEncoding;
import io.sygnify.analysis.ingest.Transcoder;
import io.sygnify.analysis.report.RejectedRow;
import io.sygnify.analysis.report.Rejects;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Reads one CSV file with DuckDB and describes it: dialect, rows read and rejected, a profile per column and the
 * analyses of the report.
 *
 * <p>Stages, reported in order through the {@link ProgressListener}:
 * <ol>
 *   <li>{@link AnalysisStage#PARSING}: refuse empty, binary, JSON and XML files; detect encoding and dialect; load
 *       every row that fits and set aside those that do not (progress is DuckDB's own, polled every 100 ms);
 *       decide each column's type over all rows.</li>
 *   <li>{@link AnalysisStage#PROFILING}: one exact profile per column; the fraction is columns done.</li>
 *   <li>{@link AnalysisStage#ANALYZING}: relationships, outliers, time series, segments, KPIs, quality and key
 *       findings; the fraction is analyses done.</li>
 * </ol>
 * Each top-level section of the report goes to {@link ProgressListener#onSection} as soon as it is ready.
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
     * Analyses a file without keeping the parsed table.
     *
     * @throws AnalysisException          the file cannot be analysed; {@link AnalysisException#code()} says why
     * @throws AnalysisCancelledException {@code cancel} was cancelled
     */
    public AnalysisReport analyze(Path csvFile, ProgressListener progress, CancellationToken cancel)
            throws AnalysisException, AnalysisCancelledException {
        return analyze(csvFile, progress, cancel, null);
    }

    /**
     * Analyses a file and, when {@code outputDirectory} is not null, writes there what was read: {@code rows.parquet}
     * (the typed table, columns named as in the report, in file order) and {@code rejects.parquet}
     * ({@code line, reason, raw}). Both are written at the end of parsing, before profiling starts.
     *
     * @throws AnalysisException          the file cannot be analysed; {@link AnalysisException#code()} says why
     * @throws AnalysisCancelledException {@code cancel} was cancelled
     */
    public AnalysisReport analyze(Path csvFile, ProgressListener progress, CancellationToken cancel,
                                  Path outputDirectory) throws AnalysisException, AnalysisCancelledException {
        StageProgress stages = new StageProgress(Objects.requireNonNull(progress, "progress"));
        Objects.requireNonNull(cancel, "cancel");
        stages.report(AnalysisStage.PARSING, 0.0, "Checking the file");
        FileHead head = FileHead.read(csvFile);
        StructuredDocumentCheck.reject(head);
        try (DuckDbSession session = DuckDbSession.open(settings, cancel)) {
            Ingested ingested = ingest(csvFile, head, session, stages, cancel);
            if (ingested.load.invalidEncoding() > 0 && head.asciiOnly()) {
                // the sample was plain ASCII, so nothing said UTF-8: a later accented byte means a Windows file
                RejectedRow first = ingested.load.firstRejects().stream()
                        .filter(row -> row.kind().equals("invalid_encoding")).findFirst().orElseThrow();
                FileHead singleByte = FileHead.readAs(csvFile, TextEncoding.LATIN_1,
                        "line " + first.line() + " is the first that is not UTF-8");
                ingested = ingest(csvFile, singleByte, session, stages, cancel);
            }
            if (head.size() > settings.memoryLimitBytes() / 2) {
                // an in-memory table stays uncompressed until a checkpoint; compressed (about 8 times smaller), a
                // table that would spill to disk on every query fits in memory
                stages.report(AnalysisStage.PARSING, 1.0, "Compressing the table");
                session.execute("CHECKPOINT");
            }
            if (outputDirectory != null) {
                TableExport.write(session, outputDirectory, ingested.columns);
            }
            return new ReportBuilder(session, stages, ingested).build();
        } catch (SQLException e) {
            throw new AnalysisException(AnalysisException.ENGINE_ERROR,
                    "The analysis engine failed: " + e.getMessage().lines().findFirst().orElse(""), null, e);
        } catch (IOException e) {
            throw new AnalysisException(AnalysisException.UNREADABLE_FILE,
                    "The file cannot be read: " + e.getMessage(), null, e);
        }
    }

    /** What parsing produced: the typed table's columns, the load's counts and the warnings so far. */
    record Ingested(FileHead head, String encoding, CsvDialect dialect, CsvLoader.Result load,
                    List<RejectedRow> footers, List<DatasetColumn> columns, List<String> warnings) {

        Rejects rejects() {
            return new Rejects(load.rowsRead() + load.rowsRejected(), load.rowsRead(), load.rowsRejected(),
                    footers, load.firstRejects());
        }
    }

    private Ingested ingest(Path csvFile, FileHead head, DuckDbSession session, StageProgress stages,
                            CancellationToken cancel)
            throws SQLException, IOException, AnalysisException, AnalysisCancelledException {
        boolean mixed = head.lineEnding().equals("mixed");
        try {
            return ingest(csvFile, head, mixed, session, stages, cancel);
        } catch (SQLException e) {
            // a mix of line endings beyond the sample stops DuckDB's parser; a normalised copy reads
            if (mixed || !String.valueOf(e.getMessage()).contains("state machine reached an invalid state")) {
                throw e;
            }
            return ingest(csvFile, head, true, session, stages, cancel);
        }
    }

    private Ingested ingest(Path csvFile, FileHead head, boolean normalizeLineEndings, DuckDbSession session,
                            StageProgress stages, CancellationToken cancel)
            throws SQLException, IOException, AnalysisException, AnalysisCancelledException {
        boolean copy = head.encoding() != TextEncoding.UTF_8 || normalizeLineEndings;
        Transcoder transcoded = !copy ? null
                : Transcoder.toUtf8(csvFile, head.encoding(), head.bomLength(), settings.tempDirectory(), cancel);
        try (GlobFreePath input = GlobFreePath.of(transcoded == null ? csvFile : transcoded.path(),
                settings.tempDirectory())) {
            String encoding = head.encoding().label;
            List<String> warnings = new ArrayList<>();
            if (transcoded != null && head.encoding().charset.name().equals("windows-1252")) {
                TextEncoding single = transcoded.windowsBytesSeen() ? TextEncoding.WINDOWS_1252 : TextEncoding.LATIN_1;
                encoding = single.label;
                head.notUtf8Evidence().ifPresent(evidence ->
                        warnings.add(EncodingDetector.notUtf8Warning(evidence, single)));
            }
            return ingest(input.path(), head, encoding, warnings, session, stages);
        } finally {
            if (transcoded != null) {
                transcoded.close();
            }
        }
    }

    private Ingested ingest(Path file, FileHead head, String encoding, List<String> warnings, DuckDbSession session,
                            StageProgress stages)
            throws SQLException, IOException, AnalysisException, AnalysisCancelledException {
        stages.report(AnalysisStage.PARSING, 0.01, "Detecting delimiter, quotes and header");
        CsvDialect dialect = new DialectDetector(session).detect(file, head);
        CsvLoader loader = new CsvLoader(session, settings.tempDirectory());
        CsvLoader.Result load = loader.load(file, dialect, percentage -> stages.report(AnalysisStage.PARSING,
                LOAD_SHARE * percentage / 100, "Reading rows... " + Math.round(percentage) + "%"));
        List<RejectedRow> footers = FooterRows.extract(session, file, CsvLoader.columnsRead(dialect));
        if (!footers.isEmpty()) {
            load = loader.result();
            warnings.add(String.format("%d total or summary line%s after the data (line %s) %s left out of the "
                            + "table.", footers.size(), footers.size() == 1 ? "" : "s",
                    footers.stream().map(f -> String.valueOf(f.line())).collect(Collectors.joining(", ")),
                    footers.size() == 1 ? "was" : "were"));
        }
        if (load.rowsRead() == 0) {
            throw nothingRead(dialect, load);
        }
        if (load.rowsRejected() > 0) {
            warnings.add(String.format("%,d of %,d rows could not be read (the first at line %d: %s); they are "
                            + "listed under rejects and left out of the analysis.", load.rowsRejected(),
                    load.rowsRead() + load.rowsRejected(), load.firstRejects().get(0).line(),
                    load.firstRejects().get(0).reason()));
        }
        List<DatasetColumn> columns = new ColumnTypeResolver(session).resolve(dialect, fraction -> stages.report(
                AnalysisStage.PARSING, LOAD_SHARE + (1 - LOAD_SHARE) * fraction,
                "Checking column types over all rows"));
        int read = CsvLoader.columnsRead(dialect);
        if (read < dialect.columns().size()) {
            warnings.add(String.format("The file has %,d columns: the first %,d are read and analysed, the others "
                    + "are left out.", dialect.columns().size(), read));
        } else if (columns.size() < read) {
            warnings.add("Every line ends with a delimiter: the empty, unnamed last column was left out.");
        }
        stages.report(AnalysisStage.PARSING, 1.0,
                String.format("Read %,d rows and %d columns", load.rowsRead(), columns.size()));
        return new Ingested(head, encoding, dialect, load, footers, columns, warnings);
    }

    private static AnalysisException nothingRead(CsvDialect dialect, CsvLoader.Result load) {
        if (load.rowsRejected() > 0) {
            RejectedRow first = load.firstRejects().get(0);
            String code = first.kind().equals("invalid_encoding") ? AnalysisException.INVALID_ENCODING
                    : AnalysisException.MALFORMED_ROW;
            String all = load.rowsRejected() == 1 ? "" : String.format(" None of the %,d rows could be read.",
                    load.rowsRejected());
            return new AnalysisException(code, "Row at line " + first.line() + " " + first.reason() + "." + all,
                    first.line());
        }
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
