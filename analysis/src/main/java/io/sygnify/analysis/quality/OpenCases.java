package io.sygnify.analysis.quality;

import io.sygnify.analysis.AnalysisCancelledException;
import io.sygnify.analysis.engine.AnalysisContext;
import io.sygnify.analysis.engine.Text;
import io.sygnify.analysis.ingest.ColumnTypeResolver;
import io.sygnify.analysis.report.ColumnProfile;
import io.sygnify.analysis.report.Relationships;
import io.sygnify.analysis.segments.FlagRates;
import java.util.List;
import java.util.Optional;

/**
 * A date that follows another on every row where both are set, and is blank on many rows while the first is set on
 * nearly all: a termination date after a hire date, a delivery date after an order date, a return date. Its blanks
 * are what has not happened (yet): employees who stay, orders not yet delivered, goods kept. That is part of what
 * the file says, not missing data; and
 * whether it is set is an outcome whose rate by segment is worth telling ({@link FlagRates#ofFollowingDate}).
 */
public final class OpenCases {

    static final double MIN_OPEN = 0.05;
    static final double MAX_OPEN = 0.95;
    private static final double MAX_START_MISSING = 0.01;

    private OpenCases() {
    }

    /** Whether {@code to}'s blanks are open cases of {@code from}. */
    public static boolean open(ColumnProfile from, ColumnProfile to) {
        long rows = to.presentCount() + to.missingCount() + to.invalidCount();
        if (rows == 0 || to.invalidCount() > 0) {
            return false;
        }
        double open = (double) to.missingCount() / rows;
        return open >= MIN_OPEN && open <= MAX_OPEN && from.missingCount() <= MAX_START_MISSING * rows;
    }

    /** The span whose later date is {@code column}, when its blanks are open cases. */
    static Optional<Relationships.DateSpan> of(String column, List<Relationships.DateSpan> spans,
                                              AnalysisContext context) {
        return spans.stream().filter(span -> span.to().equals(column)
                && open(context.profile(context.index(span.from())), context.profile(context.index(column))))
                .findFirst();
    }

    /** "termination_date is blank on 85 % of rows (1,277): … not yet." */
    static String sentence(ColumnProfile to, Relationships.DateSpan span, String recent) {
        return String.format("%s is blank on %s of rows (%s) and set on %s: it follows %s (by %s %s, median) and "
                        + "%s is set on nearly every row, so a blank is something that has not happened (yet), not missing data%s.",
                to.name(), Text.percent(to.missingPercent() / 100), Text.count(to.missingCount()),
                Text.count(to.presentCount()), span.from(), Text.number(span.median()), span.unit(), span.from(),
                recent);
    }

    /**
     * ", most of them recent: …" when the open cases began late, half of them after the latest quarter of all
     * starts: a backlog of new tickets, not cases forgotten long ago; else "".
     */
    static String recent(AnalysisContext context, Relationships.DateSpan span)
            throws java.sql.SQLException, AnalysisCancelledException {
        String from = "CAST(" + context.sql(context.index(span.from())) + " AS TIMESTAMP)";
        String to = context.sql(context.index(span.to()));
        java.time.LocalDateTime[] starts = context.session().query("SELECT quantile_disc(" + from + ", 0.5) FILTER ("
                + "WHERE " + to + " IS NULL), quantile_disc(" + from + ", 0.75) FROM " + ColumnTypeResolver.TABLE,
                row -> {
                    row.next();
                    return new java.time.LocalDateTime[] {row.getObject(1, java.time.LocalDateTime.class),
                        row.getObject(2, java.time.LocalDateTime.class)};
                });
        if (starts[0] == null || starts[1] == null || !starts[0].isAfter(starts[1])) {
            return "";
        }
        return String.format("; most are recent: half of them began after %s, later than three in four of all "
                + "%s values", Text.moment(starts[0]), span.from());
    }
}
