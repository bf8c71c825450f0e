package io.sygnify.analysis;

import java.util.OptionalLong;

/**
 * The file cannot be analysed. The message is meant for the person who uploaded it: it says what is
 * wrong and, when the file itself is at fault and the place is known, on which line.
 */
public class AnalysisException extends Exception {

    /** The file has no bytes, or only whitespace and blank lines. */
    public static final String EMPTY_FILE = "empty_file";
    /** The file has a header line and nothing after it. */
    public static final String HEADER_ONLY = "header_only";
    /** The file is binary (NUL bytes, many control characters), not text. */
    public static final String NOT_TEXT = "not_text";
    /** The file is text but not a table: JSON, XML, prose, or no consistent delimiter. */
    public static final String NOT_CSV = "not_csv";
    /** A row has the wrong number of fields, an unterminated quote, or is otherwise unreadable. */
    public static final String MALFORMED_ROW = "malformed_row";
    /** A line is not valid in the encoding chosen from the start of the file (UTF-8 after a clean start). */
    public static final String INVALID_ENCODING = "invalid_encoding";
    /** The file is in an encoding the engine cannot read (UTF-16 big-endian). */
    public static final String UNSUPPORTED_ENCODING = "unsupported_encoding";
    /** The file could not be opened or read from disk. */
    public static final String UNREADABLE_FILE = "unreadable_file";
    /** The engine itself failed (out of memory, disk full, a DuckDB bug); the file may be fine. */
    public static final String ENGINE_ERROR = "engine_error";

    private final String code;
    private final Long lineNumber;

    public AnalysisException(String code, String message, Long lineNumber, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.lineNumber = lineNumber;
    }

    public AnalysisException(String code, String message) {
        this(code, message, null, null);
    }

    /** The file is at fault at {@code lineNumber} (1-based). */
    public AnalysisException(String code, String message, long lineNumber) {
        this(code, message, lineNumber, null);
    }

    /** Stable machine-readable reason, e.g. {@code empty_file}, {@code header_only}, {@code not_csv}. */
    public String code() {
        return code;
    }

    /** 1-based line of the file where the problem was found, when known. */
    public OptionalLong lineNumber() {
        return lineNumber == null ? OptionalLong.empty() : OptionalLong.of(lineNumber);
    }
}
