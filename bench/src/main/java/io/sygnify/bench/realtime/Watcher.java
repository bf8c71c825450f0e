package io.sygnify.bench.realtime;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.websocket.WebsocketOutbound;

/**
 * One simulated client: connects to {@code /ws}, subscribes to its job with {@code last_seq}, checks every event's
 * seq and measures its delivery latency, and, whenever the connection ends before the job does, reconnects with
 * exponential backoff and full jitter and resumes after the last seq it saw.
 *
 * <p>Threading: frames arrive on one of the client's event-loop threads (a reconnection may use another), the
 * scenario calls {@link #subscribe} and reads the results from its own thread; shared state is guarded by
 * {@code this} or volatile.
 */
final class Watcher {

    static final int MAX_FRAME_BYTES = 16 * 1024 * 1024;
    static final long BACKOFF_BASE_MILLIS = 100;
    static final long BACKOFF_CAP_MILLIS = 5_000;
    static final int MAX_ATTEMPTS = 60;

    private final HttpClient.WebsocketSender client;
    private final DeliveryStats stats;
    private final Deadline deadline;
    private final Sinks.Empty<Void> firstOpen = Sinks.empty();

    private String jobId;
    private WebsocketOutbound out;
    private boolean subscribeSent;
    /** The server said {@code welcome} on the current connection: it is ready to read (docs/protocol.md). */
    private boolean welcomed;
    private long subscribeSentMicros;
    private long lastSeq;
    private long[] receivedAtNanos = new long[64];
    private long[] subscribedAtNanos = new long[4];
    private int subscriptions;
    private int failedAttempts;
    private int attemptsInARow;
    private boolean openedOnce;
    private volatile boolean done;
    private volatile boolean stopped;
    private volatile int closeCode;
    private volatile Disposable session;

    Watcher(HttpClient.WebsocketSender client, DeliveryStats stats, Deadline deadline) {
        this.client = client;
        this.stats = stats;
        this.deadline = deadline;
    }

    /** Connects; the Mono completes once the first handshake is done (or errors when the watcher gives up). */
    Mono<Void> start() {
        connect();
        return firstOpen.asMono();
    }

    /** Watches {@code job} from its first event (last_seq 0), now or as soon as the connection is open. */
    void subscribe(String job) {
        Subscription ready;
        synchronized (this) {
            jobId = job;
            ready = claimSubscribe();
        }
        send(ready);
    }

    private void connect() {
        if (stopped || done) {
            return;
        }
        long startNanos = System.nanoTime();
        closeCode = 0;
        session = client.handle((in, out) -> {
                    onOpen(out, System.nanoTime() - startNanos);
                    in.receiveCloseStatus().subscribe(status -> closeCode = status.code());
                    return in.aggregateFrames(MAX_FRAME_BYTES).receiveFrames().doOnNext(this::onFrame).then();
                })
                .subscribe(null, this::onSessionEnd, () -> onSessionEnd(null));
    }

    private void onOpen(WebsocketOutbound outbound, long tookNanos) {
        Subscription ready;
        boolean first;
        synchronized (this) {
            first = !openedOnce;
            openedOnce = true;
            out = outbound;
            subscribeSent = false;
            welcomed = false;
            ready = null;
        }
        (first ? stats.connectMicros : stats.reconnectMicros).recordValue(tookNanos / 1_000);
        if (first) {
            firstOpen.tryEmitEmpty();
        }
        send(ready);
    }

    private record Subscription(WebsocketOutbound out, String message) {
    }

    /**
     * The subscribe_job to send (resuming after the last seq seen), once per connection and only when both the
     * welcomed connection and the job are known; null otherwise. Called holding the lock.
     */
    private Subscription claimSubscribe() {
        if (jobId == null || out == null || !welcomed || subscribeSent) {
            return null;
        }
        subscribeSent = true;
        subscribeSentMicros = DeliveryStats.epochMicros();
        return new Subscription(out, "{\"type\":\"subscribe_job\",\"job_id\":\"" + jobId + "\",\"last_seq\":"
                + lastSeq + "}");
    }

    private static void send(Subscription subscription) {
        if (subscription != null) {
            subscription.out().sendString(Mono.just(subscription.message())).then().subscribe(null, e -> { });
        }
    }

    private void onFrame(WebSocketFrame frame) {
        if (!(frame instanceof TextWebSocketFrame text)) {
            return;
        }
        long nowMicros = DeliveryStats.epochMicros();
        long nowNanos = System.nanoTime();
        ByteBuf content = text.content();
        int length = content.readableBytes();
        ServerFrame message;
        if (content.hasArray()) {
            message = ServerFrame.parse(content.array(), content.arrayOffset() + content.readerIndex(), length);
        } else {
            message = ServerFrame.parse(new io.netty.buffer.ByteBufInputStream(content.duplicate()));
        }
        if (message.isJobEvent()) {
            stats.bytes.add(length);
            onJobEvent(message, nowMicros, nowNanos);
        } else if ("welcome".equals(message.type())) {
            Subscription ready;
            synchronized (this) {
                welcomed = true;
                ready = claimSubscribe();
            }
            send(ready);
        } else if ("subscribed".equals(message.type())) {
            onSubscribed(nowNanos);
        } else if ("error".equals(message.type())) {
            stats.error(message.code());
        }
    }

    private synchronized void onSubscribed(long nowNanos) {
        stats.subscribeMicros.recordValue(Math.max(0, DeliveryStats.epochMicros() - subscribeSentMicros));
        if (subscriptions == subscribedAtNanos.length) {
            subscribedAtNanos = Arrays.copyOf(subscribedAtNanos, subscriptions * 2);
        }
        subscribedAtNanos[subscriptions++] = nowNanos;
        attemptsInARow = 0;
    }

    private void onJobEvent(ServerFrame event, long nowMicros, long nowNanos) {
        boolean terminal = event.isTerminal();
        synchronized (this) {
            if (!event.jobId().equals(jobId)) {
                stats.error("event_of_another_job");
                return;
            }
            if (event.seq() <= lastSeq) {
                stats.duplicates.increment();
                return;
            }
            if (event.seq() > lastSeq + 1) {
                stats.missingSeqs.add(event.seq() - lastSeq - 1);
            }
            lastSeq = event.seq();
            if (lastSeq >= receivedAtNanos.length) {
                receivedAtNanos = Arrays.copyOf(receivedAtNanos,
                        (int) Math.max(lastSeq + 1, receivedAtNanos.length * 2L));
            }
            receivedAtNanos[(int) lastSeq] = nowNanos;
            long eventMicros = Math.round(event.timestamp() * 1_000_000);
            // The event's timestamp is cut to the millisecond; anything stamped in the millisecond of the
            // subscription or later happened after it, so it is live, not history.
            boolean live = eventMicros >= subscribeSentMicros / 1_000 * 1_000;
            stats.delivered(jobId, lastSeq, live, terminal, nowMicros - eventMicros);
        }
        if (terminal) {
            done = true;
        }
    }

    private void onSessionEnd(Throwable error) {
        boolean opened;
        synchronized (this) {
            opened = out != null;
            out = null;
            subscribeSent = false;
        }
        if (stopped || done) {
            return;
        }
        if (opened) {
            stats.disconnected(error == null ? "close " + closeCode : error.getClass().getSimpleName());
        } else {
            stats.failedAttempt(error);
            synchronized (this) {
                failedAttempts++;
            }
        }
        int attempt;
        synchronized (this) {
            attempt = ++attemptsInARow;
        }
        if (attempt > MAX_ATTEMPTS || deadline.passed()) {
            stats.gaveUp.increment();
            firstOpen.tryEmitError(new IllegalStateException("gave up after " + attempt + " attempts, last: "
                    + (error == null ? "close " + closeCode : error.toString())));
            return;
        }
        Mono.delay(Duration.ofMillis(backoffMillis(attempt))).subscribe(tick -> connect());
    }

    /** Full jitter: uniformly between 0 and min(cap, base × 2^attempt). */
    static long backoffMillis(int attempt) {
        long ceiling = Math.min(BACKOFF_CAP_MILLIS, BACKOFF_BASE_MILLIS << Math.min(attempt, 16));
        return ThreadLocalRandom.current().nextLong(ceiling + 1);
    }

    /** Closes the connection and stops reconnecting. */
    void stop() {
        stopped = true;
        Disposable current = session;
        if (current != null) {
            current.dispose();
        }
    }

    boolean isDone() {
        return done;
    }

    synchronized String jobId() {
        return jobId;
    }

    synchronized long lastSeq() {
        return lastSeq;
    }

    synchronized boolean isConnected() {
        return out != null;
    }

    synchronized int failedAttempts() {
        return failedAttempts;
    }

    /** When the event with {@code seq} arrived (System.nanoTime), or 0 when it did not. */
    synchronized long receivedAtNanos(long seq) {
        return seq < receivedAtNanos.length ? receivedAtNanos[(int) seq] : 0;
    }

    /** The first {@code subscribed} answer at or after {@code nanos}, or 0 when there was none. */
    synchronized long subscribedAtOrAfter(long nanos) {
        for (int i = 0; i < subscriptions; i++) {
            if (subscribedAtNanos[i] - nanos >= 0) {
                return subscribedAtNanos[i];
            }
        }
        return 0;
    }
}
