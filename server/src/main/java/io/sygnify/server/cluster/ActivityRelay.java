package io.sygnify.server.cluster;

import io.sygnify.server.config.InstanceIdentity;
import io.sygnify.server.monitoring.Activity;
import io.sygnify.server.monitoring.ActivityLog;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Activity recorded on one instance appears live in every instance's monitor stream (it is stored once). */
@Component
@ConditionalOnProperty(name = "sygnify.cluster.enabled", havingValue = "true")
class ActivityRelay {

    private static final String CHANNEL = "activity";

    record Envelope(String from, Activity activity) {
    }

    ActivityRelay(RedisLink redis, ActivityLog activityLog, InstanceIdentity instance, JsonMapper json) {
        activityLog.relayTo(activity -> redis.publish(CHANNEL,
                json.writeValueAsString(new Envelope(instance.id(), activity))));
        redis.onMessage(CHANNEL, message -> {
            Envelope envelope = json.readValue(message, Envelope.class);
            if (!instance.id().equals(envelope.from())) {
                activityLog.deliverFromPeer(envelope.activity());
            }
        });
    }
}
