package io.sygnify.server.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.sygnify.server.security.TokenBucket;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** What a subscription passes on when history and live events overlap. */
class JobSubscriptionTest {

    private final List<Long> sent = new CopyOnWriteArrayList<>();

    private JobSubscription subscription(long resumedAfter) {
        RealtimeProperties properties = new RealtimeProperties(Duration.ofSeconds(30), DataSize.ofKilobytes(512),
                DataSize.ofKilobytes(32), DataSize.ofKilobytes(16), 100, 20, 150, List.of(), 100, 10,
                Duration.ZERO);
        ClientConnection connection = new ClientConnection("sse-test", null, properties,
                new RealtimeMetrics(new SimpleMeterRegistry()), new TokenBucket(20, 150), status -> { });
        connection.frames().subscribe(frame -> sent.add(frame.seq()));
        return new JobSubscription(connection, "job", resumedAfter);
    }

    private static OutboundFrame event(long seq) {
        return new OutboundFrame(OutboundFrame.Kind.ESSENTIAL, "job", seq, "job_update", new byte[10]);
    }

    @Test
    void liveEventsThatArriveDuringTheHistoryAreMergedBySeqOnce() {
        JobSubscription subscription = subscription(0);
        subscription.offerLive(event(3));
        subscription.offerLive(event(4));
        subscription.start(List.of(event(1), event(2), event(3)));
        subscription.offerLive(event(4));
        subscription.offerLive(event(5));
        assertThat(sent).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void aResumingClientIsNotSentAnEventItAlreadyHasThatArrivesLate() {
        // The client had seq 1 to 4 from an instance that went away; this instance is still delivering 4.
        JobSubscription subscription = subscription(4);
        subscription.offerLive(event(4));
        subscription.start(List.of());
        subscription.offerLive(event(4));
        subscription.offerLive(event(5));
        assertThat(sent).containsExactly(5L);
    }
}
