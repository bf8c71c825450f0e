package io.sygnify.server.realtime;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Browsers send {@code Origin} on a WebSocket handshake and do not apply CORS to it: a page on another site
 * could otherwise open a socket with the user's cookies. Allowed: no Origin (scripts), the server's own origin,
 * and {@code sygnify.realtime.allowed-origins}. Refused with 403 before the upgrade.
 */
@Component
class WebSocketOriginFilter implements WebFilter {

    private final RealtimeProperties properties;

    WebSocketOriginFilter(RealtimeProperties properties) {
        this.properties = properties;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!(path.equals("/ws") || path.startsWith("/ws/"))) {
            return chain.filter(exchange);
        }
        String origin = exchange.getRequest().getHeaders().getOrigin();
        if (origin == null || isSameOrigin(origin, exchange.getRequest().getHeaders().getFirst(HttpHeaders.HOST))
                || properties.allowedOrigins().contains(origin)) {
            return chain.filter(exchange);
        }
        return refuse(exchange.getResponse(), origin);
    }

    static boolean isSameOrigin(String origin, String host) {
        if (host == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            String scheme = uri.getScheme();
            int defaultPort = "https".equals(scheme) ? 443 : 80;
            int port = uri.getPort() == -1 ? defaultPort : uri.getPort();
            String originHost = uri.getHost() + ":" + port;
            String requestHost = host.contains(":") ? host : host + ":" + defaultPort;
            return originHost.equalsIgnoreCase(requestHost);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static Mono<Void> refuse(ServerHttpResponse response, String origin) {
        response.setStatusCode(HttpStatus.FORBIDDEN);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        String body = "{\"type\":\"https://sygnify.io/problems/origin-not-allowed\",\"title\":\"Forbidden\","
                + "\"status\":403,\"code\":\"origin_not_allowed\",\"detail\":\"WebSocket connections from origin "
                + origin.replaceAll("[\"\\\\]", "") + " are not allowed.\"}";
        DataBuffer buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer));
    }
}
