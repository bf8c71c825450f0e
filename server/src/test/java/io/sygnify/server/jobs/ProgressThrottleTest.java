package io.sygnify.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressThrottleTest {

    private static final long MS = 1_000_000L;

    @Test
    void withinAStageOneUpdatePerIntervalPasses() {
        ProgressThrottle throttle = new ProgressThrottle(250 * MS);

        assertThat(throttle.admit(JobStage.PARSING, 0)).isTrue();
        assertThat(throttle.admit(JobStage.PARSING, 100 * MS)).isFalse();
        assertThat(throttle.admit(JobStage.PARSING, 249 * MS)).isFalse();
        assertThat(throttle.admit(JobStage.PARSING, 250 * MS)).isTrue();
        assertThat(throttle.admit(JobStage.PARSING, 300 * MS)).isFalse();
    }

    @Test
    void aNewStageAlwaysPassesAndStartsItsOwnInterval() {
        ProgressThrottle throttle = new ProgressThrottle(250 * MS);

        assertThat(throttle.admit(JobStage.PARSING, 0)).isTrue();
        assertThat(throttle.admit(JobStage.PROFILING, 10 * MS)).isTrue();
        assertThat(throttle.admit(JobStage.PROFILING, 20 * MS)).isFalse();
        assertThat(throttle.admit(JobStage.ANALYZING, 30 * MS)).isTrue();
    }

    @Test
    void theFirstUpdateAlwaysPassesWhateverTheClockSays() {
        // System.nanoTime may be negative
        assertThat(new ProgressThrottle(250 * MS).admit(JobStage.PARSING, Long.MIN_VALUE + 5)).isTrue();
    }
}
