package io.sygnify.client;

import java.time.Duration;

/** Where a {@link RealtimeConnection} is; each change is reported to its connection-state listeners. */
public sealed interface ConnectionState {

    /** {@link RealtimeConnection#connect()} has not been called yet. */
    record Idle() implements ConnectionState {
    }

    /** The first connection is being opened. */
    record Connecting() implements ConnectionState {
    }

    /** Open; subscriptions are (re)sent and events flow. */
    record Connected() implements ConnectionState {
    }

    /**
     * The connection was lost (or could not be opened); retry number {@code attempt} (from 1) starts after
     * {@code delay}.
     *
     * @param cause what went wrong, e.g. "closed by the server (1001 Server shutting down)"
     */
    record Reconnecting(int attempt, Duration delay, String cause) implements ConnectionState {
    }

    /**
     * Closed for good: no more events will come.
     *
     * @param reason  why, e.g. "Closed by the client" or "Max reconnection attempts reached (5) …"
     * @param failure true when the connection was not closed by the client or a normal close of the server
     */
    record Closed(String reason, boolean failure) implements ConnectionState {
    }
}
