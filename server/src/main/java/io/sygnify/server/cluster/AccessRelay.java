package io.sygnify.server.cluster;

import io.sygnify.server.accounts.AccessRevoked;
import io.sygnify.server.config.InstanceIdentity;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A revocation on one instance reaches the live connections (and credential caches) of every instance: each
 * {@link AccessRevoked} is replayed as a local event on the others.
 */
@Component
@ConditionalOnProperty(name = "sygnify.cluster.enabled", havingValue = "true")
class AccessRelay {

    private static final String CHANNEL = "access";
    /** Set while a peer's revocation is replayed here, so that it is not sent back out. */
    private static final ThreadLocal<Boolean> FROM_PEER = ThreadLocal.withInitial(() -> false);

    record Envelope(String from, String kind, String id, boolean disabled) {
    }

    private final RedisLink redis;
    private final InstanceIdentity instance;
    private final JsonMapper json;

    AccessRelay(RedisLink redis, InstanceIdentity instance, JsonMapper json, ApplicationEventPublisher events) {
        this.redis = redis;
        this.instance = instance;
        this.json = json;
        redis.onMessage(CHANNEL, message -> {
            Envelope envelope = json.readValue(message, Envelope.class);
            if (instance.id().equals(envelope.from())) {
                return;
            }
            FROM_PEER.set(true);
            try {
                events.publishEvent(switch (envelope.kind()) {
                    case "credential" -> new AccessRevoked.Credential(envelope.id());
                    case "user" -> new AccessRevoked.User(envelope.id(), envelope.disabled());
                    default -> new AccessRevoked.Job(envelope.id());
                });
            } finally {
                FROM_PEER.remove();
            }
        });
    }

    @EventListener
    void on(AccessRevoked revoked) {
        if (FROM_PEER.get()) {
            return;
        }
        Envelope envelope;
        if (revoked instanceof AccessRevoked.Credential c) {
            envelope = new Envelope(instance.id(), "credential", c.credentialId(), false);
        } else if (revoked instanceof AccessRevoked.User u) {
            envelope = new Envelope(instance.id(), "user", u.userId(), u.disabled());
        } else {
            envelope = new Envelope(instance.id(), "job", ((AccessRevoked.Job) revoked).jobId(), false);
        }
        redis.publish(CHANNEL, json.writeValueAsString(envelope));
    }
}
