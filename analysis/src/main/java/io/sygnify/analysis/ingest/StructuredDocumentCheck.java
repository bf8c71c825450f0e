package io.sygnify.analysis.ingest;

import io.sygnify.analysis.AnalysisException;

/**
 * Refuses JSON and XML/HTML documents before DuckDB's sniffer turns them into a one-column "table" of
 * braces and tags.
 *
 * <p>The rule looks only at the first non-blank character: {@code {}, or {@code [} followed by {@code {},
 * {@code [}, {@code "}, {@code ]} or a line break, means JSON; {@code <} followed by a letter, {@code ?} or
 * {@code !} means markup. A CSV header such as {@code [id],[name]} (SQL Server style) still passes.
 */
public final class StructuredDocumentCheck {

    private StructuredDocumentCheck() {
    }

    public static void reject(FileHead head) throws AnalysisException {
        String text = head.text();
        int start = firstNonBlank(text, 0);
        if (start < 0) {
            return;
        }
        long line = text.substring(0, start).chars().filter(c -> c == '\n').count() + 1;
        char first = text.charAt(start);
        int nextIndex = firstNonBlankOnLine(text, start + 1);
        char next = nextIndex < 0 ? '\n' : text.charAt(nextIndex);
        if (first == '{' || (first == '[' && "{[\"]\n".indexOf(next) >= 0)) {
            throw new AnalysisException(AnalysisException.NOT_CSV, String.format(
                    "The file is not CSV: it looks like a JSON document (line %d starts with '%c'). "
                            + "Export the data as CSV and upload that.", line, first), line);
        }
        if (first == '<' && (Character.isLetter(next) || next == '?' || next == '!')) {
            throw new AnalysisException(AnalysisException.NOT_CSV, String.format(
                    "The file is not CSV: it looks like an XML or HTML document (line %d starts with '<%c'). "
                            + "Export the data as CSV and upload that.", line, next), line);
        }
    }

    private static int firstNonBlank(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Index of the next non-blank character before the end of the line, or -1. */
    private static int firstNonBlankOnLine(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                return -1;
            }
            if (!Character.isWhitespace(c)) {
                return i;
            }
        }
        return -1;
    }
}
