package io.sygnify.server.webapp;

import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The web app routes in the browser ({@code /jobs/…}); a reload or a shared link must still get the app, so
 * page paths are served {@code index.html}. API, socket, docs and asset paths pass through untouched.
 */
@Component
class SinglePageAppRoutes implements WebFilter {

    private static final List<String> SERVER_PREFIXES = List.of("/api", "/ws", "/actuator", "/docs", "/api-docs",
            "/swagger-ui", "/webjars", "/assets");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (exchange.getRequest().getMethod() == HttpMethod.GET && isAppPage(path)) {
            return chain.filter(exchange.mutate().request(r -> r.path("/index.html")).build());
        }
        return chain.filter(exchange);
    }

    static boolean isAppPage(String path) {
        if (path.equals("/") || SERVER_PREFIXES.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"))) {
            return false;
        }
        String lastSegment = path.substring(path.lastIndexOf('/') + 1);
        return !lastSegment.contains(".");
    }
}
