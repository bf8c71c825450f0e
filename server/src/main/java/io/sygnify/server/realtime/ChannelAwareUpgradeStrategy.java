package io.sygnify.server.realtime;

import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.adapter.ReactorNettyWebSocketSession;
import org.springframework.web.reactive.socket.server.RequestUpgradeStrategy;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServerResponse;
import reactor.netty.http.server.WebsocketServerSpec;

/**
 * Spring's Reactor Netty upgrade, plus the socket's Netty {@link Connection} in the session attributes, so that
 * {@link JobSocketHandler} can write pre-encoded frames straight to the channel (Spring keeps it protected).
 */
final class ChannelAwareUpgradeStrategy implements RequestUpgradeStrategy {

    static final String CONNECTION_ATTRIBUTE = "sygnify.netty.connection";

    private final Supplier<WebsocketServerSpec.Builder> spec;

    ChannelAwareUpgradeStrategy(Supplier<WebsocketServerSpec.Builder> spec) {
        this.spec = spec;
    }

    @Override
    public Mono<Void> upgrade(ServerWebExchange exchange, WebSocketHandler handler, @Nullable String subProtocol,
                              Supplier<HandshakeInfo> handshakeInfoFactory) {
        ServerHttpResponse response = exchange.getResponse();
        HttpServerResponse reactorResponse = ServerHttpResponseDecorator.getNativeResponse(response);
        HandshakeInfo handshakeInfo = handshakeInfoFactory.get();
        NettyDataBufferFactory buffers = (NettyDataBufferFactory) response.bufferFactory();
        // Commits the response first (WebFlux's pre-commit actions, e.g. security headers), as Spring's does.
        return response.setComplete().then(Mono.defer(() -> {
            WebsocketServerSpec.Builder builder = spec.get();
            if (subProtocol != null) {
                builder.protocols(subProtocol);
            }
            WebsocketServerSpec serverSpec = builder.build();
            return reactorResponse.sendWebsocket((in, out) -> {
                ReactorNettyWebSocketSession session = new ReactorNettyWebSocketSession(in, out, handshakeInfo,
                        buffers, serverSpec.maxFramePayloadLength());
                out.withConnection(connection -> session.getAttributes().put(CONNECTION_ATTRIBUTE, connection));
                return handler.handle(session);
            }, serverSpec);
        }));
    }
}
