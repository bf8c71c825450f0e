package io.sygnify.server.security;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Safe defaults on every response: a Content-Security-Policy that allows no inline or foreign scripts and no
 * framing, no MIME sniffing, no referrer leaks. Swagger UI under {@code /docs} ships an inline bootstrap
 * script, so it gets the same policy minus the script restriction.
 */
@Component
@Order(SecurityHeaders.ORDER)
class SecurityHeaders implements WebFilter {

    /** Ahead of Spring Security's chain (-100), so that its 401 and 403 answers carry the headers too. */
    static final int ORDER = -200;


    static final String APP_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self' data:; connect-src 'self'%s; object-src 'none'; "
            + "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    static final String DOCS_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; "
            + "frame-ancestors 'none'";

    /** Not every browser counts ws:// to the page's own host as 'self', so it is named explicitly. */
    private static String sameHostSockets(ServerWebExchange exchange) {
        String host = exchange.getRequest().getHeaders().getFirst(HttpHeaders.HOST);
        if (host == null || !host.matches("[A-Za-z0-9.:\\[\\]-]+")) {
            return "";
        }
        return " ws://" + host + " wss://" + host;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        boolean docs = path.startsWith("/docs") || path.startsWith("/swagger-ui") || path.startsWith("/webjars");
        HttpHeaders headers = exchange.getResponse().getHeaders();
        headers.set("Content-Security-Policy", docs ? DOCS_POLICY : APP_POLICY.formatted(sameHostSockets(exchange)));
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "same-origin");
        return chain.filter(exchange);
    }
}
