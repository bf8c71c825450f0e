package io.sygnify.analysis.quality;

import io.sygnify.analysis.AnalysisCancelledException;
import io.sygnify.analysis.engine.AnalysisContext;
import io.sygnify.analysis.engine.Text;
import io.sygnify.analysis.ingest.ColumnTypeResolver;
import io.sygnify.analysis.report.ColumnProfile;
import io.sygnify.analysis.segments.FlagRates;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where a column's blanks are, when a category says: a listing's Sold Price is blank on every listing still Active,
 * a condo has no lot size. "Missing in 20 % of rows" reads as a quality problem; "blank exactly where Status is
 * Active" is the file's structure, and says so.
 */
final class MissingWhere {

    // "only there": this share of the blanks on the named values' rows; "every row there": this share of those rows
    static final double NEARLY_ALL = 0.98;
    private static final long MIN_BLANKS = 20;
    private static final int MAX_VALUES_NAMED = 3;
    private static final int MAX_VALUES_NAMED_EXACT = 6;
    private static final long MAX_LEVELS = 50;
    private static final int MAX_DIMENSIONS = 10;
    // values covering most of the rows explain nothing: "blank on rows with Status Active or Sold or Pending"
    private static final double MAX_ROWS_SHARE = 0.8;
    // "every row there" names a cause of a fifth of the blanks or more (unsent surveys among unanswered ones)
    private static final double MIN_SHARE_OF_BLANKS = 0.2;
    private static final long MIN_ROWS = 30;
    private static final double ALPHA = 0.001;
    // a query counts every candidate column's blanks per value: bounded so that it stays one query
    private static final int MAX_COLUMNS = 200;
    private static final Comparator<Where> BEST = Comparator.comparing(Where::exact)
            .thenComparingDouble(w -> w.coverage() * w.rate());

    /**
     * @param values     the dimension's values named, highest blank rate first
     * @param rows       rows with one of them
     * @param blanks     of those, rows where the column is blank
     * @param restRows   rows with another value of the dimension
     * @param restBlanks of those, rows where the column is blank
     * @param allBlanks  rows where the column is blank, the dimension's blanks included
     */
    record Where(String dimension, List<String> values, long rows, long blanks, long restRows, long restBlanks,
                 long allBlanks) {

        /** Blank on those rows and nowhere else. */
        boolean exact() {
            return blanks == rows && blanks == allBlanks;
        }

        double coverage() {
            return (double) blanks / allBlanks;
        }

        double rate() {
            return (double) blanks / rows;
        }

        double restRate() {
            return restRows == 0 ? 0 : (double) restBlanks / restRows;
        }

        /** "Status Active", "Property Type Condo or Townhouse". */
        String rowsNamed() {
            return dimension + " " + (values.size() == 1 ? values.get(0)
                    : String.join(", ", values.subList(0, values.size() - 1)) + " or " + values.get(values.size() - 1));
        }
    }

    private record Level(String value, long rows, long blanks) {
        double rate() {
            return (double) blanks / rows;
        }
    }

    private MissingWhere() {
    }

    /**
     * For each of {@code columns} with {@value #MIN_BLANKS} blanks or more, the values of one category (up to
     * {@value #MAX_DIMENSIONS} of at most {@value #MAX_LEVELS} values) on whose rows its blanks are: nearly all of
     * its blanks there, or nearly all of those rows blank. A column no category explains is absent. One query per
     * category for all the columns: a wide file's hundred sparse columns cost ten scans, not a thousand.
     */
    static Map<Integer, Where> of(AnalysisContext context, List<Integer> columns)
            throws SQLException, AnalysisCancelledException {
        List<Integer> candidates = columns.stream()
                .filter(c -> context.profile(c).missingCount() >= MIN_BLANKS).limit(MAX_COLUMNS).toList();
        Map<Integer, Where> found = new HashMap<>();
        if (candidates.isEmpty()) {
            return found;
        }
        long[] allBlanks = context.session().queryLongs(candidates.stream().map(c -> "count(*) FILTER (WHERE "
                + context.sql(c) + " IS NULL)").collect(Collectors.joining(", ", "SELECT ", " FROM "
                + ColumnTypeResolver.TABLE)));
        for (int d : context.dimensions(MAX_LEVELS, MAX_DIMENSIONS + 1)) {
            List<List<Level>> levels = levels(context, d, candidates);
            for (int i = 0; i < candidates.size(); i++) {
                int column = candidates.get(i);
                if (column != d) {
                    Optional<Where> where = where(context, d, levels.get(i), allBlanks[i]);
                    if (where.isPresent() && (!found.containsKey(column) || BEST.compare(where.get(),
                            found.get(column)) > 0)) {
                        found.put(column, where.get());
                    }
                }
            }
        }
        return found;
    }

    /** Per column, the dimension's values with their rows and the column's blanks on them. */
    private static List<List<Level>> levels(AnalysisContext context, int dimension, List<Integer> columns)
            throws SQLException, AnalysisCancelledException {
        String d = context.sql(dimension);
        return context.session().query("SELECT CAST(" + d + " AS VARCHAR) AS v, count(*)" + columns.stream()
                .map(c -> ", count(*) FILTER (WHERE " + context.sql(c) + " IS NULL)").collect(Collectors.joining())
                + " FROM " + ColumnTypeResolver.TABLE + " WHERE " + d + " IS NOT NULL GROUP BY v", row -> {
                    List<List<Level>> byColumn = new ArrayList<>();
                    columns.forEach(c -> byColumn.add(new ArrayList<>()));
                    while (row.next()) {
                        for (int i = 0; i < columns.size(); i++) {
                            byColumn.get(i).add(new Level(row.getString(1), row.getLong(2), row.getLong(3 + i)));
                        }
                    }
                    return byColumn;
                });
    }

    private static Optional<Where> where(AnalysisContext context, int dimension, List<Level> levels, long allBlanks) {
        long rows = levels.stream().mapToLong(Level::rows).sum();
        long blanks = levels.stream().mapToLong(Level::blanks).sum();
        if (blanks < MIN_BLANKS) {
            return Optional.empty();
        }
        double overall = (double) blanks / rows;
        // blank more often than the column as a whole: the candidates for "only there"; nearly always blank: for
        // "every row there"
        Optional<Where> onlyThere = named(context, dimension, levels, l -> l.rate() > overall, rows, blanks,
                allBlanks).filter(w -> w.coverage() >= NEARLY_ALL);
        Optional<Where> everyRow = named(context, dimension, levels, l -> l.rate() >= NEARLY_ALL, rows, blanks,
                allBlanks).filter(w -> w.coverage() >= MIN_SHARE_OF_BLANKS && w.rows() >= MIN_ROWS);
        // a rate that high on those rows by chance, with the blanks where they fall, is what the test rules out
        return (onlyThere.isPresent() ? onlyThere : everyRow).filter(w -> w.exact()
                || FlagRates.fisherUpperTail(w.blanks(), w.rows(), blanks, rows) < ALPHA);
    }

    private static Optional<Where> named(AnalysisContext context, int dimension, List<Level> levels,
                                         java.util.function.Predicate<Level> chosen, long rows, long blanks,
                                         long allBlanks) {
        List<Level> named = levels.stream().filter(chosen).sorted(Comparator.comparingDouble(Level::rate).reversed()
                .thenComparing(Level::value)).toList();
        long namedRows = named.stream().mapToLong(Level::rows).sum();
        if (named.isEmpty()) {
            return Optional.empty();
        }
        long namedBlanks = named.stream().mapToLong(Level::blanks).sum();
        Where where = new Where(context.name(dimension), named.stream().map(Level::value).toList(), namedRows,
                namedBlanks, rows - namedRows, blanks - namedBlanks, allBlanks);
        // an exact match says it however many rows and values it covers: a cancellation code is blank wherever
        // cancelled is 0, a close date at each of a pipeline's four open stages
        boolean crisp = where.exact() ? named.size() <= MAX_VALUES_NAMED_EXACT
                : named.size() <= MAX_VALUES_NAMED && namedRows <= MAX_ROWS_SHARE * rows;
        return crisp ? Optional.of(where) : Optional.empty();
    }

    /**
     * The alert's sentence. Exact: "Sold Price is blank on exactly the 1,186 rows with Status Active: it does not
     * apply there, so these blanks are not counted as missing." Otherwise the share told, then where.
     */
    static String sentence(ColumnProfile p, Where w) {
        if (w.exact()) {
            return String.format("%s is blank on exactly the %s with %s, and filled on all others: it does not apply "
                    + "there, so these blanks are not counted as missing.", p.name(), Text.count(w.rows(), "row"),
                    w.rowsNamed());
        }
        String head = String.format("%s is missing in %s of rows (%s cells)", p.name(),
                Text.percent(p.missingPercent() / 100), Text.count(p.missingCount()));
        if (w.coverage() >= NEARLY_ALL) {
            return String.format("%s, %s on rows with %s (blank on %s of those rows, against %s of the others).",
                    head, w.blanks() == w.allBlanks() ? "all of them" : Text.percent(w.coverage()) + " of them",
                    w.rowsNamed(), Text.percent(w.rate()), Text.percent(w.restRate()));
        }
        return String.format("%s: on %s with %s (%s) and on %s of the others.", head,
                w.blanks() == w.rows() ? "every row" : Text.percent(w.rate()) + " of the rows", w.rowsNamed(),
                Text.count(w.rows()), Text.percent(w.restRate()));
    }
}
