package io.sygnify.analysis;

/**
 * What the engine understood of the file as a whole.
 *
 * @param rows          data rows read (header excluded)
 * @param columns       number of columns
 * @param fileSizeBytes size of the file on disk
 * @param delimiter     detected field delimiter, e.g. {@code ","}, {@code ";"}, {@code "\t"}
 * @param quote         detected quote character, or empty when none
 * @param hasHeader     whether the first line was read as a header
 * @param encoding      character encoding used to read the file, e.g. {@code "UTF-8"}
 */
public record DatasetSummary(long rows, int columns, long fileSizeBytes, String delimiter, String quote,
                             boolean hasHeader, String encoding) {
}
