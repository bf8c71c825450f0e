package io.sygnify.analysis.report;

import java.util.List;

/**
 * What the engine understood of the file as a whole.
 *
 * @param rows                data rows read (header, preamble, footer and rejected rows excluded)
 * @param columns             number of columns
 * @param fileSizeBytes       size of the file on disk
 * @param delimiter           detected field delimiter, e.g. {@code ","}, {@code ";"}, {@code "\t"}
 * @param quote               detected quote character, or empty when none
 * @param hasHeader           whether the first line was read as a header
 * @param encoding            character encoding used to read the file, e.g. {@code "UTF-8"}, {@code "windows-1252"}
 * @param byteOrderMark       whether the file starts with a byte order mark
 * @param escape              escape character inside quotes (equal to the quote when quotes are doubled)
 * @param comment             prefix of comment lines that were skipped, empty when none
 * @param lineEnding          {@code LF}, {@code CRLF}, {@code CR} or {@code mixed}, from the first 64 KiB
 * @param preambleLines       lines skipped before the header (titles, notes, blank lines)
 * @param rowsPresent         data rows in the file: rows read plus rows rejected
 * @param rowsRejected        rows that could not be read (see the report's {@code rejects})
 * @param missingCells        empty, blank or disguised-missing cells over all columns
 * @param missingCellsPercent missingCells as a percentage of rows × columns
 * @param duplicateRows       rows equal in every column to an earlier row
 * @param duplicateExamples   up to 5 groups of identical rows, by first occurrence
 * @param memoryBytes         bytes of memory the engine's tables take after parsing (compressed when the file is
 *                            large next to the memory limit; blocks spilled to disk not counted)
 * @param candidateKeys       columns, or pairs of columns, whose values are present and unique on every row
 */
public record DatasetSummary(long rows, int columns, long fileSizeBytes, String delimiter, String quote,
                             boolean hasHeader, String encoding, boolean byteOrderMark, String escape,
                             String comment, String lineEnding, long preambleLines, long rowsPresent,
                             long rowsRejected, long missingCells, double missingCellsPercent, long duplicateRows,
                             List<DuplicateGroup> duplicateExamples, long memoryBytes,
                             List<List<String>> candidateKeys) {

    /**
     * Identical rows.
     *
     * @param count how many rows are identical
     * @param rows  the first (at most 5) of them, as 1-based row numbers
     */
    public record DuplicateGroup(long count, List<Long> rows) {
    }
}
