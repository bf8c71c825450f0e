package io.sygnify.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ReportSummaryTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String REPORT = """
            {"schema_version":"1.0",
             "dataset":{"rows":1500,"columns":2,"file_size_bytes":2048,"delimiter":";","quote":"\\"",
                        "has_header":true,"encoding":"UTF-8"},
             "columns":[
               {"name":"amount","type":"decimal","missing_count":3,"missing_percent":0.2,"distinct_count":97,
                "min":10.0,"max":131.25,"mean":70.123456},
               {"name":"category","type":"text","missing_count":0,"missing_percent":0.0,"distinct_count":3,
                "min":null,"max":null,"mean":null}],
             "warnings":[]}""";

    @Test
    void summarisesTheDatasetAndEveryColumn() {
        String text = ReportSummary.render(JSON.readTree(REPORT));
        assertThat(text).startsWith("Dataset: 1,500 rows × 2 columns, 2.0 KB, delimiter ';', with header, UTF-8\n");
        assertThat(text).contains("""
                Columns:
                  NAME      TYPE     MISSING   DISTINCT  MIN  MAX     MEAN
                  amount    decimal  3 (0.2%)  97        10   131.25  70.12
                  category  text     0 (0%)    3         -    -       -
                """);
        assertThat(text).doesNotContain("Key findings").doesNotContain("Warnings");
    }

    @Test
    void printsKeyFindingSentencesWhenTheReportHasThem() {
        String report = REPORT.replace("\"warnings\":[]", """
                "warnings":["2 rows had extra spaces"],
                "key_findings":[{"sentence":"Amount rises with id.","importance":0.9},{"sentence":"Three categories."}]""");
        String text = ReportSummary.render(JSON.readTree(report));
        assertThat(text).contains("""
                Key findings:
                  • Amount rises with id.
                  • Three categories.

                Warnings:
                  • 2 rows had extra spaces
                """);
    }
}
