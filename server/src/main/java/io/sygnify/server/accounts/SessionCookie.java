package io.sygnify.server.accounts;

import java.time.Duration;
import java.util.Optional;

import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;

/** The browser session cookie: HttpOnly, SameSite=Lax, Secure whenever the browser reached us over TLS. */
public final class SessionCookie {

    public static final String NAME = "SYGNIFY_SESSION";

    private SessionCookie() {
    }

    public static Optional<String> from(ServerHttpRequest request) {
        HttpCookie cookie = request.getCookies().getFirst(NAME);
        return cookie == null || cookie.getValue().isBlank() ? Optional.empty() : Optional.of(cookie.getValue());
    }

    static ResponseCookie issue(String secret, Duration lifetime, ServerHttpRequest request) {
        return base(secret, request).maxAge(lifetime).build();
    }

    public static ResponseCookie clear(ServerHttpRequest request) {
        return base("", request).maxAge(0).build();
    }

    private static ResponseCookie.ResponseCookieBuilder base(String value, ServerHttpRequest request) {
        return ResponseCookie.from(NAME, value).httpOnly(true).sameSite("Lax").path("/").secure(overTls(request));
    }

    /** A TLS-terminating proxy in front says so in X-Forwarded-Proto; a lie only hides the cookie from the liar. */
    private static boolean overTls(ServerHttpRequest request) {
        return "https".equalsIgnoreCase(request.getURI().getScheme())
                || "https".equalsIgnoreCase(request.getHeaders().getFirst("X-Forwarded-Proto"));
    }
}
