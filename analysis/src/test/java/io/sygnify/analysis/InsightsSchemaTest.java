package io.sygnify.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The report matches docs/insights-schema.json: every field the engine writes is documented, and vice versa. */
class InsightsSchemaTest {

    private static final Path SCHEMA = Path.of("..", "docs", "insights-schema.json");

    @TempDir
    Path dir;

    @Test
    void reportHasExactlyTheFieldsTheSchemaDocuments() throws Exception {
        Random random = new Random(11);
        StringBuilder csv = new StringBuilder("order_id,day,store,amount,quantity,unit_price,note\n");
        for (int i = 0; i < 600; i++) {
            int quantity = 1 + random.nextInt(5);
            double price = 5 + random.nextInt(2000) / 100.0;
            csv.append(i).append(',').append(LocalDate.of(2023, 1, 1).plusDays(i % 400)).append(',')
                    .append(new String[] {"north", "south", "east"}[random.nextInt(3)]).append(',')
                    .append(i == 7 ? "99999" : String.format(java.util.Locale.ROOT, "%.2f", quantity * price))
                    .append(',').append(quantity).append(',').append(price).append(',')
                    .append(i % 9 == 0 ? "N/A" : "note " + random.nextInt(50)).append('\n');
        }
        csv.append("1,2\n");
        Path file = Files.writeString(dir.resolve("orders.csv"), csv.toString());
        AnalysisReport report = new CsvAnalyzer(new EngineSettings(2, "512MB", dir.resolve("spill")))
                .analyze(file, ProgressListener.NONE, new CancellationToken());
        JsonMapper mapper = JsonMapper.builder().build();
        JsonNode schema = mapper.readTree(Files.readString(SCHEMA));
        JsonNode json = mapper.readTree(ReportJson.write(report));

        List<String> problems = new ArrayList<>();
        check(json, schema, schema, "$", problems);

        assertThat(problems).isEmpty();
        assertThat(json.get("schema_version").asString()).isEqualTo(schema.at("/properties/schema_version/const")
                .asString());
    }

    private static void check(JsonNode value, JsonNode spec, JsonNode root, String path, List<String> problems) {
        if (spec.has("$ref")) {
            check(value, root.at(spec.get("$ref").asString().substring(1)), root, path, problems);
            return;
        }
        if (spec.has("oneOf")) {
            if (!value.isNull()) {
                check(value, spec.get("oneOf").get(0), root, path, problems);
            }
            return;
        }
        if (value.isObject() && spec.has("properties")) {
            JsonNode properties = spec.get("properties");
            for (Iterator<Map.Entry<String, JsonNode>> fields = value.properties().iterator(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!properties.has(field.getKey())) {
                    problems.add(path + "." + field.getKey() + " is not in the schema");
                } else {
                    check(field.getValue(), properties.get(field.getKey()), root, path + "." + field.getKey(),
                            problems);
                }
            }
            for (JsonNode required : spec.path("required")) {
                if (!value.has(required.asString())) {
                    problems.add(path + "." + required.asString() + " is required but missing");
                }
            }
        } else if (value.isArray() && spec.has("items")) {
            int index = 0;
            for (JsonNode item : value) {
                check(item, spec.get("items"), root, path + "[" + index++ + "]", problems);
            }
            if (spec.has("maxItems") && value.size() > spec.get("maxItems").asInt()) {
                problems.add(path + " has " + value.size() + " items, more than " + spec.get("maxItems"));
            }
        }
    }
}
