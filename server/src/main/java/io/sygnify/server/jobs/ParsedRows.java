package io.sygnify.server.jobs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sygnify.server.api.ApiException;
import io.sygnify.server.config.SygnifyProperties;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Reads what the engine wrote for a finished job ({@code rows.parquet}, {@code rejects.parquet} in the job's
 * directory) with an in-memory DuckDB, so a person can check what was understood. Blocking.
 */
@Component
public class ParsedRows {

    static final String ROWS = "rows.parquet";
    static final String REJECTS = "rejects.parquet";

    private final SygnifyProperties properties;
    private final JobService jobs;

    ParsedRows(SygnifyProperties properties, JobService jobs) {
        this.properties = properties;
        this.jobs = jobs;
    }

    public record Column(String name, String type) {
    }

    public record Page(List<Column> columns, List<Map<String, Object>> rows, long offset, int limit, long total) {
    }

    /** Rows {@code offset+1 … offset+limit}; each carries {@code row_number}, the row number used in the report. */
    public Page rows(String jobId, long offset, int limit) {
        return page(fileOf(jobId, ROWS), "row_number", offset, limit);
    }

    /** Rows the engine could not read: line, reason and raw text, by line. */
    public Page rejects(String jobId, long offset, int limit) {
        return page(fileOf(jobId, REJECTS), null, offset, limit);
    }

    /** Writes the whole parsed table as RFC 4180 CSV (UTF-8, CRLF, header from the detected column names). */
    public void writeCsv(String jobId, Writer out) {
        Path file = fileOf(jobId, ROWS);
        try (Connection duck = openEngine();
             Statement statement = duck.createStatement();
             ResultSet rs = statement.executeQuery("SELECT * FROM read_parquet(" + literal(file) + ")")) {
            ResultSetMetaData meta = rs.getMetaData();
            List<String> header = new ArrayList<>();
            for (int c = 1; c <= meta.getColumnCount(); c++) {
                header.add(meta.getColumnLabel(c));
            }
            writeCsvRecord(out, header);
            List<String> record = new ArrayList<>(header.size());
            while (rs.next()) {
                record.clear();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    Object value = jsonValue(rs.getObject(c));
                    record.add(value == null ? "" : value.toString());
                }
                writeCsvRecord(out, record);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the parsed rows of job " + jobId + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An in-memory DuckDB for one request: one thread and the engine's memory limit, so that reading a page or
     * streaming the table never competes with running analyses for every core (DuckDB's default) or for 80 % of
     * the RAM.
     */
    private Connection openEngine() throws SQLException {
        Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement settings = duck.createStatement()) {
            settings.execute("SET threads = 1");
            settings.execute("SET memory_limit = '" + properties.engine().memoryLimit().replace("'", "''") + "'");
        } catch (SQLException e) {
            duck.close();
            throw e;
        }
        return duck;
    }

    /** Throws the API's answer when the job has no parsed rows to show. */
    public void requireRows(String jobId) {
        fileOf(jobId, ROWS);
    }

    private Path fileOf(String jobId, String name) {
        Job job = jobs.get(jobId);
        if (job.status() != JobStage.INSIGHTS_READY) {
            throw new ApiException(HttpStatus.CONFLICT, "job_not_finished", "Job " + jobId + " has no parsed rows"
                    + " (stage " + job.status().wireName() + "); they are available once it reaches insights_ready.");
        }
        Path file = properties.jobDir(jobId).resolve(name);
        if (!Files.exists(file)) {
            throw new ApiException(HttpStatus.NOT_FOUND, "rows_not_available", "The parsed rows of job " + jobId
                    + " were not kept (the job ran on a version that did not store them, or they were deleted).");
        }
        return file;
    }

    private Page page(Path file, String rowNumberField, long offset, int limit) {
        try (Connection duck = openEngine()) {
            long total;
            try (Statement count = duck.createStatement();
                 ResultSet rs = count.executeQuery("SELECT count(*) FROM read_parquet(" + literal(file) + ")")) {
                rs.next();
                total = rs.getLong(1);
            }
            try (PreparedStatement select = duck.prepareStatement("SELECT * FROM read_parquet(" + literal(file)
                    + ") LIMIT ? OFFSET ?")) {
                select.setInt(1, limit);
                select.setLong(2, offset);
                try (ResultSet rs = select.executeQuery()) {
                    ResultSetMetaData meta = rs.getMetaData();
                    List<Column> columns = new ArrayList<>();
                    for (int c = 1; c <= meta.getColumnCount(); c++) {
                        columns.add(new Column(meta.getColumnLabel(c), meta.getColumnTypeName(c)));
                    }
                    List<Map<String, Object>> rows = new ArrayList<>();
                    long number = offset;
                    while (rs.next()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        if (rowNumberField != null) {
                            row.put(rowNumberField, ++number);
                        }
                        for (int c = 1; c <= meta.getColumnCount(); c++) {
                            row.put(columns.get(c - 1).name(), jsonValue(rs.getObject(c)));
                        }
                        rows.add(row);
                    }
                    return new Page(columns, rows, offset, limit, total);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Reading " + file.getFileName() + " failed: " + e.getMessage(), e);
        }
    }

    /** JSON-friendly: numbers and booleans as they are, dates and times as ISO-8601 text, the rest as text. */
    static Object jsonValue(Object value) {
        if (value == null || value instanceof Boolean || value instanceof Long || value instanceof Integer
                || value instanceof Double || value instanceof BigDecimal || value instanceof String) {
            return value;
        }
        if (value instanceof Number number) {
            return number;
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toLocalDateTime().toString();
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        }
        if (value instanceof TemporalAccessor) {
            return value.toString();
        }
        return value.toString();
    }

    private static void writeCsvRecord(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            String field = fields.get(i);
            if (field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
                    || field.indexOf('\r') >= 0) {
                out.write('"');
                out.write(field.replace("\"", "\"\""));
                out.write('"');
            } else {
                out.write(field);
            }
        }
        out.write("\r\n");
    }

    private static String literal(Path file) {
        return "'" + file.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}
