package io.sygnify.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Where the server is and how to reach it; shared by {@link SygnifyClient} and {@link RealtimeConnection}.
 *
 * @param serverUrl      base URL, e.g. {@code http://localhost:8000} (http or https; a path prefix is kept)
 * @param token          bearer token sent as {@code Authorization: Bearer …} on REST calls and on the WebSocket
 *                       handshake, or null when the server needs none
 * @param connectTimeout how long to wait for a TCP/TLS connection
 * @param requestTimeout how long to wait for a REST answer (uploads are not limited: they take as long as the file)
 */
public record ClientConfig(URI serverUrl, String token, Duration connectTimeout, Duration requestTimeout) {

    /** The URL used when none is given: a server on this machine with its default port. */
    public static final String DEFAULT_URL = "http://localhost:8000";

    public ClientConfig {
        if (serverUrl == null) {
            throw new IllegalArgumentException("serverUrl must be set");
        }
        String scheme = serverUrl.getScheme() == null ? "" : serverUrl.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || serverUrl.getHost() == null) {
            throw new IllegalArgumentException("Server URL must look like http://host:port or https://host, got '"
                    + serverUrl + "'");
        }
        if (token != null && (token.isBlank() || token.chars().anyMatch(c -> c < 0x21 || c > 0x7e))) {
            throw new IllegalArgumentException("Token must be printable ASCII without spaces");
        }
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
    }

    /** A config for {@code url} with no token, 5 s to connect and 30 s per REST request. */
    public static ClientConfig of(String url) {
        try {
            return new ClientConfig(new URI(url.strip()), null, Duration.ofSeconds(5), Duration.ofSeconds(30));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Server URL is not a valid URL: '" + url + "' (" + e.getReason() + ")");
        }
    }

    /** The same config sending {@code token} (null or blank for none). */
    public ClientConfig withToken(String token) {
        String value = token == null || token.isBlank() ? null : token.strip();
        return new ClientConfig(serverUrl, value, connectTimeout, requestTimeout);
    }

    public ClientConfig withTimeouts(Duration connect, Duration request) {
        return new ClientConfig(serverUrl, token, connect, request);
    }

    public Optional<String> bearerToken() {
        return Optional.ofNullable(token);
    }

    /** {@code path} (starting with {@code /}) resolved under the server URL. */
    public URI resolve(String path) {
        String base = serverUrl.toString();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    /** The general WebSocket endpoint: {@code ws(s)://host:port/ws}. */
    public URI webSocketUri() {
        URI http = resolve("/ws");
        String scheme = http.getScheme().equalsIgnoreCase("https") ? "wss" : "ws";
        return URI.create(scheme + http.toString().substring(http.getScheme().length()));
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
