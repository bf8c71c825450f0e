package io.sygnify.server.realtime;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.netty.channel.Channel;
import io.sygnify.server.accounts.Viewer;
import io.sygnify.server.security.TokenBucket;
import org.springframework.web.reactive.socket.CloseStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One live client (a WebSocket, or an SSE stream): its bounded outbound queue, its job subscriptions and its
 * liveness.
 *
 * <p>Any thread may {@link #send}; frames leave for the WebSocket's channel ({@link #writeTo}) or through
 * {@link #frames()} (SSE) only as fast as the socket takes them, so a stalled client fills its own queue and
 * nobody else's. When the queue overflows, the connection is
 * closed with {@link CloseCodes#TOO_SLOW} and the client resumes with {@code last_seq} after reconnecting.
 */
public final class ClientConnection {

    private final String id;
    private final Viewer viewer;
    private final OutboundQueue queue;
    private final RealtimeMetrics metrics;
    private final Consumer<CloseStatus> closer;
    private final Map<String, JobSubscription> subscriptions = new ConcurrentHashMap<>();
    private final AtomicInteger wip = new AtomicInteger();
    private final TokenBucket rateLimit;
    private volatile FluxSink<OutboundFrame> sink;
    /** A WebSocket's Netty channel; null for an SSE stream, which goes through {@link #frames()}. */
    private volatile Channel channel;
    private final AtomicBoolean channelDrainPending = new AtomicBoolean();
    private final Sinks.Empty<Void> released = Sinks.empty();
    private volatile boolean closed;
    private volatile long lastInboundNanos = System.nanoTime();
    private volatile long nextPingNanos;
    private volatile long closingSinceNanos;
    private final AtomicInteger framesSent = new AtomicInteger();

    /** @param inboundBudget shared by all of one user's connections: the rate limit is per user */
    ClientConnection(String id, Viewer viewer, RealtimeProperties properties, RealtimeMetrics metrics,
                     TokenBucket inboundBudget, Consumer<CloseStatus> closer) {
        this.id = id;
        this.viewer = viewer;
        this.queue = new OutboundQueue(properties.maxQueuedBytes().toBytes(), properties.lagThresholdBytes().toBytes());
        this.metrics = metrics;
        this.closer = closer;
        this.rateLimit = inboundBudget;
    }

    public String id() {
        return id;
    }

    /** An SSE stream watches one job and has no close codes: losing access to it ends the stream. */
    boolean isEventStream() {
        return id.startsWith(JobEventStream.ID_PREFIX);
    }

    /** Who is connected; null only on a socket about to be closed with 4401. */
    public Viewer viewer() {
        return viewer;
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

    /**
     * Writes this connection's frames straight to its Netty channel from now on, on the channel's event loop: a
     * burst of frames costs one task and one flush, not a reactive pipeline per frame (docs/architecture.md).
     * Frames leave the queue only while the channel is writable; {@link #channelWritable()} resumes.
     */
    void writeTo(Channel channel) {
        this.channel = channel;
        drain();
    }

    /** The channel drained below its low-water mark: write what waits. */
    void channelWritable() {
        drain();
    }

    /** Completes once the connection is released (closed by either side). */
    Mono<Void> released() {
        return released.asMono();
    }

    private void drain() {
        Channel ch = channel;
        if (ch != null) {
            if (channelDrainPending.compareAndSet(false, true)) {
                try {
                    ch.eventLoop().execute(this::drainToChannel);
                } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                    channelDrainPending.set(false);
                }
            }
            return;
        }
        drainToSink();
    }

    private void drainToChannel() {
        channelDrainPending.set(false);
        Channel ch = channel;
        boolean wrote = false;
        while (!closed && ch.isWritable()) {
            OutboundFrame frame = queue.poll();
            if (frame == null) {
                break;
            }
            metrics.sent(frame.size());
            framesSent.incrementAndGet();
            ch.write(frame.toWebSocketFrame(), ch.voidPromise());
            wrote = true;
        }
        if (wrote) {
            ch.flush();
        }
    }

    private void drainToSink() {
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
                framesSent.incrementAndGet();
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
        released.tryEmitEmpty();
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

    /** Frames handed to the socket so far, for the close log line. */
    int framesSent() {
        return framesSent.get();
    }

    long queuedBytes() {
        return queue.bytes();
    }

    Map<String, JobSubscription> subscriptions() {
        return subscriptions;
    }
}
