package io.sygnify.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** A benchmark's printed result: a title, then sections of label–value rows, labels aligned. */
public final class ReportTable {

    private final String title;
    private final List<String[]> rows = new ArrayList<>();

    public ReportTable(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    public void section(String name) {
        rows.add(new String[] {name});
    }

    public void row(String label, String value) {
        rows.add(new String[] {label, value});
    }

    public void print(PrintStream out) {
        int width = rows.stream().filter(r -> r.length == 2).mapToInt(r -> r[0].length()).max().orElse(10);
        String rule = "-".repeat(Math.max(title.length(), width + 60));
        out.println();
        out.println(title);
        out.println(rule);
        for (String[] row : rows) {
            if (row.length == 1) {
                out.println("[" + row[0] + "]");
            } else {
                out.printf("  %-" + width + "s  %s%n", row[0], row[1]);
            }
        }
        out.println(rule);
    }
}
