package io.sygnify.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ReportJsonTest {

    record Figures(double total, Double share, List<Double> values, long rows) {
    }

    private final ReportJson json = new ReportJson(JsonMapper.builder().build());

    @Test
    void twoRunsThatSummedInAnotherOrderWriteTheSameFigure() {
        assertThat(ReportJson.rounded(2464554.960000006)).isEqualTo(2464554.96);
        assertThat(ReportJson.rounded(2464554.960000001)).isEqualTo(2464554.96);
        assertThat(ReportJson.rounded(-285880.4300000003)).isEqualTo(-285880.43);
        assertThat(ReportJson.rounded(-285880.42999999993)).isEqualTo(-285880.43);
        assertThat(ReportJson.rounded(0.1 + 0.2)).isEqualTo(0.3);
    }

    @Test
    void smallLargeAndWholeNumbersKeepTheirValue() {
        assertThat(ReportJson.rounded(1e-20)).isEqualTo(1e-20);
        assertThat(ReportJson.rounded(7500.0)).isEqualTo(7500.0);
        assertThat(ReportJson.rounded(0.0)).isZero();
        assertThat(ReportJson.rounded(123456789012.0)).isEqualTo(123456789012.0);
        assertThat(ReportJson.rounded(1234567890123.0)).isEqualTo(1234567890120.0);
        assertThat(ReportJson.rounded(Double.NaN)).isNaN();
    }

    @Test
    void everyDoubleOfAReportIsWrittenRoundedAndIntegersAsTheyAre() {
        String written = json.write(new Figures(0.1 + 0.2, 2464554.960000006, List.of(0.30000000000000004, 1.0),
                1234567890123456L));

        assertThat(written).isEqualTo(
                "{\"total\":0.3,\"share\":2464554.96,\"values\":[0.3,1.0],\"rows\":1234567890123456}");
    }
}
