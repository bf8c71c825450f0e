package io.sygnify.server.cluster;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.sygnify.server.config.InstanceIdentity;
import io.sygnify.server.realtime.JobFanOut;
import io.sygnify.server.realtime.PresenceElsewhere;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Presence across instances: each instance publishes who watches which job on it whenever that changes, and
 * again every {@link #REFRESH_SECONDS} s; a report not refreshed for three periods (its instance died) is
 * forgotten.
 */
@Component
@ConditionalOnProperty(name = "sygnify.cluster.enabled", havingValue = "true")
class PresenceRelay implements PresenceElsewhere, DisposableBean {

    private static final String CHANNEL = "presence";
    private static final long REFRESH_SECONDS = 10;

    record Envelope(String from, String jobId, List<String> names) {
    }

    private record Report(List<String> names, long atMillis) {
    }

    /** job → instance → names watching there. */
    private final Map<String, Map<String, Report>> elsewhere = new ConcurrentHashMap<>();
    private final RedisLink redis;
    private final InstanceIdentity instance;
    private final JsonMapper json;
    private final ObjectProvider<JobFanOut> fanOut;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sygnify-presence-refresh");
        t.setDaemon(true);
        return t;
    });

    PresenceRelay(RedisLink redis, InstanceIdentity instance, JsonMapper json, ObjectProvider<JobFanOut> fanOut) {
        this.redis = redis;
        this.instance = instance;
        this.json = json;
        this.fanOut = fanOut;
        redis.onMessage(CHANNEL, this::onRemote);
    }

    @EventListener(ApplicationReadyEvent.class)
    void startRefreshing() {
        refresher.scheduleWithFixedDelay(this::refresh, REFRESH_SECONDS, REFRESH_SECONDS, TimeUnit.SECONDS);
    }

    @Override
    public void localChanged(String jobId, List<String> names) {
        redis.publish(CHANNEL, json.writeValueAsString(new Envelope(instance.id(), jobId, names)));
    }

    @Override
    public List<String> names(String jobId) {
        long oldest = System.currentTimeMillis() - 3 * REFRESH_SECONDS * 1000;
        return elsewhere.getOrDefault(jobId, Map.of()).values().stream().filter(r -> r.atMillis() >= oldest)
                .flatMap(r -> r.names().stream()).distinct().toList();
    }

    private void onRemote(String message) {
        Envelope envelope = json.readValue(message, Envelope.class);
        if (instance.id().equals(envelope.from())) {
            return;
        }
        Map<String, Report> byInstance = elsewhere.computeIfAbsent(envelope.jobId(), id -> new ConcurrentHashMap<>());
        Report before = byInstance.put(envelope.from(), new Report(envelope.names(), System.currentTimeMillis()));
        if (before == null || !before.names().equals(envelope.names())) {
            fanOut.getObject().presenceChangedElsewhere(envelope.jobId());
        }
    }

    private void refresh() {
        try {
            fanOut.getObject().localPresence().forEach(this::localChanged);
            long oldest = System.currentTimeMillis() - 3 * REFRESH_SECONDS * 1000;
            elsewhere.forEach((jobId, byInstance) -> {
                if (byInstance.values().removeIf(r -> r.atMillis() < oldest)) {
                    fanOut.getObject().presenceChangedElsewhere(jobId);
                }
            });
        } catch (RuntimeException e) {
            // the next refresh tries again
        }
    }

    @Override
    public void destroy() {
        refresher.shutdownNow();
    }
}
