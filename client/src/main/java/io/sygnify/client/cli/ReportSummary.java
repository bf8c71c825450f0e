package io.sygnify.client.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

/** The insights report as readable text: dataset line, key findings, warnings and a table of columns. */
final class ReportSummary {

    private static final int MAX_CELL = 24;

    private ReportSummary() {
    }

    static String render(JsonNode report) {
        StringBuilder text = new StringBuilder();
        JsonNode dataset = report.path("dataset");
        if (dataset.isObject()) {
            text.append(String.format(Locale.ROOT, "Dataset: %,d rows × %d columns, %s", dataset.path("rows").asLong(),
                    dataset.path("columns").asInt(), HumanBytes.format(dataset.path("file_size_bytes").asLong())));
            text.append(", delimiter ").append(delimiter(dataset.path("delimiter").asString("")))
                    .append(", ").append(dataset.path("has_header").asBoolean() ? "with header" : "no header")
                    .append(", ").append(dataset.path("encoding").asString("unknown encoding")).append('\n');
        }
        List<String> findings = new ArrayList<>();
        for (JsonNode finding : report.path("key_findings")) {
            String sentence = finding.isString() ? finding.asString() : finding.path("sentence").asString("");
            if (!sentence.isBlank()) {
                findings.add(sentence);
            }
        }
        section(text, "Key findings", findings);
        List<String> warnings = new ArrayList<>();
        report.path("warnings").forEach(w -> warnings.add(w.isString() ? w.asString() : w.toString()));
        section(text, "Warnings", warnings);
        if (report.path("columns").size() > 0) {
            text.append("\nColumns:\n").append(columnTable(report.path("columns")));
        }
        return text.toString();
    }

    private static void section(StringBuilder text, String title, List<String> lines) {
        if (!lines.isEmpty()) {
            text.append('\n').append(title).append(":\n");
            lines.forEach(line -> text.append("  • ").append(line).append('\n'));
        }
    }

    private static String columnTable(JsonNode columns) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("NAME", "TYPE", "MISSING", "DISTINCT", "MIN", "MAX", "MEAN"));
        for (JsonNode column : columns) {
            rows.add(List.of(
                    column.path("name").asString(""),
                    column.path("type").asString(""),
                    String.format(Locale.ROOT, "%,d (%s%%)", column.path("missing_count").asLong(),
                            decimal(column.path("missing_percent").asDouble(), 1)),
                    String.format(Locale.ROOT, "%,d", column.path("distinct_count").asLong()),
                    value(column.path("min")),
                    value(column.path("max")),
                    value(column.path("mean"))));
        }
        return Table.render(rows, MAX_CELL);
    }

    private static String value(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return "-";
        }
        if (node.isIntegralNumber()) {
            return node.asString();
        }
        if (node.isNumber()) {
            return decimal(node.asDouble(), 2);
        }
        return node.asString();
    }

    private static String decimal(double value, int scale) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static String delimiter(String delimiter) {
        return switch (delimiter) {
            case "\t" -> "tab";
            case "" -> "unknown";
            default -> "'" + delimiter + "'";
        };
    }
}
