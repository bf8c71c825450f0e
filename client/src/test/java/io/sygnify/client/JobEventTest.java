package io.sygnify.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JobEventTest {

    @Test
    void readsAnErrorEventWithItsCode() {
        JobEvent event = JobEvent.fromJson(Json.MAPPER.readTree("""
                {"type":"job_error","job_id":"j1","seq":5,"stage":"error","progress":31,
                 "message":"Processing failed","code":"malformed_row","timestamp":1640995200.789}"""));
        assertThat(event).isEqualTo(new JobEvent(JobEventType.ERROR, "j1", 5, "error", 31, "Processing failed",
                1640995200.789, "malformed_row", null));
    }

    @Test
    void completeEventCarriesTheReport() {
        JobEvent event = JobEvent.fromJson(Json.MAPPER.readTree("""
                {"type":"job_complete","job_id":"j1","seq":9,"stage":"insights_ready","progress":100,
                 "message":"Analysis complete.","insights":{"dataset":{"rows":3}},"timestamp":1.5}"""));
        assertThat(event.type().terminal()).isTrue();
        assertThat(event.insights().path("dataset").path("rows").asInt()).isEqualTo(3);
    }

    @Test
    void otherMessagesAreNotJobEvents() {
        assertThat(JobEvent.fromJson(Json.MAPPER.readTree("{\"type\":\"pong\",\"timestamp\":1}"))).isNull();
    }

    @Test
    void listenerNamesAndWireTypesBothNameAnEventType() {
        assertThat(JobEventType.of("update")).isEqualTo(JobEventType.UPDATE);
        assertThat(JobEventType.of("job_complete")).isEqualTo(JobEventType.COMPLETE);
    }
}
