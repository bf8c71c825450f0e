package io.sygnify.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import io.sygnify.server.support.Csv;
import io.sygnify.server.support.TempDataDir;
import io.sygnify.server.support.TestAccounts;
import io.sygnify.server.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Each user has their own upload budget; one user in a loop does not stop another. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Timeout(120)
class UploadRateLimitTest {

    private static final Path DATA = TempDataDir.create("upload-rate");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("sygnify.data-dir", DATA::toString);
        registry.add("sygnify.security.uploads-per-minute", () -> "1");
        registry.add("sygnify.security.upload-burst", () -> "2");
    }

    @Value("${local.server.port}")
    int port;

    @Test
    void uploadsPastTheBudgetAre429WithRetryAfterWhileOthersCarryOn() {
        TestHttp admin = new TestHttp(port);
        TestHttp busy = admin.as(TestAccounts.create(admin, "ANALYST").token());
        TestHttp other = admin.as(TestAccounts.create(admin, "ANALYST").token());

        assertThat(busy.upload("1.csv", Csv.sales(3)).status()).isEqualTo(202);
        assertThat(busy.upload("2.csv", Csv.sales(3)).status()).isEqualTo(202);
        TestHttp.Response third = busy.upload("3.csv", Csv.sales(3));

        assertThat(third.status()).isEqualTo(429);
        assertThat(third.json().path("code").asString()).isEqualTo("rate_limited");
        assertThat(Long.parseLong(third.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(busy.get("/api/jobs").json().path("total").asLong()).isEqualTo(2);
        assertThat(other.upload("mine.csv", Csv.sales(3)).status()).isEqualTo(202);
    }
}
