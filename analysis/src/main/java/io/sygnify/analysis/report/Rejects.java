package io.sygnify.analysis.report;

import java.util.List;

/**
 * Rows read versus rows present in the file. Rows that do not fit are never dropped silently: they are counted
 * here and the first {@value #LISTED} are listed in file order (all of them go to {@code rejects.parquet}).
 *
 * @param rowsPresent  data rows in the file: rows read plus rows rejected
 * @param rowsRead     rows in the analysed table
 * @param rowsRejected rows that could not be read
 * @param footerRows   trailing total/summary rows recognised and left out of the table, not counted as rejected
 * @param rows         the first rejected rows, in file order
 */
public record Rejects(long rowsPresent, long rowsRead, long rowsRejected, List<RejectedRow> footerRows,
                      List<RejectedRow> rows) {

    public static final int LISTED = 100;
}
