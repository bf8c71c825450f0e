package io.sygnify.bench;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** The report's JSON as the server writes it (Jackson, snake_case). */
final class ReportJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();

    private ReportJson() {
    }

    static byte[] bytes(Object report) {
        return MAPPER.writeValueAsBytes(report);
    }
}
