package io.sygnify.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutboundQueueTest {

    private static OutboundFrame progress(String job, long seq, int size) {
        return new OutboundFrame(OutboundFrame.Kind.PROGRESS, job, seq, "job_update", new byte[size]);
    }

    private static OutboundFrame terminal(String job, long seq, int size) {
        return new OutboundFrame(OutboundFrame.Kind.ESSENTIAL, job, seq, "job_complete", new byte[size]);
    }

    @Test
    void belowTheLagThresholdEveryUpdateIsQueuedInOrder() {
        OutboundQueue queue = new OutboundQueue(1000, 100);
        assertThat(queue.offer(progress("a", 1, 10))).isEqualTo(OutboundQueue.Offer.QUEUED);
        assertThat(queue.offer(progress("a", 2, 10))).isEqualTo(OutboundQueue.Offer.QUEUED);
        assertThat(queue.poll().seq()).isEqualTo(1);
        assertThat(queue.poll().seq()).isEqualTo(2);
        assertThat(queue.poll()).isNull();
    }

    @Test
    void whileLaggingANewerUpdateReplacesTheJobsNewestWaitingUpdate() {
        OutboundQueue queue = new OutboundQueue(1000, 100);
        queue.offer(progress("a", 1, 60));
        queue.offer(progress("b", 1, 60));
        assertThat(queue.offer(progress("a", 2, 60))).isEqualTo(OutboundQueue.Offer.COALESCED);
        assertThat(queue.offer(progress("a", 3, 60))).isEqualTo(OutboundQueue.Offer.COALESCED);
        assertThat(queue.size()).isEqualTo(2);
        assertThat(queue.bytes()).isEqualTo(120);
        OutboundFrame first = queue.poll();
        assertThat(first.jobId() + first.seq()).isEqualTo("a3");
        assertThat(queue.poll().jobId()).isEqualTo("b");
    }

    @Test
    void terminalEventsAreNeverReplacedAndNothingOvertakesThem() {
        OutboundQueue queue = new OutboundQueue(1000, 10);
        queue.offer(progress("a", 1, 20));
        queue.offer(terminal("a", 2, 20));
        assertThat(queue.offer(progress("a", 3, 20))).isEqualTo(OutboundQueue.Offer.QUEUED);
        assertThat(queue.poll().seq()).isEqualTo(1);
        assertThat(queue.poll().seq()).isEqualTo(2);
        assertThat(queue.poll().seq()).isEqualTo(3);
    }

    @Test
    void aFrameThatWouldPassTheLimitOverflows() {
        OutboundQueue queue = new OutboundQueue(100, 50);
        queue.offer(progress("a", 1, 90));
        assertThat(queue.offer(progress("b", 1, 20))).isEqualTo(OutboundQueue.Offer.OVERFLOW);
    }

    @Test
    void aLargeTerminalFrameIsAcceptedWhenTheQueueWasUnderItsLimit() {
        OutboundQueue queue = new OutboundQueue(100, 50);
        queue.offer(progress("a", 1, 10));
        assertThat(queue.offer(terminal("a", 2, 5000))).isEqualTo(OutboundQueue.Offer.QUEUED);
        assertThat(queue.offer(terminal("b", 2, 10))).isEqualTo(OutboundQueue.Offer.OVERFLOW);
    }
}
