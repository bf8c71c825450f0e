package io.sygnify.server.security;

import java.util.List;
import java.util.Optional;

import io.sygnify.server.accounts.Credential;
import io.sygnify.server.accounts.SessionCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * Finds the credential a request presents: {@code Authorization: Bearer}, then (on a WebSocket handshake) a
 * {@code bearer.<token>} sub-protocol, which is the only header a browser script can set there, then the
 * session cookie.
 */
final class PresentedCredentials {

    static final String BEARER_SUBPROTOCOL_PREFIX = "bearer.";

    private PresentedCredentials() {
    }

    static Optional<Credential> of(ServerHttpRequest request) {
        String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(new Credential(Credential.Kind.TOKEN, authorization.substring(7).strip()));
        }
        if (isWebSocketPath(request)) {
            List<String> protocols = request.getHeaders().getOrEmpty("Sec-WebSocket-Protocol").stream()
                    .flatMap(v -> java.util.Arrays.stream(v.split(","))).map(String::strip).toList();
            for (String protocol : protocols) {
                if (protocol.startsWith(BEARER_SUBPROTOCOL_PREFIX)) {
                    return Optional.of(new Credential(Credential.Kind.TOKEN,
                            protocol.substring(BEARER_SUBPROTOCOL_PREFIX.length())));
                }
            }
        }
        return SessionCookie.from(request).map(secret -> new Credential(Credential.Kind.SESSION, secret));
    }

    static boolean hasBearerHeader(ServerHttpRequest request) {
        String authorization = request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    static boolean isWebSocketPath(ServerHttpRequest request) {
        String path = request.getPath().pathWithinApplication().value();
        return path.equals("/ws") || path.startsWith("/ws/");
    }

    /** Static files of the web app need no identity; looking one up for each would only cost queries. */
    static boolean needsIdentity(ServerHttpRequest request) {
        String path = request.getPath().pathWithinApplication().value();
        return path.startsWith("/api/") || path.equals("/api") || path.startsWith("/actuator") || isWebSocketPath(request);
    }
}
