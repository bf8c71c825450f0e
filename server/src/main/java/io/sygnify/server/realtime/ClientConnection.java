package io.sygnify.server.realtime;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * One WebSocket client: its outbound queue of encoded frames and its job subscriptions.
 *
 * <p>The queue is bounded in bytes; a client that lets it fill up is disconnected rather than allowed to grow
 * the server's memory. Any thread may call {@link #send}; emission into the sink is serialised here.
 */
public final class ClientConnection {

    private final String id;
    private final long maxQueuedBytes;
    private final Sinks.Many<byte[]> outbound = Sinks.many().unicast().onBackpressureBuffer();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final Map<String, JobSubscription> subscriptions = new ConcurrentHashMap<>();
    private volatile boolean closed;
    private volatile Runnable onOverflow = () -> { };

    private final RealtimeMetrics metrics;

    ClientConnection(String id, long maxQueuedBytes, RealtimeMetrics metrics) {
        this.id = id;
        this.maxQueuedBytes = maxQueuedBytes;
        this.metrics = metrics;
    }

    public String id() {
        return id;
    }

    /** Queues an encoded frame; false when the connection is closed or its queue is full. */
    public boolean send(byte[] frame) {
        synchronized (this) {
            if (closed) {
                return false;
            }
            if (queuedBytes.get() + frame.length > maxQueuedBytes) {
                closed = true;
                metrics.dropped(1);
                outbound.tryEmitComplete();
                onOverflow.run();
                return false;
            }
            queuedBytes.addAndGet(frame.length);
            return outbound.tryEmitNext(frame).isSuccess();
        }
    }

    Flux<byte[]> frames() {
        return outbound.asFlux().doOnNext(frame -> {
            queuedBytes.addAndGet(-frame.length);
            metrics.sent(frame.length);
        });
    }

    void onOverflow(Runnable action) {
        this.onOverflow = action;
    }

    void close() {
        synchronized (this) {
            closed = true;
            outbound.tryEmitComplete();
        }
    }

    boolean isClosed() {
        return closed;
    }

    Map<String, JobSubscription> subscriptions() {
        return subscriptions;
    }
}
