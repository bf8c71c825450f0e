package io.sygnify.server.realtime;

import java.net.URI;
import java.util.Optional;

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

    private final InboundMessages inbound;
    private final JobFanOut fanOut;
    private final SystemFeed systemFeed;
    private final LiveConnections connections;
    private final HeartbeatMonitor heartbeat;
    private final RealtimeMetrics metrics;
    private final RealtimeProperties properties;

    JobSocketHandler(InboundMessages inbound, JobFanOut fanOut, SystemFeed systemFeed, LiveConnections connections,
                     HeartbeatMonitor heartbeat, RealtimeMetrics metrics, RealtimeProperties properties) {
        this.inbound = inbound;
        this.fanOut = fanOut;
        this.systemFeed = systemFeed;
        this.connections = connections;
        this.heartbeat = heartbeat;
        this.metrics = metrics;
        this.properties = properties;
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        // The outbound stream ends only once the close frame is written, so Netty does not drop it unsent.
        ClientConnection[] self = new ClientConnection[1];
        ClientConnection connection = new ClientConnection(session.getId(), properties, metrics,
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
        Mono<Void> subscribeOnConnect = jobIdFromPath(uri)
                .map(jobId -> inbound.subscribe(connection, jobId, lastSeqFrom(uri)))
                .orElse(Mono.empty());
        Mono<Void> input = subscribeOnConnect.thenMany(session.receive()
                        .doOnNext(message -> connection.markAlive())
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
        Mono<Void> output = session.send(connection.frames().map(frame -> toMessage(session, frame)));

        return Mono.when(input.doFinally(signal -> connection.markClosed()), output)
                .doFinally(signal -> {
                    connection.markClosed();
                    connections.remove(connection);
                    fanOut.unsubscribeAll(connection);
                    systemFeed.unsubscribe(connection);
                    metrics.closed();
                    log.debug("WebSocket {} closed ({})", session.getId(), signal);
                });
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

    private static WebSocketMessage toMessage(WebSocketSession session, OutboundFrame frame) {
        if (frame.kind() == OutboundFrame.Kind.PING) {
            return session.pingMessage(factory -> factory.wrap(new byte[0]));
        }
        // wrap() shares the encoded bytes: one copy per broadcast, however many subscribers.
        return new WebSocketMessage(WebSocketMessage.Type.TEXT, session.bufferFactory().wrap(frame.bytes()));
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
