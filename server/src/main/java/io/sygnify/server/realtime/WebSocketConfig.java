package io.sygnify.server.realtime;

import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;

@Configuration(proxyBeanMethods = false)
class WebSocketConfig {

    @Bean
    HandlerMapping webSocketMapping(JobSocketHandler handler) {
        // Ahead of annotated controllers and static resources.
        return new SimpleUrlHandlerMapping(Map.of("/ws", handler, "/ws/job/*", handler), -1);
    }
}
