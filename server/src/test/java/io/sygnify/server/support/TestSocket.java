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

    private TestSocket(URI uri, java.util.Map<String, String> headers) {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5));
        headers.forEach(builder::header);
        this.socket = builder.buildAsync(uri, new Listener()).join();
    }

    public static TestSocket connect(int port, String path) {
        return connect(port, path, java.util.Map.of());
    }

    /** Throws {@link java.util.concurrent.CompletionException} when the handshake is refused. */
    public static TestSocket connect(int port, String path, java.util.Map<String, String> headers) {
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
            JsonNode next;
            try {
                next = inbox.poll(left, TimeUnit.NANOSECONDS);
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
                inbox.add(JSON.readTree(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode = statusCode;
            return null;
        }
    }
}
