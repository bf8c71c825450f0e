package io.sygnify.analysis.report;

import io.sygnify.analysis.outliers.GroupOutliers;
import io.sygnify.analysis.outliers.OutlierAnalysis;
import java.util.List;
import java.util.Map;

/**
 * Values far from the bulk of their column, by robust methods that the outliers themselves cannot distort.
 *
 * @param columns one entry per measure assessed
 * @param notes   why measures were not assessed, if any were not
 */
public record Outliers(List<ColumnOutliers> columns, List<String> notes) {

    /** Scales a column's values are assessed on (see {@link ColumnOutliers#scale()}). */
    public static final String LINEAR = "linear";
    public static final String LOG = "log";
    public static final String LOG_MAGNITUDE = "log_magnitude";
    /** asinh(x / s), s the median size: like a log for large sizes of either sign, like x itself near zero. */
    public static final String SIGNED_LOG = "signed_log";

    /**
     * @param column      the measure
     * @param method      {@code modified_z}: |0.6745 (x − median) / MAD| above {@code threshold} (Iglewicz and
     *                    Hoaglin); {@code iqr}: beyond the quartiles by more than {@code threshold} × IQR (used
     *                    when the MAD is 0)
     * @param scale       {@code linear}; {@code log} for positive heavy-tailed values (skewness above 2, at most 5 %
     *                    zeros), where the method runs on ln(x) and zeros are not assessed; {@code log_magnitude}
     *                    for such values of which some (at most a fifth) are negative, like amounts with refunds:
     *                    the method runs on ln|x|, the fences bound |x|, and {@code low}/{@code high} count values
     *                    too small/too large in size, whatever their sign
     * @param threshold   3.5 for {@code modified_z}, 3 for {@code iqr}
     * @param lowerFence  values below are outliers (in the column's units; sizes for {@code log_magnitude})
     * @param upperFence  values above are outliers (in the column's units; sizes for {@code log_magnitude})
     * @param assessed    values assessed
     * @param count       outlying values
     * @param share       count / assessed
     * @param low         outliers below the lower fence
     * @param high        outliers above the upper fence
     * @param rows        the most extreme outlying rows, at most {@value OutlierAnalysis#LISTED}
     * @param within      the category that explains the measure, when the values outside the fences were judged
     *                    again within its groups ({@link GroupOutliers}); null otherwise
     * @param withinCount of the values outside the fences, how many are outliers of their own group too
     */
    public record ColumnOutliers(String column, String method, String scale, double threshold, Double lowerFence,
                                 Double upperFence, long assessed, long count, double share, long low, long high,
                                 List<OutlierRow> rows, String within, Long withinCount) {

        public ColumnOutliers(String column, String method, String scale, double threshold, Double lowerFence,
                              Double upperFence, long assessed, long count, double share, long low, long high,
                              List<OutlierRow> rows) {
            this(column, method, scale, threshold, lowerFence, upperFence, assessed, count, share, low, high, rows,
                    null, null);
        }

        public ColumnOutliers judgedWithin(String category, long outliersOfTheirGroup) {
            return new ColumnOutliers(column, method, scale, threshold, lowerFence, upperFence, assessed, count, share,
                    low, high, rows, category, outliersOfTheirGroup);
        }

        /** Beyond this share the values "outside" are no outliers: the column mixes groups (salaries and refunds). */
        public static final double GROUPS_SHARE = 0.1;

        /** Whether so many values lie outside the fences that they form groups of their own. */
        public boolean separateGroups() {
            return share > GROUPS_SHARE;
        }
    }

    /**
     * @param row    1-based row number (as in rows.parquet)
     * @param value  the outlying value
     * @param score  its robust score (modified z, or distance beyond the quartile in IQRs), signed
     * @param values the row's first 8 columns, as name → value (text cut at 60 characters)
     */
    public record OutlierRow(long row, double value, double score, Map<String, Object> values) {
    }
}
