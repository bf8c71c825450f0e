package io.sygnify.server.realtime;

import java.net.URI;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * Serves {@code /ws} and {@code /ws/job/{id}}: reads client messages in order, writes the connection's queued
 * frames, and cleans up its subscriptions when it goes away.
 */
@Component
class JobSocketHandler implements WebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(JobSocketHandler.class);
    static final String JOB_PATH_PREFIX = "/ws/job/";
    /** Outbound bytes one client may have waiting before it is disconnected as too slow. */
    static final long MAX_QUEUED_BYTES = 16L * 1024 * 1024;
    /** Documented in docs/protocol.md: the client fell too far behind; reconnect and resume. */
    static final CloseStatus TOO_SLOW = new CloseStatus(4008, "Client too slow; reconnect and resume with last_seq");

    private final InboundMessages inbound;
    private final JobFanOut fanOut;
    private final SystemFeed systemFeed;
    private final RealtimeMetrics metrics;

    JobSocketHandler(InboundMessages inbound, JobFanOut fanOut, SystemFeed systemFeed, RealtimeMetrics metrics) {
        this.systemFeed = systemFeed;
        this.inbound = inbound;
        this.fanOut = fanOut;
        this.metrics = metrics;
    }

    @Override
    public Mono<Void> handle(WebSocketSession session) {
        ClientConnection connection = new ClientConnection(session.getId(), MAX_QUEUED_BYTES, metrics);
        connection.onOverflow(() -> session.close(TOO_SLOW).subscribe());
        metrics.opened();
        log.debug("WebSocket {} connected", session.getId());

        Mono<Void> subscribeOnConnect = jobIdFromPath(session.getHandshakeInfo().getUri())
                .map(jobId -> inbound.subscribe(connection, jobId, lastSeqFrom(session.getHandshakeInfo().getUri())))
                .orElse(Mono.empty());
        Mono<Void> input = subscribeOnConnect.thenMany(session.receive()
                        .map(WebSocketMessage::getPayloadAsText)
                        .concatMap(text -> inbound.handle(connection, text)))
                .then();
        Mono<Void> output = session.send(connection.frames()
                .map(bytes -> new WebSocketMessage(WebSocketMessage.Type.TEXT, session.bufferFactory().wrap(bytes))));

        return Mono.zip(input.doFinally(s -> connection.close()), output).then()
                .doFinally(signal -> {
                    connection.close();
                    fanOut.unsubscribeAll(connection);
                    systemFeed.unsubscribe(connection);
                    metrics.closed();
                    log.debug("WebSocket {} closed ({})", session.getId(), signal);
                });
    }

    static Optional<String> jobIdFromPath(URI uri) {
        String path = uri.getPath();
        if (path != null && path.startsWith(JOB_PATH_PREFIX) && path.length() > JOB_PATH_PREFIX.length()) {
            return Optional.of(path.substring(JOB_PATH_PREFIX.length()));
        }
        return Optional.empty();
    }

    private static Long lastSeqFrom(URI uri) {
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
