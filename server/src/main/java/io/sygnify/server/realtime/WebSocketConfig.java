package io.sygnify.server.realtime;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;
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
        return new HandshakeWebSocketService(new ReactorNettyRequestUpgradeStrategy(
                () -> WebsocketServerSpec.builder().maxFramePayloadLength(maxFrame)));
    }
}
