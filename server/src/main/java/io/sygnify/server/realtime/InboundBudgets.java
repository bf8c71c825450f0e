package io.sygnify.server.realtime;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.sygnify.server.accounts.Viewer;
import io.sygnify.server.security.TokenBucket;
import org.springframework.stereotype.Component;

/**
 * One inbound message budget per user, shared by all their sockets: opening more sockets does not buy more
 * messages. One entry per user who ever connected, so the map stays as small as the user table.
 */
@Component
class InboundBudgets {

    private final Map<String, TokenBucket> byUser = new ConcurrentHashMap<>();
    private final RealtimeProperties properties;

    InboundBudgets(RealtimeProperties properties) {
        this.properties = properties;
    }

    TokenBucket of(Viewer viewer) {
        if (viewer == null) {
            return newBudget();
        }
        return byUser.computeIfAbsent(viewer.userId(), id -> newBudget());
    }

    private TokenBucket newBudget() {
        return new TokenBucket(properties.inboundRatePerSecond(), properties.inboundBurst());
    }
}
