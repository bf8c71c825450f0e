package io.sygnify.analysis;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** The report as the server writes it: Jackson with snake_case names. */
final class ReportJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    private ReportJson() {
    }

    static String write(Object report) {
        return MAPPER.writeValueAsString(report);
    }

    static String pretty(Object report) {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report);
    }
}
