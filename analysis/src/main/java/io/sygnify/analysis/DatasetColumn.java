package io.sygnify.analysis;

/**
 * A column of the typed table {@value ColumnTypeResolver#TABLE}.
 *
 * @param name    name shown to people (header or {@code columnN})
 * @param sqlName name in DuckDB
 * @param type    type decided over every row
 */
record DatasetColumn(String name, String sqlName, ColumnType type) {
}
