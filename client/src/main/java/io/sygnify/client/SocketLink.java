package io.sygnify.client;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * One WebSocket connection of a {@link RealtimeConnection}, from handshake to close. Joins text frames the JDK
 * delivers in parts, chains sends (the JDK allows one outstanding {@code sendText}), and hands every callback to
 * the connection's own thread through {@code loop}.
 */
final class SocketLink {

    /** What happens on the link; always called through the connection's loop executor. */
    interface Events {
        void opened(SocketLink link);

        void openFailed(SocketLink link, Throwable error);

        void text(SocketLink link, String text);

        /** A ping or pong frame: proof of life without a message. */
        void alive(SocketLink link);

        void closedByServer(SocketLink link, int code, String reason);

        void failed(SocketLink link, Throwable error);
    }

    private static final long CLOSE_WAIT_MILLIS = 2_000;

    private final Executor loop;
    private final Events events;
    private volatile WebSocket socket;
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);

    SocketLink(Executor loop, Events events) {
        this.loop = loop;
        this.events = events;
    }

    void open(HttpClient http, ClientConfig config) {
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(config.connectTimeout());
        config.bearerToken().ifPresent(token -> builder.header("Authorization", "Bearer " + token));
        builder.buildAsync(config.webSocketUri(), new Frames()).whenComplete((ws, error) -> loop.execute(() -> {
            if (error != null) {
                events.openFailed(this, error);
            } else {
                socket = ws;
                events.opened(this);
            }
        }));
    }

    /** Queues a text message after any still being sent; call on the loop thread. */
    void send(String text) {
        WebSocket ws = socket;
        if (ws == null) {
            return;
        }
        sending = sending.handle((ok, previousFailed) -> null)
                .thenCompose(ignored -> ws.sendText(text, true))
                .whenComplete((ok, error) -> {
                    if (error != null) {
                        loop.execute(() -> events.failed(this, error));
                    }
                });
    }

    /** Sends a normal close (1000), then drops the TCP connection whether or not the server answers. */
    void close() {
        WebSocket ws = socket;
        if (ws != null) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "client closing")
                    .orTimeout(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS)
                    .whenComplete((done, error) -> ws.abort());
        }
    }

    /** Drops the TCP connection at once. */
    void abort() {
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
    }

    private final class Frames implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        /** Before any message: the server's welcome may be handled on the loop ahead of {@code opened}. */
        @Override
        public void onOpen(WebSocket webSocket) {
            socket = webSocket;
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                loop.execute(() -> events.text(SocketLink.this, text));
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            webSocket.request(1); // the protocol has no binary messages
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
            return onPong(webSocket, message); // the JDK answers the ping itself
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            loop.execute(() -> events.alive(SocketLink.this));
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            loop.execute(() -> events.closedByServer(SocketLink.this, statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            loop.execute(() -> events.failed(SocketLink.this, error));
        }
    }
}
