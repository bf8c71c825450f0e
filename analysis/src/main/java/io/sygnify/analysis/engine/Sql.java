package io.sygnify.analysis.engine;

/** Builds SQL text from values that did not come from us (file paths, delimiters, formats). */
public final class Sql {

    private Sql() {
    }

    /** A single-quoted SQL string literal. */
    public static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
