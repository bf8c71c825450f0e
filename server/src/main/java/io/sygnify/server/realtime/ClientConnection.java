package io.sygnify.server.realtime;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.springframework.web.reactive.socket.CloseStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

/**
 * One live client (a WebSocket, or an SSE stream): its bounded outbound queue, its job subscriptions and its
 * liveness.
 *
 * <p>Any thread may {@link #send}; frames leave through {@link #frames()} only as fast as the socket asks for
 * them, so a stalled client fills its own queue and nobody else's. When the queue overflows, the connection is
 * closed with {@link CloseCodes#TOO_SLOW} and the client resumes with {@code last_seq} after reconnecting.
 */
public final class ClientConnection {

    private final String id;
    private final OutboundQueue queue;
    private final RealtimeMetrics metrics;
    private final Consumer<CloseStatus> closer;
    private final Map<String, JobSubscription> subscriptions = new ConcurrentHashMap<>();
    private final AtomicInteger wip = new AtomicInteger();
    private final InboundRateLimit rateLimit;
    private volatile FluxSink<OutboundFrame> sink;
    private volatile boolean closed;
    private volatile long lastInboundNanos = System.nanoTime();
    private volatile long nextPingNanos;
    private volatile long closingSinceNanos;

    ClientConnection(String id, RealtimeProperties properties, RealtimeMetrics metrics, Consumer<CloseStatus> closer) {
        this.id = id;
        this.queue = new OutboundQueue(properties.maxQueuedBytes().toBytes(), properties.lagThresholdBytes().toBytes());
        this.metrics = metrics;
        this.closer = closer;
        this.rateLimit = new InboundRateLimit(properties.inboundRatePerSecond(), properties.inboundBurst());
    }

    public String id() {
        return id;
    }

    /** Queues a frame; false when the connection is closed or was just closed for falling behind. */
    public boolean send(OutboundFrame frame) {
        if (closed) {
            return false;
        }
        switch (queue.offer(frame)) {
            case COALESCED -> metrics.coalesced();
            case OVERFLOW -> {
                metrics.dropped(1 + queue.size());
                close(CloseCodes.TOO_SLOW);
                return false;
            }
            case QUEUED -> { }
        }
        drain();
        return true;
    }

    /** The frames to write, emitted only on the socket's demand. Subscribe once. */
    Flux<OutboundFrame> frames() {
        return Flux.create(s -> {
            sink = s;
            s.onRequest(n -> drain());
            s.onDispose(this::markClosed);
            drain();
        }, FluxSink.OverflowStrategy.BUFFER);
    }

    private void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            FluxSink<OutboundFrame> s = sink;
            while (s != null && s.requestedFromDownstream() > 0 && !closed) {
                OutboundFrame frame = queue.poll();
                if (frame == null) {
                    break;
                }
                metrics.sent(frame.size());
                s.next(frame);
            }
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }

    /**
     * Closes with {@code status}; queued frames are discarded. The close frame goes out after what the socket
     * already holds, so the outbound stream stays open until the client answers it or
     * {@link #releaseIfClosingSince} gives up on it. Safe to call more than once.
     */
    public void close(CloseStatus status) {
        if (claimClose()) {
            closingSinceNanos = System.nanoTime();
            queue.clear();
            closer.accept(status);
        }
    }

    /** Drops a connection that has not answered its close frame since {@code nanos}. */
    void releaseIfClosingSince(long nanos) {
        if (closed && closingSinceNanos != 0 && closingSinceNanos < nanos) {
            release();
        }
    }

    /** The client went away, or our close frame has been written: end the outbound stream. */
    void markClosed() {
        claimClose();
        release();
    }

    private synchronized boolean claimClose() {
        if (closed) {
            return false;
        }
        closed = true;
        return true;
    }

    private void release() {
        queue.clear();
        FluxSink<OutboundFrame> s = sink;
        if (s != null) {
            s.complete();
        }
    }

    boolean isClosed() {
        return closed;
    }

    /** Any inbound frame proves the client is alive. */
    void markAlive() {
        lastInboundNanos = System.nanoTime();
    }

    long lastInboundNanos() {
        return lastInboundNanos;
    }

    long nextPingNanos() {
        return nextPingNanos;
    }

    void nextPingAt(long nanos) {
        nextPingNanos = nanos;
    }

    /** False when the client sends faster than allowed. */
    boolean tryAcceptInbound() {
        return rateLimit.tryAcquire();
    }

    long queuedBytes() {
        return queue.bytes();
    }

    Map<String, JobSubscription> subscriptions() {
        return subscriptions;
    }
}
