package io.sygnify.analysis.ingest;

import io.sygnify.analysis.AnalysisCancelledException;
import io.sygnify.analysis.CancellationToken;
import io.sygnify.analysis.engine.DuckDbSession;
import io.sygnify.analysis.report.RejectedRow;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * Total and summary lines after the data ({@code Total,,1234}), taken out of the table so they do not count as a
 * row: a trailing row, read or rejected, whose first non-empty field names a total.
 */
public final class FooterRows {

    private static final Pattern TOTAL = Pattern.compile("(?iu)\\s*(grand\\s+)?(sub)?totals?\\b.*|\\s*sum\\b.*"
            + "|\\s*(summe|gesamt|totaal|totale|итого|合計|合计)\\b.*");
    private static final int TRAILING = 5;

    private FooterRows() {
    }

    /** Removes footer rows from the loaded and rejected rows, and returns them in file order. */
    public static List<RejectedRow> extract(DuckDbSession session, Path file, int columns)
            throws SQLException, AnalysisCancelledException, IOException {
        StringJoiner first = new StringJoiner(", ", "coalesce(", ")");
        for (int i = 0; i < Math.min(columns, 3); i++) {
            first.add("nullif(trim(" + CsvDialect.sqlName(i) + "), '')");
        }
        // concat_ws, not ||: a chain of 500 || exceeds DuckDB's expression depth
        StringJoiner all = new StringJoiner(", ", "concat_ws(',', ", ")");
        for (int i = 0; i < Math.min(columns, 50); i++) {
            all.add("coalesce(" + CsvDialect.sqlName(i) + ", '')");
        }
        List<long[]> loaded = new ArrayList<>();
        List<String> loadedText = new ArrayList<>();
        session.query("SELECT rowid, " + (columns == 1 ? CsvDialect.sqlName(0) : first) + ", " + all + " FROM "
                + CsvLoader.TABLE + " ORDER BY rowid DESC LIMIT " + TRAILING, row -> {
                    while (row.next()) {
                        String value = row.getString(2);
                        if (value == null || !TOTAL.matcher(value).matches()) {
                            break; // only a trailing block of total lines is a footer
                        }
                        loaded.add(new long[] {row.getLong(1)});
                        loadedText.add(row.getString(3));
                    }
                    return null;
                });
        long lastRejected = session.queryLong("SELECT coalesce(max(line), 0) FROM " + CsvLoader.REJECTS);
        List<RejectedRow> footers = new ArrayList<>();
        if (!loaded.isEmpty()) {
            long[] lines = lastLines(file, loaded.size(), session.cancellation());
            for (int i = 0; i < loaded.size(); i++) {
                long line = lines[lines.length - 1 - i];
                if (line > lastRejected) {
                    footers.add(0, new RejectedRow(line, "footer", "a total or summary line after the data",
                            loadedText.get(i)));
                    session.execute("DELETE FROM " + CsvLoader.TABLE + " WHERE rowid = " + loaded.get(i)[0]);
                }
            }
        }
        List<RejectedRow> rejected = session.query("SELECT line, raw FROM " + CsvLoader.REJECTS
                + " ORDER BY line DESC LIMIT " + TRAILING, row -> {
                    List<RejectedRow> list = new ArrayList<>();
                    while (row.next()) {
                        String raw = row.getString(2);
                        String firstField = raw == null ? "" : raw.replaceAll("^[\\s,;|\\t\"]+", "");
                        if (!TOTAL.matcher(firstField).matches()) {
                            break;
                        }
                        list.add(0, new RejectedRow(row.getLong(1), "footer", "a total or summary line after the data",
                                raw));
                    }
                    return list;
                });
        // rejected total lines are a footer only at the very end of the file, after every row read
        long lastLine = rejected.isEmpty() ? 0 : LineIndex.linesAt(file,
                new long[] {Math.max(0, java.nio.file.Files.size(file) - 1)}, session.cancellation())[0];
        rejected.removeIf(footer -> footer.line() <= lastLine - 2 * TRAILING);
        if (!rejected.isEmpty()) {
            for (RejectedRow footer : rejected) {
                session.execute("DELETE FROM " + CsvLoader.REJECTS + " WHERE line = " + footer.line());
            }
            footers.addAll(rejected);
            footers.sort(java.util.Comparator.comparingLong(RejectedRow::line));
        }
        return footers;
    }

    /** Line numbers of the last {@code count} non-blank lines of the file. */
    private static long[] lastLines(Path file, int count, CancellationToken cancel)
            throws IOException, AnalysisCancelledException {
        long size = java.nio.file.Files.size(file);
        long total = LineIndex.linesAt(file, new long[] {Math.max(0, size - 1)}, cancel)[0];
        int tail = (int) Math.min(size, 64 * 1024);
        String text;
        try (java.io.RandomAccessFile in = new java.io.RandomAccessFile(file.toFile(), "r")) {
            byte[] bytes = new byte[tail];
            in.seek(size - tail);
            in.readFully(bytes);
            text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
        String[] lines = text.split("\\r\\n|\\r|\\n", -1);
        long line = total;
        List<Long> found = new ArrayList<>();
        for (int i = lines.length - 1; i >= 0 && found.size() < count; i--) {
            if (i == lines.length - 1 && lines[i].isEmpty()) {
                continue; // the break after the last line
            }
            if (!lines[i].isBlank()) {
                found.add(0, line);
            }
            line--;
        }
        return found.stream().mapToLong(Long::longValue).toArray();
    }
}
