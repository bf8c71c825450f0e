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

    LiveConnections(RealtimeProperties properties) {
        this.max = properties.maxConnections();
    }

    /** False when the server already holds its maximum of connections. */
    boolean add(ClientConnection connection) {
        if (open.size() >= max) {
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
