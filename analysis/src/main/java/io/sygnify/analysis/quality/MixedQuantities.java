package io.sygnify.analysis.quality;

import io.sygnify.analysis.AnalysisCancelledException;
import io.sygnify.analysis.engine.AnalysisContext;
import io.sygnify.analysis.engine.ColumnRoles;
import io.sygnify.analysis.engine.DatasetColumn;
import io.sygnify.analysis.engine.DuckDbSession;
import io.sygnify.analysis.engine.Text;
import io.sygnify.analysis.ingest.ColumnTypeResolver;
import io.sygnify.analysis.report.ColumnProfile;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.regex.Pattern;

/**
 * A numeric column that holds several quantities, told apart by an indicator column: the long format of statistics
 * offices and metric exports (Country, Indicator Name, Year, Value: GDP in dollars, population in people and
 * unemployment in percent in one Value column). Its sum per year adds dollars to people, its outliers are the
 * largest indicator, its correlations compare units. Such a column is taken out of the measures (role
 * {@value #ROLE}), and a quality alert says what it holds.
 */
public final class MixedQuantities {

    public static final String ROLE = "mixed_quantities";
    // the indicator column is named so; a category such as product can also have medians far apart (cars and screws)
    private static final Pattern INDICATOR_NAME = Pattern.compile("indicator|metric|metrics|measure|measurement"
            + "|variable|series|parameter|kpi|statistic|concept");
    private static final long MAX_LEVELS = 100;
    // quantities of one kind (sales per quarter) differ less than tenfold in their typical size
    private static final double MEDIAN_RATIO = 10;
    private static final int NAMED = 3;

    /** The median of the measure's sizes for one value of the indicator. */
    record GroupMedian(String value, long rows, double median) {
    }

    /**
     * @param measure   the column holding several quantities
     * @param indicator the column telling them apart
     * @param medians   per indicator value, smallest median first
     */
    public record Found(String measure, String indicator, List<GroupMedian> medians) {

        String message() {
            GroupMedian low = medians.get(0);
            GroupMedian high = medians.get(medians.size() - 1);
            List<String> names = medians.stream().limit(NAMED).map(m -> "'" + m.value() + "'").toList();
            String listed = medians.size() > NAMED ? String.join(", ", names) + " …" : Text.list(names);
            return String.format("%s holds %d different quantities told apart by %s (%s), with medians from %s ('%s') "
                            + "to %s ('%s'): its sums, trends, correlations, outliers and domain figures over all rows "
                            + "would add unlike things, so it is not analysed as a measure. Filter the file to one "
                            + "%s, or give each its own column, to analyse them.", measure, medians.size(), indicator,
                    listed, Text.number(low.median()), low.value(), Text.number(high.median()), high.value(),
                    indicator);
        }
    }

    private MixedQuantities() {
    }

    /** The measures that hold several quantities, each with the indicator that tells them apart. */
    public static List<Found> find(DuckDbSession session, List<DatasetColumn> columns, List<ColumnProfile> profiles)
            throws SQLException, AnalysisCancelledException {
        List<Integer> measures = new ArrayList<>();
        List<Integer> indicators = new ArrayList<>();
        for (int i = 0; i < profiles.size(); i++) {
            ColumnProfile profile = profiles.get(i);
            if (profile.role().equals(ColumnRoles.MEASURE)) {
                measures.add(i);
            } else if (profile.role().equals(ColumnRoles.CATEGORY) && profile.distinctCount() <= MAX_LEVELS
                    && AnalysisContext.matches(INDICATOR_NAME, profile.name())) {
                indicators.add(i);
            }
        }
        List<Found> found = new ArrayList<>();
        for (int d : indicators) {
            if (measures.isEmpty()) {
                break;
            }
            List<List<GroupMedian>> medians = medians(session, columns, d, measures);
            for (int k = 0; k < measures.size(); k++) {
                List<GroupMedian> groups = medians.get(k);
                if (groups.size() >= 2 && groups.get(0).median() > 0
                        && groups.get(groups.size() - 1).median() >= MEDIAN_RATIO * groups.get(0).median()) {
                    found.add(new Found(columns.get(measures.get(k)).name(), columns.get(d).name(), groups));
                }
            }
            measures.removeIf(m -> found.stream().anyMatch(f -> f.measure().equals(columns.get(m).name())));
        }
        return found;
    }

    /** Per measure, the median of |value| for each value of the indicator, smallest first. */
    private static List<List<GroupMedian>> medians(DuckDbSession session, List<DatasetColumn> columns, int indicator,
                                                   List<Integer> measures)
            throws SQLException, AnalysisCancelledException {
        StringJoiner select = new StringJoiner(", ");
        for (int m : measures) {
            String v = columns.get(m).sqlName();
            select.add("count(" + v + ")").add("median(abs(" + v + "::DOUBLE))");
        }
        String d = columns.get(indicator).sqlName();
        return session.query("SELECT CAST(" + d + " AS VARCHAR), " + select + " FROM " + ColumnTypeResolver.TABLE
                + " WHERE " + d + " IS NOT NULL GROUP BY 1", row -> {
                    List<List<GroupMedian>> medians = new ArrayList<>();
                    measures.forEach(m -> medians.add(new ArrayList<>()));
                    while (row.next()) {
                        for (int k = 0; k < measures.size(); k++) {
                            long n = row.getLong(2 + 2 * k);
                            if (n > 0) {
                                medians.get(k).add(new GroupMedian(row.getString(1), n, row.getDouble(3 + 2 * k)));
                            }
                        }
                    }
                    medians.forEach(list -> list.sort(java.util.Comparator.comparingDouble(GroupMedian::median)));
                    return medians;
                });
    }

    /** The profiles with the found measures' role changed to {@value #ROLE}. */
    public static List<ColumnProfile> withRoles(List<ColumnProfile> profiles, List<Found> found) {
        List<ColumnProfile> changed = new ArrayList<>(profiles);
        for (int i = 0; i < changed.size(); i++) {
            ColumnProfile p = changed.get(i);
            if (found.stream().anyMatch(f -> f.measure().equals(p.name()))) {
                changed.set(i, p.withRole(ROLE));
            }
        }
        return changed;
    }
}
