package io.sygnify.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SygnifyApiExceptionTest {

    @Test
    void readsStatusCodeAndDetailFromAProblemBody() {
        SygnifyApiException e = SygnifyApiException.fromResponse(409, """
                {"type":"https://sygnify.io/problems/job-not-finished","title":"Conflict","status":409,
                 "detail":"Job 42 is still profiling.","code":"job_not_finished"}""");
        assertThat(e.status()).isEqualTo(409);
        assertThat(e.code()).isEqualTo("job_not_finished");
        assertThat(e.detail()).isEqualTo("Job 42 is still profiling.");
        assertThat(e).hasMessage("HTTP 409 job_not_finished: Job 42 is still profiling.");
    }

    @Test
    void aBodyThatIsNotAProblemStillGivesACodeAndDetail() {
        SygnifyApiException e = SygnifyApiException.fromResponse(502, "<html>Bad gateway</html>");
        assertThat(e.code()).isEqualTo("http_502");
        assertThat(e.detail()).isEqualTo("<html>Bad gateway</html>");
    }
}
