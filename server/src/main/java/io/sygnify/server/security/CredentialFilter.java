package io.sygnify.server.security;

import java.util.Optional;

import io.sygnify.server.accounts.Authenticator;
import io.sygnify.server.accounts.Credential;
import io.sygnify.server.accounts.SessionCookie;
import io.sygnify.server.accounts.Viewer;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Authenticates each API request and WebSocket handshake from the credential it presents. Nothing is kept in
 * memory between requests: a revoked token or ended session stops working on the very next request, on any
 * instance. A bad bearer token is refused with 401; a stale session cookie is cleared and the request goes on
 * anonymously (the authorisation rules then decide); a WebSocket handshake always goes on, so that the socket
 * handler can close it with 4401, a reason browsers can read.
 */
final class CredentialFilter implements WebFilter {

    private final Authenticator authenticator;

    CredentialFilter(Authenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!PresentedCredentials.needsIdentity(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        Optional<Credential> credential = PresentedCredentials.of(exchange.getRequest());
        if (credential.isEmpty()) {
            return chain.filter(exchange);
        }
        return Mono.fromCallable(() -> authenticator.authenticate(credential.get()))
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorResume(DataAccessException.class, e -> Mono.error(new DatabaseUnavailable(e)))
                .flatMap(viewer -> viewer.isPresent() ? authenticated(exchange, chain, viewer.get())
                        : refused(exchange, chain, credential.get()))
                .onErrorResume(DatabaseUnavailable.class, e -> ProblemResponses.write(exchange.getResponse(),
                        HttpStatus.SERVICE_UNAVAILABLE, "database_unavailable",
                        "The database is not answering, so your credential cannot be checked. Try again shortly."));
    }

    /** Marks a failed credential lookup, as opposed to a failure further down the chain. */
    private static final class DatabaseUnavailable extends RuntimeException {
        DatabaseUnavailable(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    private static Mono<Void> authenticated(ServerWebExchange exchange, WebFilterChain chain, Viewer viewer) {
        exchange.getAttributes().put(Viewer.ATTRIBUTE, viewer);
        return chain.filter(exchange)
                .contextWrite(ReactiveSecurityContextHolder.withAuthentication(new ViewerAuthentication(viewer)));
    }

    private static Mono<Void> refused(ServerWebExchange exchange, WebFilterChain chain, Credential credential) {
        if (PresentedCredentials.isWebSocketPath(exchange.getRequest())) {
            return chain.filter(exchange);
        }
        if (credential.kind() == Credential.Kind.TOKEN) {
            return ProblemResponses.write(exchange.getResponse(), HttpStatus.UNAUTHORIZED, "invalid_token",
                    "The bearer token is unknown, revoked or expired.");
        }
        exchange.getResponse().getHeaders().add(HttpHeaders.SET_COOKIE,
                SessionCookie.clear(exchange.getRequest()).toString());
        return chain.filter(exchange);
    }
}
