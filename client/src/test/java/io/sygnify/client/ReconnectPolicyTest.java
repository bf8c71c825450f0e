package io.sygnify.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ReconnectPolicyTest {

    private final ReconnectPolicy policy = ReconnectPolicy.DEFAULT;

    @Test
    void defaultsAreOneSecondDoublingToThirtySecondsFiveAttemptsAndThirtySecondPings() {
        assertThat(policy.initialDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.maxDelay()).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.maxAttempts()).isEqualTo(5);
        assertThat(policy.heartbeatInterval()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void ceilingDoublesFromTheInitialDelayUntilTheCap() {
        assertThat(policy.ceiling(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.ceiling(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.ceiling(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.ceiling(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(policy.ceiling(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.ceiling(1_000)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void fullJitterSpansZeroToTheCeiling() {
        assertThat(policy.delay(3, 0.0)).isEqualTo(Duration.ZERO);
        assertThat(policy.delay(3, 0.5)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.delay(3, Math.nextDown(1.0))).isLessThan(Duration.ofSeconds(4))
                .isGreaterThan(Duration.ofMillis(3_990));
    }

    @Test
    void randomDelaysStayWithinBoundsAndUseTheWholeRange() {
        Random random = new Random(42);
        for (int attempt = 1; attempt <= 12; attempt++) {
            Duration ceiling = policy.ceiling(attempt);
            long smallest = Long.MAX_VALUE;
            long largest = 0;
            for (int i = 0; i < 2_000; i++) {
                long delay = policy.delay(attempt, random.nextDouble()).toMillis();
                assertThat(delay).isBetween(0L, ceiling.toMillis());
                smallest = Math.min(smallest, delay);
                largest = Math.max(largest, delay);
            }
            assertThat(smallest).as("attempt %d", attempt).isLessThan(ceiling.toMillis() / 10);
            assertThat(largest).as("attempt %d", attempt).isGreaterThan(ceiling.toMillis() * 9 / 10);
        }
    }

    @Test
    void rejectsACapBelowTheInitialDelay() {
        assertThatThrownBy(() -> policy.withDelays(Duration.ofSeconds(5), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxDelay (PT1S) must not be below initialDelay (PT5S)");
    }

    @Test
    void rejectsNegativeAttemptsAndZeroHeartbeat() {
        assertThatThrownBy(() -> policy.withMaxAttempts(-1)).hasMessageContaining("maxAttempts must not be negative");
        assertThatThrownBy(() -> policy.withHeartbeatInterval(Duration.ZERO))
                .hasMessageContaining("heartbeatInterval must be positive");
    }
}
