package io.sygnify.server.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real WebSocket client (JDK HttpClient) that collects every JSON message it receives. */
public final class TestSocket implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
    private final List<JsonNode> received = new ArrayList<>();
    private final WebSocket socket;
    private volatile Integer closeCode;
    private volatile Throwable error;
    private volatile JsonNode welcome;

    private TestSocket(URI uri, java.util.Map<String, String> headers, String... subprotocols) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5));
        headers.forEach(builder::header);
        if (subprotocols.length > 0) {
            builder.subprotocols(subprotocols[0], java.util.Arrays.copyOfRange(subprotocols, 1, subprotocols.length));
        }
        this.socket = builder.buildAsync(uri, new Listener()).join();
        awaitWelcome();
    }

    /**
     * Like every client, sends nothing before the server's {@code welcome} (docs/protocol.md, "Connecting"); a
     * socket the server closes at once (4401, 1001, ...) has none, and is returned for its close code.
     */
    private void awaitWelcome() {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (welcome == null && closeCode == null && error == null) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No welcome from the server within 15 s");
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The server's first message, or null when it closed the socket instead. */
    public JsonNode welcome() {
        return welcome;
    }

    /** Connects as the seeded administrator. */
    public static TestSocket connect(int port, String path) {
        return connect(port, path, java.util.Map.of());
    }

    /**
     * Connects as the seeded administrator unless {@code headers} bring their own Authorization or Cookie.
     * Throws {@link java.util.concurrent.CompletionException} when the handshake is refused.
     */
    public static TestSocket connect(int port, String path, java.util.Map<String, String> headers) {
        java.util.Map<String, String> all = new java.util.HashMap<>(headers);
        if (!all.containsKey("Authorization") && !all.containsKey("Cookie")) {
            all.put("Authorization", "Bearer " + TestAccounts.ADMIN_TOKEN);
        }
        return new TestSocket(URI.create("ws://localhost:" + port + path), all);
    }

    /** Connects as the holder of {@code token}. */
    public static TestSocket connectAs(int port, String path, String token) {
        return connect(port, path, java.util.Map.of("Authorization", "Bearer " + token));
    }

    /** Connects offering these sub-protocols and no other credential (the browser's token form). */
    public static TestSocket connectWithSubprotocols(int port, String path, String... subprotocols) {
        return new TestSocket(URI.create("ws://localhost:" + port + path), java.util.Map.of(), subprotocols);
    }

    /** The sub-protocol the server chose, or "" for none. */
    public String subprotocol() {
        return socket.getSubprotocol();
    }

    /** Connects with exactly these headers, no credential added. */
    public static TestSocket connectWithout(int port, String path, java.util.Map<String, String> headers) {
        return new TestSocket(URI.create("ws://localhost:" + port + path), headers);
    }

    /** Waits for the server to close the connection and returns its close code. */
    public int awaitClose(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (closeCode == null && System.nanoTime() < deadline) {
            JsonNode next;
            try {
                next = inbox.poll(20, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            if (next != null) {
                synchronized (received) {
                    received.add(next);
                }
            }
        }
        if (closeCode == null) {
            throw new AssertionError("Server did not close within " + timeout);
        }
        return closeCode;
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    public void send(Object message) {
        send(JSON.writeValueAsString(message));
    }

    /** The next message matching {@code condition}; earlier non-matching ones stay in {@link #received()}. */
    public JsonNode await(Predicate<JsonNode> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("No matching message within " + timeout + "; received: " + received());
            }
            if (closeCode != null && inbox.isEmpty()) {
                throw new AssertionError("Closed by the server with " + closeCode + " before a matching message; "
                        + "received: " + received());
            }
            if (error != null && inbox.isEmpty()) {
                throw new AssertionError("The WebSocket failed before a matching message; received: " + received(),
                        error);
            }
            JsonNode next;
            try {
                // Short polls, so that a close is noticed without waiting out the whole timeout.
                next = inbox.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            if (next == null) {
                continue;
            }
            synchronized (received) {
                received.add(next);
            }
            if (condition.test(next)) {
                return next;
            }
        }
    }

    public JsonNode awaitType(String type, Duration timeout) {
        return await(m -> type.equals(m.path("type").asString()), timeout);
    }

    /** Every message consumed by {@link #await} so far, in arrival order. */
    public List<JsonNode> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    public Integer closeCode() {
        return closeCode;
    }

    @Override
    public void close() {
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode message = JSON.readTree(partial.toString());
                    if (welcome == null && "welcome".equals(message.path("type").asString())) {
                        welcome = message;
                    } else {
                        inbox.add(message);
                    }
                } catch (RuntimeException e) {
                    error = new AssertionError("Unreadable message: " + partial, e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable failure) {
            error = failure;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode = statusCode;
            return null;
        }
    }
}
