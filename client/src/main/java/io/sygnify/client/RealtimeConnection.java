package io.sygnify.client;

import java.lang.System.Logger.Level;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A WebSocket connection to the server ({@code /ws}) that keeps itself alive: it reconnects with backoff
 * ({@link ReconnectPolicy}), sends a heartbeat, re-subscribes every job after a reconnect with the last seq it
 * saw, and drops events it has already delivered, so each listener sees every event of a job once and in seq
 * order.
 *
 * <pre>{@code
 * try (RealtimeConnection connection = new RealtimeConnection(ClientConfig.of("http://localhost:8000"))) {
 *     connection.addJobEventListener(jobId, "complete", event -> System.out.println(event.insights()));
 *     connection.subscribeToJob(jobId, 0);   // every event from seq 1
 *     connection.connect().join();
 *     ...
 * }
 * }</pre>
 *
 * <p>Threading: the public methods may be called from any thread. Connection state lives on one internal thread
 * ({@code sygnify-realtime}); listeners are called on another single thread ({@code sygnify-realtime-listeners}),
 * one at a time, in order. A listener that blocks delays later listeners, never the connection.
 */
public final class RealtimeConnection implements AutoCloseable {

    private static final System.Logger log = System.getLogger(RealtimeConnection.class.getName());
    private static final long CLOSE_WAIT_MILLIS = 2_000;

    private final ClientConfig config;
    private final ReconnectPolicy policy;
    private final HttpClient http;
    private final RealtimeListeners listeners = new RealtimeListeners();
    private final CompletableFuture<Void> firstConnect = new CompletableFuture<>();
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread t = new Thread(runnable, "sygnify-realtime");
        t.setDaemon(true);
        return t;
    });
    private final SocketLink.Events linkEvents = new LinkEvents();
    private volatile ConnectionState state = new ConnectionState.Idle();

    // Confined to the loop thread. Callbacks of any link but the current one are stale and ignored.
    private final Map<String, JobCursor> subscriptions = new LinkedHashMap<>();
    private boolean started;
    private boolean finished;
    private SocketLink link;
    private boolean connected;
    private int attempt;
    private ScheduledFuture<?> heartbeat;
    private ScheduledFuture<?> retry;
    private long lastInboundNanos;

    /** A connection with {@link ReconnectPolicy#DEFAULT}. Nothing happens until {@link #connect()}. */
    public RealtimeConnection(ClientConfig config) {
        this(config, ReconnectPolicy.DEFAULT);
    }

    public RealtimeConnection(ClientConfig config, ReconnectPolicy policy) {
        this.config = config;
        this.policy = policy;
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).build();
    }

    /**
     * Opens the connection (once; later calls return the same future). Completes when first connected, or
     * exceptionally with {@link SygnifyConnectionException} when the connection closes for good before that
     * (e.g. max reconnection attempts reached). Failed first attempts are retried like lost connections.
     */
    public CompletableFuture<Void> connect() {
        onLoop(() -> {
            if (!started && !finished) {
                started = true;
                publish(new ConnectionState.Connecting());
                open();
            }
        });
        return firstConnect;
    }

    /** The current state; changes are also reported to {@link #addConnectionStateListener}. */
    public ConnectionState state() {
        return state;
    }

    /**
     * Watches a job: the server first sends its current state (latest event), then every later event. Does
     * nothing if the job is already subscribed. May be called before {@link #connect()}.
     */
    public void subscribeToJob(String jobId) {
        subscribe(jobId, JobCursor.NOTHING_SEEN);
    }

    /** Watches a job from the event after {@code lastSeq}: 0 replays every event from seq 1. */
    public void subscribeToJob(String jobId, long lastSeq) {
        if (lastSeq < 0) {
            throw new IllegalArgumentException("lastSeq must not be negative, was " + lastSeq);
        }
        subscribe(jobId, lastSeq);
    }

    /** Stops watching a job. Its listeners stay registered (and get events again if it is subscribed again). */
    public void unsubscribeFromJob(String jobId) {
        requireJobId(jobId);
        onLoop(() -> {
            if (subscriptions.remove(jobId) != null && connected) {
                link.send(message("unsubscribe_job", jobId));
            }
        });
    }

    /** @param type {@code "update"}, {@code "complete"} or {@code "error"} */
    public void addJobEventListener(String jobId, String type, Consumer<JobEvent> listener) {
        addJobEventListener(jobId, JobEventType.of(type), listener);
    }

    public void addJobEventListener(String jobId, JobEventType type, Consumer<JobEvent> listener) {
        requireJobId(jobId);
        listeners.add(jobId, type, Objects.requireNonNull(listener, "listener"));
    }

    /** Registers {@code listener} for all three event types of the job. */
    public void addJobEventListener(String jobId, Consumer<JobEvent> listener) {
        for (JobEventType type : JobEventType.values()) {
            addJobEventListener(jobId, type, listener);
        }
    }

    /** @return whether the listener was registered */
    public boolean removeJobEventListener(String jobId, String type, Consumer<JobEvent> listener) {
        return listeners.remove(jobId, JobEventType.of(type), listener);
    }

    public boolean removeJobEventListener(String jobId, JobEventType type, Consumer<JobEvent> listener) {
        return listeners.remove(jobId, type, listener);
    }

    public void addConnectionStateListener(Consumer<ConnectionState> listener) {
        listeners.addStateListener(Objects.requireNonNull(listener, "listener"));
    }

    public boolean removeConnectionStateListener(Consumer<ConnectionState> listener) {
        return listeners.removeStateListener(listener);
    }

    /** Listens to the server's {@code error} messages, e.g. {@code job_not_found} after subscribing to a bad id. */
    public void addProtocolErrorListener(Consumer<ProtocolError> listener) {
        listeners.addErrorListener(Objects.requireNonNull(listener, "listener"));
    }

    public boolean removeProtocolErrorListener(Consumer<ProtocolError> listener) {
        return listeners.removeErrorListener(listener);
    }

    /** Closes the connection normally (1000); listeners get a final {@link ConnectionState.Closed}. */
    @Override
    public void close() {
        CompletableFuture<Void> closed = new CompletableFuture<>();
        onLoop(() -> {
            if (!finished) {
                SocketLink last = link;
                end(new ConnectionState.Closed("Closed by the client", false));
                if (last != null) {
                    last.close();
                }
            }
            closed.complete(null);
        });
        closed.completeOnTimeout(null, CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS).join();
        loop.shutdown();
        listeners.shutdown(CLOSE_WAIT_MILLIS);
    }

    // ---- everything below runs on the loop thread ----

    private void subscribe(String jobId, long lastSeq) {
        requireJobId(jobId);
        onLoop(() -> {
            if (!subscriptions.containsKey(jobId)) {
                JobCursor cursor = new JobCursor(lastSeq);
                subscriptions.put(jobId, cursor);
                if (connected) {
                    link.send(subscribeMessage(jobId, cursor));
                }
            }
        });
    }

    private void open() {
        link = new SocketLink(this::onLoop, linkEvents);
        connected = false;
        link.open(http, config);
    }

    /** The socket is open; the heartbeat starts, and a server that never says {@code welcome} counts as silent. */
    private void opened(SocketLink opened) {
        lastInboundNanos = System.nanoTime();
        long interval = policy.heartbeatInterval().toMillis();
        heartbeat = loop.scheduleAtFixedRate(() -> heartbeat(opened), interval, interval, TimeUnit.MILLISECONDS);
    }

    /**
     * The server's first message: it is ready to read. Only now do subscriptions go out, since a message sent
     * before it can be lost in the server's WebSocket upgrade (docs/protocol.md, "Connecting").
     */
    private void welcomed() {
        if (connected) {
            return;
        }
        connected = true;
        publish(new ConnectionState.Connected());
        subscriptions.forEach((jobId, cursor) -> link.send(subscribeMessage(jobId, cursor)));
        firstConnect.complete(null);
    }

    private void heartbeat(SocketLink beating) {
        if (beating != link || finished) {
            return;
        }
        long silentMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastInboundNanos);
        if (silentMillis >= 2 * policy.heartbeatInterval().toMillis()) {
            lost("no message from the server for " + silentMillis + " ms (heartbeat every "
                    + policy.heartbeatInterval().toMillis() + " ms)");
            return;
        }
        // Up for a whole interval: a stable connection, so the next loss starts backing off from the start again.
        // (Resetting on open would let a server that accepts and at once closes be retried forever.)
        attempt = 0;
        beating.send(Json.MAPPER.createObjectNode().put("type", "ping").toString());
    }

    private void received(String text) {
        lastInboundNanos = System.nanoTime();
        JsonNode message;
        try {
            message = Json.MAPPER.readTree(text);
        } catch (JacksonException e) {
            log.log(Level.WARNING, "Ignoring a frame that is not JSON: " + e.getOriginalMessage());
            return;
        }
        if ("welcome".equals(Json.text(message, "type"))) {
            welcomed();
            return;
        }
        JobEvent event = JobEvent.fromJson(message);
        if (event != null) {
            JobCursor cursor = subscriptions.get(event.jobId());
            if (cursor != null && cursor.advance(event.seq())) {
                listeners.jobEvent(event);
            }
        } else if ("error".equals(Json.text(message, "type"))) {
            listeners.protocolError(new ProtocolError(Json.text(message, "code"), Json.text(message, "message"),
                    Json.text(message, "job_id")));
        }
        // subscribed, unsubscribed, pong and types added later need no action
    }

    private void closedByServer(int code, String reason) {
        String what = "closed by the server (" + code + (reason == null || reason.isBlank() ? "" : " " + reason) + ")";
        if (CloseCodes.reconnects(code)) {
            lost(what);
        } else if (CloseCodes.refusesClient(code)) {
            end(new ConnectionState.Closed("Not reconnecting: " + what, true));
        } else {
            end(new ConnectionState.Closed("Connection " + what, false));
        }
    }

    /** The current link is gone; retry after a backoff delay, or give up after the last attempt. */
    private void lost(String cause) {
        log.log(Level.DEBUG, "Connection lost: " + cause);
        dropLink();
        attempt++;
        if (attempt > policy.maxAttempts()) {
            end(new ConnectionState.Closed("Max reconnection attempts reached (" + policy.maxAttempts()
                    + "); last failure: " + cause, true));
            return;
        }
        Duration delay = policy.delay(attempt, ThreadLocalRandom.current().nextDouble());
        publish(new ConnectionState.Reconnecting(attempt, delay, cause));
        retry = loop.schedule(this::open, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void end(ConnectionState.Closed closed) {
        finished = true;
        if (retry != null) {
            retry.cancel(false);
        }
        if (closed.failure()) {
            dropLink();
        } else {
            stopHeartbeat();
            link = null;
            connected = false;
        }
        publish(closed);
        firstConnect.completeExceptionally(new SygnifyConnectionException(closed.reason()));
    }

    private void dropLink() {
        stopHeartbeat();
        if (link != null) {
            link.abort();
            link = null;
        }
        connected = false;
    }

    private void stopHeartbeat() {
        if (heartbeat != null) {
            heartbeat.cancel(false);
            heartbeat = null;
        }
    }

    private void publish(ConnectionState next) {
        state = next;
        listeners.stateChanged(next);
    }

    private void onLoop(Runnable task) {
        try {
            loop.execute(task);
        } catch (RejectedExecutionException closed) {
            // close() already ran: nothing left to do
        }
    }

    private static String subscribeMessage(String jobId, JobCursor cursor) {
        ObjectNode message = Json.MAPPER.createObjectNode().put("type", "subscribe_job").put("job_id", jobId);
        if (cursor.lastSeq() != JobCursor.NOTHING_SEEN) {
            message.put("last_seq", cursor.lastSeq());
        }
        return message.toString();
    }

    private static String message(String type, String jobId) {
        return Json.MAPPER.createObjectNode().put("type", type).put("job_id", jobId).toString();
    }

    private static void requireJobId(String jobId) {
        if (jobId == null || jobId.isBlank()) {
            throw new IllegalArgumentException("jobId must not be blank");
        }
    }

    /** Routes the current link's callbacks; those of a link already replaced or after the end are dropped. */
    private final class LinkEvents implements SocketLink.Events {

        private boolean current(SocketLink from) {
            return from == link && !finished;
        }

        @Override
        public void opened(SocketLink from) {
            if (current(from)) {
                RealtimeConnection.this.opened(from);
            } else {
                from.abort();
            }
        }

        @Override
        public void openFailed(SocketLink from, Throwable error) {
            if (current(from)) {
                lost("could not connect to " + config.webSocketUri() + ": " + SygnifyClient.describe(error));
            }
        }

        @Override
        public void text(SocketLink from, String text) {
            if (current(from)) {
                received(text);
            }
        }

        @Override
        public void alive(SocketLink from) {
            if (current(from)) {
                lastInboundNanos = System.nanoTime();
            }
        }

        @Override
        public void closedByServer(SocketLink from, int code, String reason) {
            if (current(from)) {
                RealtimeConnection.this.closedByServer(code, reason);
            }
        }

        @Override
        public void failed(SocketLink from, Throwable error) {
            if (current(from)) {
                lost("connection failed: " + SygnifyClient.describe(error));
            }
        }
    }
}
