package io.sygnify.server.realtime;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.sygnify.server.accounts.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Serves {@code /ws} and {@code /ws/job/{id}}: reads client messages in order (any frame counts as proof of life),
 * writes the connection's queued frames as fast as the socket takes them, and cleans up when it goes away.
 */
@Component
class JobSocketHandler implements WebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(JobSocketHandler.class);
    static final String JOB_PATH_PREFIX = "/ws/job/";
    static final String SUBPROTOCOL = "sygnify.v1";

    private final InboundMessages inbound;
    private final JobFanOut fanOut;
    private final SystemFeed systemFeed;
    private final LiveConnections connections;
    private final HeartbeatMonitor heartbeat;
    private final RealtimeMetrics metrics;
    private final RealtimeProperties properties;
    private final InboundBudgets budgets;
    private final MessageCodec codec;

    JobSocketHandler(InboundMessages inbound, JobFanOut fanOut, SystemFeed systemFeed, LiveConnections connections,
                     HeartbeatMonitor heartbeat, RealtimeMetrics metrics, RealtimeProperties properties,
                     InboundBudgets budgets, MessageCodec codec) {
        this.codec = codec;
        this.budgets = budgets;
        this.inbound = inbound;
        this.fanOut = fanOut;
        this.systemFeed = systemFeed;
        this.connections = connections;
        this.heartbeat = heartbeat;
        this.metrics = metrics;
        this.properties = properties;
    }

    /** Answered when a browser sends its token as a {@code bearer.<token>} sub-protocol (docs/security.md). */
    @Override
    public List<String> getSubProtocols() {
        return List.of(SUBPROTOCOL);
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        if (!(session.getAttributes().get(Viewer.ATTRIBUTE) instanceof Viewer viewer)) {
            // Accepted, then closed: a browser can read 4401, while a refused handshake tells it nothing.
            return session.close(CloseCodes.UNAUTHENTICATED);
        }
        // The outbound stream ends only once the close frame is written, so Netty does not drop it unsent.
        ClientConnection[] self = new ClientConnection[1];
        ClientConnection connection = new ClientConnection(session.getId(), viewer, properties, metrics,
                budgets.of(viewer),
                status -> session.close(status).doFinally(signal -> self[0].markClosed())
                        .subscribe(null, e -> log.debug("Close of {} failed", session.getId(), e)));
        self[0] = connection;
        if (!connections.add(connection)) {
            if (connections.isClosing()) {
                return session.close(CloseCodes.GOING_AWAY);
            }
            log.warn("Refusing WebSocket {}: {} connections open (limit)", session.getId(), connections.size());
            return session.close(CloseCodes.TRY_AGAIN_LATER);
        }
        heartbeat.register(connection);
        metrics.opened();
        log.debug("WebSocket {} connected", session.getId());

        URI uri = session.getHandshakeInfo().getUri();
        AtomicInteger inboundFrames = new AtomicInteger();
        Mono<Void> subscribeOnConnect = jobIdFromPath(uri)
                .map(jobId -> inbound.subscribe(connection, jobId, lastSeqFrom(uri)))
                .orElse(Mono.empty());
        // Sent as the input is subscribed: from then on an inbound frame is buffered until read, while one that
        // arrives between the 101 response and this point can be lost inside the upgrade (docs/protocol.md).
        Mono<Void> welcome = Mono.fromRunnable(() -> connection.send(codec.frame("welcome",
                new ServerMessage.Welcome(ServerMessage.Welcome.PROTOCOL_VERSION, viewer.username(),
                        properties.heartbeatInterval().toMillis() / 1000.0))));
        Mono<Void> input = welcome.then(subscribeOnConnect).thenMany(session.receive()
                        .doOnNext(message -> {
                            connection.markAlive();
                            inboundFrames.incrementAndGet();
                        })
                        .filter(message -> message.getType() == WebSocketMessage.Type.TEXT)
                        .concatMap(message -> {
                            if (!connection.tryAcceptInbound()) {
                                connection.close(CloseCodes.RATE_LIMITED);
                                return Mono.empty();
                            }
                            return inbound.handle(connection, message.getPayloadAsText());
                        }))
                .then()
                .onErrorResume(e -> {
                    if (isDisconnect(e)) {
                        log.debug("WebSocket {} dropped: {}", session.getId(), e.toString());
                    } else {
                        log.warn("WebSocket {} failed; closing with 1011", session.getId(), e);
                        connection.close(CloseCodes.SERVER_ERROR);
                    }
                    return Mono.empty();
                });
        writeToChannel(session, connection);
        Mono<Void> output = connection.released();

        return Mono.when(input.doFinally(signal -> connection.markClosed()), output)
                .doFinally(signal -> {
                    connection.markClosed();
                    connections.remove(connection);
                    fanOut.unsubscribeAll(connection);
                    systemFeed.unsubscribe(connection);
                    metrics.closed();
                    log.debug("WebSocket {} closed ({}); {} frames in, {} out", session.getId(), signal,
                            inboundFrames.get(), connection.framesSent());
                });
    }

    /**
     * Hands the connection its Netty channel (put in the session by {@link ChannelAwareUpgradeStrategy}, the only
     * way sockets are opened here), with a handler that tells it when the channel can take more again.
     */
    private static void writeToChannel(WebSocketSession session, ClientConnection connection) {
        reactor.netty.Connection channel = (reactor.netty.Connection) session.getAttributes()
                .get(ChannelAwareUpgradeStrategy.CONNECTION_ATTRIBUTE);
        channel.addHandlerLast("sygnify.writability", new WritabilityRelay(connection));
        connection.writeTo(channel.channel());
    }

    /** Resumes a connection's writes when its channel drains below the low-water mark. */
    private static final class WritabilityRelay extends ChannelInboundHandlerAdapter {
        private final ClientConnection connection;

        WritabilityRelay(ClientConnection connection) {
            this.connection = connection;
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext context) {
            if (context.channel().isWritable()) {
                connection.channelWritable();
            }
            context.fireChannelWritabilityChanged();
        }
    }

    /** A peer that goes away mid-frame is normal; anything else is our fault and worth a WARN. */
    private static boolean isDisconnect(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException || t instanceof reactor.netty.channel.AbortedException
                    || t.getClass().getName().contains("CorruptedWebSocketFrameException")
                    || t.getClass().getName().contains("TooLongFrameException")) {
                return true;
            }
        }
        return false;
    }

    static Optional<String> jobIdFromPath(URI uri) {
        String path = uri.getPath();
        if (path != null && path.startsWith(JOB_PATH_PREFIX) && path.length() > JOB_PATH_PREFIX.length()) {
            return Optional.of(path.substring(JOB_PATH_PREFIX.length()));
        }
        return Optional.empty();
    }

    static Long lastSeqFrom(URI uri) {
        String value = UriComponentsBuilder.fromUri(uri).build().getQueryParams().getFirst("last_seq");
        if (value == null) {
            return null;
        }
        try {
            long seq = Long.parseLong(value);
            return seq >= 0 ? seq : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
