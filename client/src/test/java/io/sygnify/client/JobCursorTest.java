package io.sygnify.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class JobCursorTest {

    @Test
    void dropsEventsAtOrBelowTheLastSeqSeen() {
        JobCursor cursor = new JobCursor(JobCursor.NOTHING_SEEN);
        List<Long> delivered = new ArrayList<>();
        for (long seq : new long[] {1, 2, 2, 3, 1, 4, 3, 5}) {
            if (cursor.advance(seq)) {
                delivered.add(seq);
            }
        }
        assertThat(delivered).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(cursor.lastSeq()).isEqualTo(5);
    }

    @Test
    void resumingAfterASeqDropsTheReplayUpToIt() {
        JobCursor cursor = new JobCursor(7);
        assertThat(cursor.advance(7)).isFalse();
        assertThat(cursor.advance(8)).isTrue();
        assertThat(cursor.lastSeq()).isEqualTo(8);
    }

    @Test
    void aFreshSubscriptionAsksForTheCurrentStateFirst() {
        assertThat(new JobCursor(JobCursor.NOTHING_SEEN).lastSeq()).isEqualTo(JobCursor.NOTHING_SEEN);
        assertThat(new JobCursor(0).lastSeq()).isZero();
    }
}
