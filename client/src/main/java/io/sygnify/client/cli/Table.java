package io.sygnify.client.cli;

import java.util.List;

/** Plain text columns, left-aligned, each as wide as its widest cell (cells longer than a limit are cut). */
final class Table {

    private Table() {
    }

    /** @param rows the header first; every row has the same number of cells */
    static String render(List<List<String>> rows, int maxCell) {
        int columns = rows.get(0).size();
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], cut(row.get(i), maxCell).length());
            }
        }
        StringBuilder text = new StringBuilder();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < columns; i++) {
                String cell = cut(row.get(i), maxCell);
                line.append(cell);
                if (i < columns - 1) {
                    line.append(" ".repeat(widths[i] - cell.length() + 2));
                }
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }

    private static String cut(String cell, int max) {
        String value = cell == null ? "" : cell.replaceAll("\\s+", " ");
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
