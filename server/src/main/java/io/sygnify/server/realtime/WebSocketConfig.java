package io.sygnify.server.realtime;

import java.util.List;
import java.util.Map;

import io.sygnify.server.accounts.Viewer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import reactor.netty.http.server.WebsocketServerSpec;

@Configuration(proxyBeanMethods = false)
class WebSocketConfig implements WebFluxConfigurer {

    private final RealtimeProperties properties;

    WebSocketConfig(RealtimeProperties properties) {
        this.properties = properties;
    }

    @Bean
    HandlerMapping webSocketMapping(JobSocketHandler handler) {
        // Ahead of annotated controllers and static resources.
        return new SimpleUrlHandlerMapping(Map.of("/ws", handler, "/ws/job/*", handler), -1);
    }

    /** Netty refuses a frame over the inbound limit with close code 1009 before it reaches us. */
    @Override
    public WebSocketService getWebSocketService() {
        int maxFrame = (int) properties.maxInboundMessageBytes().toBytes();
        return new ViewerCarryingWebSocketService(new ChannelAwareUpgradeStrategy(
                () -> WebsocketServerSpec.builder().maxFramePayloadLength(maxFrame)));
    }

    /**
     * Hands the viewer the security filter found on the handshake to the socket's session attributes. (The
     * built-in attribute predicate copies WebSession attributes, and Sygnify keeps no WebSession.)
     */
    private static final class ViewerCarryingWebSocketService extends HandshakeWebSocketService {

        ViewerCarryingWebSocketService(ChannelAwareUpgradeStrategy strategy) {
            super(strategy);
        }

        @Override
        public Mono<Void> handleRequest(ServerWebExchange exchange, WebSocketHandler handler) {
            Object viewer = exchange.getAttribute(Viewer.ATTRIBUTE);
            if (viewer == null) {
                return super.handleRequest(exchange, handler);
            }
            return super.handleRequest(exchange, new WebSocketHandler() {
                @Override
                public List<String> getSubProtocols() {
                    return handler.getSubProtocols();
                }

                @Override
                public Mono<Void> handle(WebSocketSession session) {
                    session.getAttributes().put(Viewer.ATTRIBUTE, viewer);
                    return handler.handle(session);
                }
            });
        }
    }
}
