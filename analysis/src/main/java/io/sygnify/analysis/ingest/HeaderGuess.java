package io.sygnify.analysis.ingest;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides whether the first record of a data block is a header, when DuckDB's sniffer could not say.
 *
 * <p>A header differs in kind from the values under it: a column of numbers or dates under a word is the
 * strongest sign; a number over numbers means data. When every column is text, the first record is a header if
 * its values are present, distinct and not repeated below (values of a category repeat, names do not).
 */
final class HeaderGuess {

    private static final Pattern NUMBER = Pattern.compile("[-+(]?[$€£¥]?\\s*[0-9][0-9.,' ]*%?\\)?\\s*[$€£¥]?");
    private static final Pattern DATE = Pattern.compile("\\d{1,4}[-/.]\\d{1,2}[-/.]\\d{1,4}([ T].*)?");
    private static final double TYPED_SHARE = 0.8;

    private HeaderGuess() {
    }

    static boolean isHeader(List<CsvRecordScanner.Record> block) {
        List<String> first = block.get(0).values();
        List<CsvRecordScanner.Record> rest = block.subList(1, block.size());
        boolean typedColumnUnderWord = false;
        for (int column = 0; column < first.size(); column++) {
            String top = first.get(column).strip();
            int typed = 0;
            int present = 0;
            for (CsvRecordScanner.Record record : rest) {
                if (column < record.values().size() && !record.values().get(column).isBlank()) {
                    present++;
                    typed += isTyped(record.values().get(column).strip()) ? 1 : 0;
                }
            }
            boolean typedColumn = present > 0 && typed >= TYPED_SHARE * present;
            if (typedColumn && isTyped(top)) {
                return false;
            }
            typedColumnUnderWord |= typedColumn && !top.isEmpty();
        }
        if (typedColumnUnderWord) {
            return true;
        }
        Set<String> seen = new HashSet<>();
        for (int column = 0; column < first.size(); column++) {
            String top = first.get(column).strip();
            if (top.isEmpty() || isTyped(top) || !seen.add(top)) {
                return false;
            }
            for (CsvRecordScanner.Record record : rest) {
                if (column < record.values().size() && record.values().get(column).strip().equals(top)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isTyped(String value) {
        return NUMBER.matcher(value).matches() || DATE.matcher(value).matches();
    }
}
