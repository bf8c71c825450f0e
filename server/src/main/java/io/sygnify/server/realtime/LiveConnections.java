package io.sygnify.server.realtime;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/** Every open client connection of this instance, for the heartbeat, limits and shutdown. */
@Component
class LiveConnections {

    private final Set<ClientConnection> open = ConcurrentHashMap.newKeySet();
    private final int max;
    private volatile boolean closing;

    LiveConnections(RealtimeProperties properties) {
        this.max = properties.maxConnections();
    }

    /** From now on every new connection is refused: the server is stopping. */
    void closeToNewConnections() {
        closing = true;
    }

    boolean isClosing() {
        return closing;
    }

    /** False when the server is stopping or already holds its maximum of connections. */
    boolean add(ClientConnection connection) {
        if (closing || open.size() >= max) {
            return false;
        }
        open.add(connection);
        return true;
    }

    void remove(ClientConnection connection) {
        open.remove(connection);
    }

    List<ClientConnection> snapshot() {
        return List.copyOf(open);
    }

    int size() {
        return open.size();
    }
}
