package io.sygnify.server.realtime;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.sygnify.server.jobs.JobService;
import io.sygnify.server.monitoring.ActivityLog;
import io.sygnify.server.monitoring.SystemSampler;
import org.springframework.stereotype.Component;

/**
 * The live system stream: {@code system_metrics} on every sample and {@code activity} as it happens, each encoded
 * once for all subscribers; a {@code jobs_snapshot} for each new subscriber.
 */
@Component
public class SystemFeed {

    private final Set<ClientConnection> subscribers = ConcurrentHashMap.newKeySet();
    private final MessageCodec codec;
    private final JobService jobs;

    SystemFeed(SystemSampler sampler, ActivityLog activity, MessageCodec codec, JobService jobs) {
        this.codec = codec;
        this.jobs = jobs;
        sampler.addListener(s -> broadcast("system_metrics", new ServerMessage.SystemMetrics(s, s.timestamp())));
        activity.addListener(a -> broadcast("activity", ServerMessage.ActivityEntry.of(a)));
    }

    /** Blocking: reads the unfinished jobs for the snapshot. */
    void subscribe(ClientConnection connection) {
        connection.send(codec.frame("subscribed", new ServerMessage.Subscribed("system", null, null)));
        connection.send(codec.frame("jobs_snapshot", new ServerMessage.JobsSnapshot(jobs.unfinished(),
                System.currentTimeMillis() / 1000.0)));
        subscribers.add(connection);
    }

    void unsubscribe(ClientConnection connection) {
        subscribers.remove(connection);
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    private void broadcast(String type, ServerMessage message) {
        if (subscribers.isEmpty()) {
            return;
        }
        OutboundFrame frame = codec.frame(type, message);
        subscribers.forEach(c -> {
            if (!c.send(frame)) {
                subscribers.remove(c);
            }
        });
    }
}
