package io.sygnify.analysis;

/** Builds SQL text from values that did not come from us (file paths, delimiters, formats). */
final class Sql {

    private Sql() {
    }

    /** A single-quoted SQL string literal. */
    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
