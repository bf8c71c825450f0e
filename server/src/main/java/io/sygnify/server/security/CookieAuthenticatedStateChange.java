package io.sygnify.server.security;

import java.util.Set;

import io.sygnify.server.accounts.SessionCookie;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * CSRF only threatens what a browser authenticates on its own: state changes carrying the session cookie. A
 * bearer token is never sent by a browser unasked, and sign-in accepts only JSON (see SignInController).
 */
final class CookieAuthenticatedStateChange implements ServerWebExchangeMatcher {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.TRACE);

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        var request = exchange.getRequest();
        boolean needsToken = !SAFE.contains(request.getMethod())
                && !PresentedCredentials.hasBearerHeader(request)
                && SessionCookie.from(request).isPresent()
                && !request.getPath().pathWithinApplication().value().equals("/api/auth/login");
        return needsToken ? MatchResult.match() : MatchResult.notMatch();
    }
}
