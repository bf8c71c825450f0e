package io.sygnify.analysis.ingest;

import io.sygnify.analysis.AnalysisCancelledException;
import io.sygnify.analysis.engine.AnalysisContext;
import io.sygnify.analysis.engine.ColumnType;
import io.sygnify.analysis.engine.DatasetColumn;
import io.sygnify.analysis.engine.DuckDbSession;
import io.sygnify.analysis.engine.Text;
import io.sygnify.analysis.report.ColumnProfile;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.function.DoubleConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides each column's type over every row and turns the loader's text table {@value CsvLoader#TABLE} into the
 * typed table, read through the view {@value #TABLE}.
 *
 * <ol>
 *   <li>A sample of rows proposes, per column, the {@link ValueFormat}s that fit its values: integers, decimals,
 *       numbers with thousands separators, currency, percent or accounting negatives, booleans, times, and dates
 *       and timestamps in ISO, day-first, month-first and month-name formats. Digits with a leading zero stay text
 *       (identifiers such as 007).</li>
 *   <li>One pass over all rows counts, per proposal, the values that do not fit, and the disguised missing values
 *       ({@link MissingValues}). A column takes the first proposal that at least {@value #MIN_FIT} of its values fit;
 *       the others are invalid (NULL in the table, counted and shown). Otherwise it is text.</li>
 *   <li>When both day-first and month-first read every date, the reading under which consecutive rows are closer
 *       in time wins, and the column is flagged ambiguous.</li>
 * </ol>
 * Missing means NULL, blank, or a disguised missing value; it becomes NULL in every column, so later analyses have
 * one definition of missing.
 */
public final class ColumnTypeResolver {

    public static final String TABLE = "dataset";
    /** 1-based number of the row among the rows read, in file order. */
    public static final String ROW = "rn";
    static final double MIN_FIT = 0.99;

    private static final int FIRST_ROWS = 1000;
    private static final int SAMPLE_ROWS = 5000;
    // values pulled through JDBC for the sample: about 6,000 rows of 15 columns, 600 rows of 500
    private static final long SAMPLE_CELLS = 300_000;
    private static final int AGGREGATES_PER_QUERY = 300;
    private static final int EXAMPLES = 5;
    private static final int DISGUISED_LISTED = 10;
    // consecutive rows must be this much closer under one reading to count as evidence for it
    private static final double EVIDENCE_RATIO = 1.5;
    private static final Pattern GENERATED_NAME = Pattern.compile("column\\d+|");
    private static final Pattern LEADING_ZERO = Pattern.compile("[-+]?0\\d+");
    private static final Pattern CURRENCY = Pattern.compile("[$€£¥₹₩₽]|\\b(USD|EUR|GBP|JPY|CHF|CAD|AUD|NZD|CNY|INR"
            + "|BRL|MXN|SEK|NOK|DKK|PLN|ZAR|HKD|SGD|KRW|RUB|TRY|CZK|HUF)\\b");
    private static final Pattern THOUSANDS = Pattern.compile("\\d[, .'\u00A0\u202F]\\d{3}([^\\d]|$)");
    private static final Pattern DATE_NAME = Pattern.compile("date|day|(^|[^a-z])(dt|period|time)([^a-z]|$)");
    private static final int COMPACT_DATE_DISTINCT = 20;
    private static final Pattern YEAR_NAME = Pattern.compile("year|yr|fy");
    private static final Pattern DURATION_NAME = Pattern.compile("duration|elapsed|length|runtime|spent|uptime"
            + "|downtime|wait|waiting|handle|hold|talk|playtime|watch|lap|pace|ttr|aht");
    private static final Pattern COMMA_EVIDENCE = Pattern.compile(",\\d{1,2}(\\D|$)|,\\d{4,}|\\.\\d{3}\\.|\\.\\d{3},");

    private final DuckDbSession session;

    public ColumnTypeResolver(DuckDbSession session) {
        this.session = session;
    }

    /** What the sample says about one column. */
    private record Proposal(List<ValueFormat> candidates, String textFormat, List<String> sample) {
    }

    /** What the full pass counted for one column. */
    private record Counts(long present, long nonBlank, long tokens, long textTokens, long[] failures,
                          long[] placeholders) {
    }

    /** @param onFraction progress of this step, 0.0–1.0 */
    public List<DatasetColumn> resolve(CsvDialect dialect, DoubleConsumer onFraction)
            throws SQLException, AnalysisCancelledException {
        int m = CsvLoader.columnsRead(dialect);
        List<String> names = DatasetColumn.uniqueNames(
                dialect.columns().stream().limit(m).map(CsvDialect.SniffedColumn::name).toList());
        List<List<String>> samples = sample(m);
        List<Proposal> proposals = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            proposals.add(propose(names.get(i), samples.get(i)));
        }
        List<Counts> counts = count(proposals, fraction -> onFraction.accept(fraction / 2));
        List<DatasetColumn> columns = new ArrayList<>();
        List<String> conversions = new ArrayList<>();
        // a delimiter at the end of every line makes an unnamed last column with nothing in it
        boolean trailingDelimiter = m > 1 && counts.get(m - 1).nonBlank() == 0
                && GENERATED_NAME.matcher(names.get(m - 1)).matches();
        for (int i = 0; i < (trailingDelimiter ? m - 1 : m); i++) {
            Choice choice = choose(names.get(i), i, proposals.get(i), counts.get(i));
            columns.add(choice.column());
            String typed = typed(choice, counts.get(i));
            conversions.add(typed.equals(choice.column().sqlName()) ? null : typed);
        }
        convert(columns, conversions, fraction -> onFraction.accept(0.5 + fraction / 2));
        return columns;
    }

    /**
     * Turns the text table into the typed one in place, one column at a time, and names it {@value #TABLE} with
     * the row number added. Rewriting only the columns that change is several times cheaper than copying the table
     * (1M rows of 15 columns: 0.14 s against 0.45 s), and the table is never held twice.
     *
     * @param conversions per column, the SQL building its typed value, or null to keep the text as it is
     */
    private void convert(List<DatasetColumn> columns, List<String> conversions, DoubleConsumer onFraction)
            throws SQLException, AnalysisCancelledException {
        StringJoiner types = new StringJoiner(", ");
        conversions.stream().filter(java.util.Objects::nonNull).forEach(sql -> types.add("typeof(" + sql + ")"));
        List<String> sqlTypes = types.length() == 0 ? List.of() : session.query("SELECT " + types + " FROM "
                + CsvLoader.TABLE + " LIMIT 1", row -> {
                    row.next();
                    List<String> list = new ArrayList<>();
                    for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                        list.add(row.getString(i));
                    }
                    return list;
                });
        StringJoiner view = new StringJoiner(", ");
        view.add("rowid + 1 AS " + ROW);
        for (int i = 0, typed = 0; i < columns.size(); i++) {
            String v = columns.get(i).sqlName();
            if (conversions.get(i) != null) {
                session.execute("ALTER TABLE " + CsvLoader.TABLE + " ALTER " + v + " SET DATA TYPE "
                        + sqlTypes.get(typed++) + " USING " + conversions.get(i));
            }
            view.add(v);
            onFraction.accept((i + 1.0) / columns.size());
        }
        session.execute("CREATE OR REPLACE VIEW " + TABLE + " AS SELECT " + view + " FROM " + CsvLoader.TABLE);
    }

    /** Non-blank, trimmed values of each column from the first rows and a hash sample of the rest. */
    private List<List<String>> sample(int m) throws SQLException, AnalysisCancelledException {
        long rows = session.queryLong("SELECT count(*) FROM " + CsvLoader.TABLE);
        long limit = Math.max(100, Math.min(FIRST_ROWS + SAMPLE_ROWS, SAMPLE_CELLS / Math.max(1, m)));
        long keep = rows <= limit ? 1_000_003 : (long) Math.ceil((double) SAMPLE_ROWS / rows * 1_000_003);
        String sql = "SELECT * FROM " + CsvLoader.TABLE + " WHERE rowid < " + Math.min(FIRST_ROWS, limit)
                + " OR hash(rowid) % 1000003 < " + keep + " LIMIT " + limit;
        return session.query(sql, row -> {
            List<List<String>> values = new ArrayList<>();
            for (int i = 0; i < m; i++) {
                values.add(new ArrayList<>());
            }
            while (row.next()) {
                for (int i = 0; i < m; i++) {
                    String value = row.getString(i + 1);
                    if (value != null && !value.isBlank()) {
                        values.get(i).add(value.strip());
                    }
                }
            }
            return values;
        });
    }

    private static Proposal propose(String name, List<String> all) {
        List<String> values = all.stream().filter(v -> !MissingValues.isToken(v)).toList();
        if (values.isEmpty()) {
            return new Proposal(List.of(), null, values);
        }
        boolean digitsOnly = values.stream().allMatch(v -> ValueFormat.INTEGER.pattern().matcher(v).matches());
        if (digitsOnly && values.stream().anyMatch(v -> LEADING_ZERO.matcher(v).matches())) {
            return new Proposal(List.of(), "leading_zeros", values);
        }
        List<ValueFormat> fits = new ArrayList<>(ValueFormat.fitting(values, MIN_FIT));
        if (digitsOnly && compactDates(name, values)) {
            fits.add(0, ValueFormat.COMPACT_DATE);
        }
        if (digitsOnly && years(name, values)) {
            fits.add(0, ValueFormat.YEAR);
        }
        if (durations(name, values)) {
            fits.add(0, ValueFormat.DURATION);
        }
        wholeNumbers(fits, values);
        if (fits.contains(ValueFormat.COMMA_DECIMAL) && fits.contains(ValueFormat.POINT_DECIMAL)
                && values.stream().anyMatch(v -> COMMA_EVIDENCE.matcher(v).find())) {
            fits.remove(ValueFormat.POINT_DECIMAL);
        }
        if (fits.contains(ValueFormat.INTEGER) || fits.contains(ValueFormat.DECIMAL)) {
            // plain numbers need no regular expression (costly over hundreds of columns); a column of integers
            // may still hold decimals further down
            fits.removeAll(List.of(ValueFormat.POINT_DECIMAL, ValueFormat.COMMA_DECIMAL, ValueFormat.POINT_INTEGER,
                    ValueFormat.COMMA_INTEGER));
            if (!fits.contains(ValueFormat.DECIMAL)) {
                fits.add(ValueFormat.DECIMAL);
            }
        }
        return new Proposal(fits, null, values);
    }

    /**
     * Eight-digit values are dates when every one in the sample is a valid yyyymmdd and the name says date, or
     * there are too many distinct ones for chance: about 4 % of 8-digit numbers from 18000000 to 20999999 are valid
     * dates, so 20 distinct values all valid by chance is below 1e-27 (and counters or ids run past day 31).
     */
    private static boolean compactDates(String name, List<String> values) {
        if (!values.stream().allMatch(v -> ValueFormat.COMPACT_DATE.pattern().matcher(v).matches())) {
            return false;
        }
        return DATE_NAME.matcher(name.toLowerCase(Locale.ROOT)).find()
                || values.stream().distinct().count() >= COMPACT_DATE_DISTINCT;
    }

    /** Whether four-digit values are years: the column is named like one and every value is from 1800 to 2099. */
    private static boolean years(String name, List<String> values) {
        return AnalysisContext.matches(YEAR_NAME, name)
                && values.stream().allMatch(v -> ValueFormat.YEAR.pattern().matcher(v).matches());
    }

    /** Whether h:mm:ss values are durations: the name says so ("Avg. Session Duration") or hours reach 24. */
    private static boolean durations(String name, List<String> values) {
        if (values.isEmpty() || !values.stream().allMatch(v -> ValueFormat.DURATION.pattern().matcher(v).matches())) {
            return false;
        }
        return AnalysisContext.matches(DURATION_NAME, name)
                || values.stream().anyMatch(v -> Integer.parseInt(v.substring(0, v.indexOf(':'))) >= 24);
    }

    /** Puts the integer reading of separated or currency numbers before the decimal one when no value has a fraction. */
    private static void wholeNumbers(List<ValueFormat> fits, List<String> values) {
        for (ValueFormat[] pair : new ValueFormat[][] {{ValueFormat.POINT_DECIMAL, ValueFormat.POINT_INTEGER},
            {ValueFormat.COMMA_DECIMAL, ValueFormat.COMMA_INTEGER}}) {
            int at = fits.indexOf(pair[0]);
            if (at >= 0 && values.stream().allMatch(v -> pair[1].pattern().matcher(v).matches())) {
                fits.add(at, pair[1]);
            }
        }
    }

    /** One pass (per chunk of columns) counting blanks, disguised missing values and misfits per proposal. */
    private List<Counts> count(List<Proposal> proposals, DoubleConsumer onFraction)
            throws SQLException, AnalysisCancelledException {
        List<Counts> counts = new ArrayList<>();
        int m = proposals.size();
        for (int start = 0, end; start < m; start = end) {
            // a few hundred aggregates per query: each keeps vectors of its own, and DuckDB's memory is limited
            int aggregates = 0;
            for (end = start; end < m && (end == start || aggregates < AGGREGATES_PER_QUERY); end++) {
                aggregates += 4 + 2 * proposals.get(end).candidates().size();
            }
            // per column: present values, placeholders, placeholders that are also codes, and per proposal the
            // values that fit neither it nor a placeholder. CASE runs the costly placeholder test only on values
            // that do not fit (no placeholder fits a format). count_if, not count(*) FILTER: DuckDB copies the input
            // chunk for every FILTER, which on hundreds of columns runs out of memory
            // The blank and format tests are computed once per value in an inner projection: written into each
            // aggregate they were evaluated once per aggregate (3 + 2 per candidate times per value)
            StringJoiner select = new StringJoiner(", ");
            StringJoiner tests = new StringJoiner(", ");
            for (int i = start; i < end; i++) {
                String v = CsvDialect.sqlName(i);
                String token = MissingValues.isToken(v, MissingValues.TOKENS);
                String codes = MissingValues.isToken(v, MissingValues.TEXT_CODES);
                List<ValueFormat> candidates = proposals.get(i).candidates();
                String b = "b" + i;
                tests.add(v).add(blank(v) + " AS " + b);
                List<String> fit = new ArrayList<>();
                for (int k = 0; k < candidates.size(); k++) {
                    ValueFormat format = candidates.get(k);
                    if (format.type().isDateOrTimestamp()) {
                        // the read date is kept for the placeholder test: parsing it twice cost a tenth of the pass
                        tests.add(format.read(v) + " AS r" + i + "_" + k);
                        fit.add("(r" + i + "_" + k + " IS NOT NULL)");
                    } else {
                        tests.add(format.accepts(v) + " AS a" + i + "_" + k);
                        fit.add("a" + i + "_" + k);
                    }
                }
                String fits = candidates.isEmpty() ? "false" : fit.get(0);
                select.add("count(" + v + ")");
                select.add("count_if(NOT " + b + ")");
                select.add("count_if(CASE WHEN " + b + " OR " + fits + " THEN false ELSE " + token + " END)");
                select.add("count_if(CASE WHEN " + b + " OR " + fits + " THEN false ELSE " + codes + " END)");
                for (int k = 0; k < candidates.size(); k++) {
                    ValueFormat format = candidates.get(k);
                    select.add("count_if(CASE WHEN " + b + " OR " + fit.get(k) + " THEN false ELSE NOT "
                            + token + " END)");
                    select.add(format.type().isDateOrTimestamp() ? "count_if(NOT " + b + " AND "
                            + MissingValues.isPlaceholderDate("r" + i + "_" + k) + ")" : "0");
                }
            }
            int chunkStart = start;
            int chunkEnd = end;
            counts.addAll(session.query("SELECT " + select + " FROM (SELECT " + tests + " FROM " + CsvLoader.TABLE
                    + ")",
                    percentage -> onFraction.accept((chunkStart + (chunkEnd - chunkStart) * percentage / 100) / m),
                    row -> {
                        row.next();
                        List<Counts> chunk = new ArrayList<>();
                        int column = 1;
                        for (int i = chunkStart; i < chunkEnd; i++) {
                            int k = proposals.get(i).candidates().size();
                            long present = row.getLong(column++);
                            long nonBlank = row.getLong(column++);
                            long tokens = row.getLong(column++);
                            long textTokens = tokens - row.getLong(column++);
                            long[] failures = new long[k];
                            long[] placeholders = new long[k];
                            for (int c = 0; c < k; c++) {
                                failures[c] = row.getLong(column++);
                                placeholders[c] = row.getLong(column++);
                            }
                            chunk.add(new Counts(present, nonBlank, tokens, textTokens, failures, placeholders));
                        }
                        return chunk;
                    }));
        }
        return counts;
    }

    /** A column's type, and the format its values are read with (null for text). */
    private record Choice(DatasetColumn column, ValueFormat format) {
    }

    private Choice choose(String name, int index, Proposal proposal, Counts counts)
            throws SQLException, AnalysisCancelledException {
        String v = CsvDialect.sqlName(index);
        long nonMissing = counts.nonBlank() - counts.tokens();
        List<ValueFormat> candidates = proposal.candidates();
        // the format that reads the most values, the earlier on a tie (integer before decimal, day-first first)
        int best = -1;
        for (int c = 0; c < candidates.size(); c++) {
            long failures = counts.failures()[c];
            if (nonMissing > 0 && nonMissing - failures >= MIN_FIT * nonMissing
                    && (best < 0 || failures < counts.failures()[best])) {
                best = c;
            }
        }
        if (best >= 0) {
            int c = best;
            ValueFormat format = candidates.get(c);
            long invalid = counts.failures()[c];
            boolean ambiguous = false;
            String evidence = null;
            int partner = partnerIndex(candidates, format);
            if (partner >= 0 && counts.failures()[partner] <= invalid) {
                ambiguous = true;
                ValueFormat second = candidates.get(partner);
                double[] gaps = medianGaps(v, format, second);
                boolean switched = gaps[1] * EVIDENCE_RATIO <= gaps[0];
                evidence = switched ? evidence(second, format, gaps[1], gaps[0])
                        : evidence(format, second, gaps[0], gaps[1]);
                if (switched) {
                    format = second;
                    c = partner;
                    invalid = counts.failures()[partner];
                }
            }
            long placeholders = counts.placeholders()[c];
            List<ColumnProfile.ValueCount> disguised = disguised(v, MissingValues.TOKENS, counts.tokens());
            if (placeholders > 0) {
                disguised = new ArrayList<>(disguised);
                disguised.addAll(placeholderDates(v, format));
            }
            return new Choice(new DatasetColumn(name, v, format.type(), label(format, proposal.sample()), invalid,
                    invalid == 0 ? List.of() : invalidExamples(v, format), counts.tokens() + placeholders, disguised,
                    ambiguous, evidence), format);
        }
        long textTokens = counts.textTokens();
        return new Choice(new DatasetColumn(name, v, ColumnType.TEXT, proposal.textFormat(), 0, List.of(), textTokens,
                disguised(v, MissingValues.tokens(ColumnType.TEXT), textTokens), false, null), null);
    }

    private static int partnerIndex(List<ValueFormat> candidates, ValueFormat format) {
        if (format.partner() == null) {
            return -1;
        }
        for (int i = 0; i < candidates.size(); i++) {
            if (format.partner().equals(candidates.get(i).name())) {
                return i;
            }
        }
        return -1;
    }

    /** Median distance in days between consecutive rows' dates under two readings. */
    private double[] medianGaps(String v, ValueFormat first, ValueFormat second)
            throws SQLException, AnalysisCancelledException {
        String a = "CAST(" + first.read(v) + " AS TIMESTAMP)";
        String b = "CAST(" + second.read(v) + " AS TIMESTAMP)";
        String sql = "SELECT median(abs(epoch(a) - epoch(la))) / 86400, median(abs(epoch(b) - epoch(lb))) / 86400"
                + " FROM (SELECT a, lag(a) OVER (ORDER BY r) AS la, b, lag(b) OVER (ORDER BY r) AS lb FROM (SELECT"
                + " rowid AS r, " + a + " AS a, " + b + " AS b FROM " + CsvLoader.TABLE + " WHERE NOT " + blank(v)
                + ") WHERE a IS NOT NULL AND b IS NOT NULL)";
        return session.query(sql, row -> {
            row.next();
            return new double[] {row.getDouble(1), row.getDouble(2)};
        });
    }

    private static String evidence(ValueFormat chosen, ValueFormat other, double chosenGap, double otherGap) {
        if (Math.min(chosenGap, otherGap) * EVIDENCE_RATIO <= Math.max(chosenGap, otherGap)) {
            return String.format(Locale.ROOT, "read as %s because consecutive rows are %s apart (median) that way"
                    + " and %s as %s.", chosen.name(), days(chosenGap), days(otherGap), other.name());
        }
        return String.format(Locale.ROOT, "no evidence either way (consecutive rows %s and %s apart, median); "
                + "read as %s, the day-first reading of most countries.", days(chosenGap), days(otherGap),
                chosen.name());
    }

    private static String days(double days) {
        return Text.number(days) + (days == 1 ? " day" : " days");
    }

    private List<String> invalidExamples(String v, ValueFormat format) throws SQLException, AnalysisCancelledException {
        return session.query("SELECT trim(" + v + ") AS x, count(*) AS n FROM " + CsvLoader.TABLE + " WHERE NOT "
                + blank(v) + " AND NOT " + MissingValues.isToken(v, MissingValues.TOKENS) + " AND NOT ("
                + format.accepts(v) + ") GROUP BY x ORDER BY n DESC, x LIMIT " + EXAMPLES, row -> {
                    List<String> list = new ArrayList<>();
                    while (row.next()) {
                        String value = row.getString(1);
                        list.add(value.length() > 100 ? value.substring(0, 100) + "…" : value);
                    }
                    return list;
                });
    }

    private List<ColumnProfile.ValueCount> disguised(String v, List<String> tokens, long count)
            throws SQLException, AnalysisCancelledException {
        if (count == 0) {
            return List.of();
        }
        return session.query("SELECT trim(" + v + ") AS x, count(*) AS n FROM " + CsvLoader.TABLE + " WHERE "
                + MissingValues.isToken(v, tokens) + " GROUP BY x ORDER BY n DESC, x LIMIT " + DISGUISED_LISTED,
                row -> {
                    List<ColumnProfile.ValueCount> list = new ArrayList<>();
                    while (row.next()) {
                        list.add(new ColumnProfile.ValueCount(row.getString(1), row.getLong(2)));
                    }
                    return list;
                });
    }

    private List<ColumnProfile.ValueCount> placeholderDates(String v, ValueFormat format)
            throws SQLException, AnalysisCancelledException {
        String read = format.read(v);
        return session.query("SELECT CAST(CAST(" + read + " AS DATE) AS VARCHAR) AS x, count(*) AS n FROM "
                + CsvLoader.TABLE + " WHERE NOT " + blank(v) + " AND " + MissingValues.isPlaceholderDate(read)
                + " GROUP BY x ORDER BY n DESC, x", row -> {
                    List<ColumnProfile.ValueCount> list = new ArrayList<>();
                    while (row.next()) {
                        list.add(new ColumnProfile.ValueCount(row.getString(1), row.getLong(2)));
                    }
                    return list;
                });
    }

    /** The format as shown in the report: the date layout, or what the numbers carry (currency, percent …). */
    private static String label(ValueFormat format, List<String> sample) {
        if (format == ValueFormat.BOOLEAN) {
            String lower = sample.isEmpty() ? "" : sample.get(0).toLowerCase(Locale.ROOT);
            return lower.startsWith("y") || lower.startsWith("n") ? "yes/no" : "true/false";
        }
        if (!format.decorated()) {
            return format.name();
        }
        List<String> features = new ArrayList<>();
        sample.stream().map(CURRENCY::matcher).filter(Matcher::find).findFirst()
                .ifPresent(match -> features.add("currency " + match.group()));
        if (sample.stream().anyMatch(v -> v.endsWith("%"))) {
            features.add("percent");
        }
        if (sample.stream().anyMatch(v -> THOUSANDS.matcher(v).find())) {
            features.add("thousands_separator");
        }
        if (sample.stream().anyMatch(v -> v.startsWith("("))) {
            features.add("accounting_negative");
        }
        if (format == ValueFormat.COMMA_DECIMAL) {
            features.add("decimal_comma");
        }
        return features.isEmpty() ? format.name() : String.join(", ", features);
    }

    /**
     * SQL building the typed value of a column: NULL for blanks, disguised missing values and misfits. Only the
     * tests the counts call for are written (they are most of the cost of the conversion): none for whitespace
     * when no value is only whitespace, and a plain cast when every value fits. NULL reads as NULL in every format.
     */
    private static String typed(Choice choice, Counts counts) {
        DatasetColumn column = choice.column();
        String v = column.sqlName();
        List<String> tokens = MissingValues.tokens(column.type());
        boolean hasTokens = column.type() == ColumnType.TEXT ? counts.textTokens() > 0 : counts.tokens() > 0;
        StringJoiner missing = new StringJoiner(" OR ");
        if (counts.present() > counts.nonBlank()) {
            missing.add(blank(v));
        }
        if (hasTokens) {
            missing.add(MissingValues.isToken(v, tokens));
        }
        String read = column.type() == ColumnType.TEXT ? v
                : column.invalidCount() == 0 ? choice.format().readFitting(v) : choice.format().read(v);
        boolean placeholders = column.disguisedMissing().stream()
                .anyMatch(value -> MissingValues.PLACEHOLDER_DATES.contains(value.value()));
        if (placeholders) {
            read = "CASE WHEN " + MissingValues.isPlaceholderDate(read) + " THEN NULL ELSE " + read + " END";
        }
        return missing.length() == 0 ? read : "CASE WHEN " + missing + " THEN NULL ELSE " + read + " END";
    }

    /** SQL that is true when the text {@code value} is missing: NULL, empty or only whitespace. */
    static String blank(String value) {
        return "(" + value + " IS NULL OR NOT " + value + " GLOB '*[! \t\r\n]*')";
    }
}
