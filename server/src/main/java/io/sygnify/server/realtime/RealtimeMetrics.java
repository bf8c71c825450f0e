package io.sygnify.server.realtime;

import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.sygnify.server.monitoring.MetricNames;
import org.springframework.stereotype.Component;

/** What the WebSocket layer measures: connections, frames and bytes out, frames coalesced and dropped. */
@Component
public class RealtimeMetrics {

    private final AtomicInteger connections = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong opened = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong closed = new java.util.concurrent.atomic.AtomicLong();
    private final Counter sent;
    private final Counter bytesSent;
    private final Counter dropped;
    private final Counter coalesced;

    RealtimeMetrics(MeterRegistry registry) {
        Gauge.builder(MetricNames.WS_CONNECTIONS, connections, AtomicInteger::get)
                .description("Open WebSocket connections").register(registry);
        sent = Counter.builder(MetricNames.WS_MESSAGES_SENT).description("Frames handed to sockets")
                .register(registry);
        bytesSent = Counter.builder(MetricNames.WS_BYTES_SENT).baseUnit("bytes")
                .description("Payload bytes handed to sockets").register(registry);
        dropped = Counter.builder(MetricNames.WS_MESSAGES_DROPPED)
                .description("Frames not delivered because a client fell too far behind").register(registry);
        coalesced = Counter.builder(MetricNames.WS_MESSAGES_COALESCED)
                .description("Progress updates replaced by a newer one while the client lagged").register(registry);
    }

    void opened() {
        connections.incrementAndGet();
        opened.incrementAndGet();
    }

    void closed() {
        connections.decrementAndGet();
        closed.incrementAndGet();
    }

    /** Connections opened since start. */
    public long totalOpened() {
        return opened.get();
    }

    /** Connections closed since start. */
    public long totalClosed() {
        return closed.get();
    }

    void sent(int bytes) {
        sent.increment();
        bytesSent.increment(bytes);
    }

    void dropped(int frames) {
        dropped.increment(frames);
    }

    void coalesced() {
        coalesced.increment();
    }

    public int connections() {
        return connections.get();
    }

    public double messagesSent() {
        return sent.count();
    }

    public double messagesDropped() {
        return dropped.count();
    }
}
