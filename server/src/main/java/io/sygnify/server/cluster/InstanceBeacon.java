package io.sygnify.server.cluster;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.sygnify.server.config.InstanceIdentity;
import io.sygnify.server.monitoring.InstanceStatus;
import io.sygnify.server.monitoring.Instances;
import io.sygnify.server.monitoring.SystemSampler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each instance tells the others how it is after every system sample; the monitor lists them all. An instance
 * silent for {@link #STALE_SECONDS} s is shown DOWN, and forgotten after {@link #FORGET_SECONDS} s.
 */
@Component
@ConditionalOnProperty(name = "sygnify.cluster.enabled", havingValue = "true")
class InstanceBeacon implements Instances.Peers {

    private static final String CHANNEL = "instances";
    private static final long STALE_SECONDS = 5;
    private static final long FORGET_SECONDS = 300;

    private final Map<String, InstanceStatus> peers = new ConcurrentHashMap<>();

    InstanceBeacon(RedisLink redis, SystemSampler sampler, ObjectProvider<Instances> instances,
                   InstanceIdentity identity, JsonMapper json) {
        redis.onMessage(CHANNEL, message -> {
            InstanceStatus status = json.readValue(message, InstanceStatus.class);
            if (!identity.id().equals(status.instanceId())) {
                peers.put(status.instanceId(), status.asPeer());
            }
        });
        sampler.addListener(snapshot -> {
            try {
                redis.publish(CHANNEL, json.writeValueAsString(instances.getObject().self()));
            } catch (RuntimeException e) {
                // health or Redis unavailable: the next sample tries again
            }
        });
    }

    @Override
    public List<InstanceStatus> peers() {
        Instant now = Instant.now();
        peers.values().removeIf(p -> p.lastSeen().isBefore(now.minusSeconds(FORGET_SECONDS)));
        return peers.values().stream().map(p -> p.lastSeen().isBefore(now.minusSeconds(STALE_SECONDS))
                ? new InstanceStatus(p.instanceId(), false, "DOWN", p.startedAt(), p.lastSeen(), null, null, null,
                        null, null, p.workers(), null)
                : p).toList();
    }
}
