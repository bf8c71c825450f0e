package io.sygnify.server.cluster;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.sygnify.server.config.InstanceIdentity;
import io.sygnify.server.jobs.JobEvent;
import io.sygnify.server.jobs.JobEventBus;
import io.sygnify.server.jobs.JobEventLog;
import io.sygnify.server.realtime.JobFanOut;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Primary;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cluster mode's event bus: every event appended here is published on Redis, and every instance delivers every
 * job's events to its own subscribers, in seq order, each once.
 *
 * <p>All deliveries run on one thread, which remembers the last seq delivered per job. An event past a gap is
 * preceded by the missing ones, read from the database; while Redis is down (or a message was lost), a
 * catch-up pass compares the watched jobs' {@code last_seq} in the database with what was delivered and
 * delivers the difference. The database is the truth; Redis only makes it fast.
 */
@Component
@Primary
@ConditionalOnProperty(name = "sygnify.cluster.enabled", havingValue = "true")
class ClusterJobEventBus implements JobEventBus, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ClusterJobEventBus.class);
    static final String CHANNEL = "job-events";
    private static final long CATCH_UP_MILLIS = 1000;
    private static final long CATCH_UP_WITHOUT_REDIS_MILLIS = 250;

    record Envelope(String from, JobEvent event) {
    }

    private final List<Consumer<JobEvent>> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<JobEvent>> localListeners = new CopyOnWriteArrayList<>();
    private final Map<String, Long> delivered = new HashMap<>();
    private final Set<String> ended = new HashSet<>();
    private final ScheduledExecutorService delivery = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sygnify-cluster-events");
        t.setDaemon(true);
        return t;
    });
    private final RedisLink redis;
    private final InstanceIdentity instance;
    private final JsonMapper json;
    private final JdbcClient jdbc;
    private final ObjectProvider<JobEventLog> eventLog;
    private final ObjectProvider<JobFanOut> fanOut;
    private final Counter gapFills;
    private long lastCatchUpMillis;

    ClusterJobEventBus(RedisLink redis, InstanceIdentity instance, JsonMapper json, JdbcClient jdbc,
                       ObjectProvider<JobEventLog> eventLog, ObjectProvider<JobFanOut> fanOut,
                       MeterRegistry registry) {
        this.redis = redis;
        this.instance = instance;
        this.json = json;
        this.jdbc = jdbc;
        this.eventLog = eventLog;
        this.fanOut = fanOut;
        this.gapFills = Counter.builder("sygnify.cluster.gap.fills")
                .description("Events this instance read from the database because Redis did not bring them")
                .register(registry);
        redis.onMessage(CHANNEL, this::onRemote);
    }

    /** Catch-up reads other beans; it starts once the application is up, never during its construction. */
    @EventListener(ApplicationReadyEvent.class)
    void startCatchUp() {
        delivery.scheduleWithFixedDelay(this::catchUpIfDue, CATCH_UP_WITHOUT_REDIS_MILLIS,
                CATCH_UP_WITHOUT_REDIS_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public void publish(JobEvent event) {
        // Called under the job's append lock, so this instance's events of one job are queued in seq order.
        localListeners.forEach(l -> safely(l, event));
        delivery.execute(() -> deliverInOrder(event));
        redis.publish(CHANNEL, json.writeValueAsString(new Envelope(instance.id(), event)));
    }

    @Override
    public void subscribe(Consumer<JobEvent> listener) {
        listeners.add(listener);
    }

    @Override
    public void subscribeToLocal(Consumer<JobEvent> listener) {
        localListeners.add(listener);
    }

    private void onRemote(String message) {
        try {
            Envelope envelope = json.readValue(message, Envelope.class);
            if (!instance.id().equals(envelope.from())) {
                delivery.execute(() -> deliverInOrder(envelope.event()));
            }
        } catch (RuntimeException e) {
            log.warn("Unreadable job event from Redis: {}", e.getMessage());
        }
    }

    /** On the delivery thread only. */
    private void deliverInOrder(JobEvent event) {
        Long last = delivered.get(event.jobId());
        if (last != null && event.seq() <= last) {
            return;
        }
        if (last != null && event.seq() > last + 1) {
            for (JobEvent missing : eventLog.getObject().after(event.jobId(), last)) {
                if (missing.seq() >= event.seq()) {
                    break;
                }
                gapFills.increment();
                deliver(missing);
            }
        }
        deliver(event);
    }

    private void deliver(JobEvent event) {
        delivered.put(event.jobId(), event.seq());
        if (event.stage().isTerminal()) {
            ended.add(event.jobId());
        }
        listeners.forEach(l -> safely(l, event));
    }

    /**
     * Watched jobs whose stored events are ahead of what was delivered get the difference. Every second with
     * Redis (lost messages), four times a second without it (it is then the only way events arrive).
     */
    private void catchUpIfDue() {
        long now = System.currentTimeMillis();
        if (redis.isUp() && now - lastCatchUpMillis < CATCH_UP_MILLIS) {
            return;
        }
        lastCatchUpMillis = now;
        try {
            Set<String> watched = new HashSet<>(fanOut.getObject().watchedJobIds());
            watched.removeAll(ended);
            if (watched.isEmpty()) {
                return;
            }
            Map<String, Long> stored = new HashMap<>();
            jdbc.sql("SELECT id, last_seq FROM jobs WHERE id IN (:ids)").param("ids", watched)
                    .query((rs, n) -> stored.put(rs.getString(1), rs.getLong(2))).list();
            stored.forEach((jobId, lastSeq) -> {
                long seen = delivered.getOrDefault(jobId, 0L);
                if (lastSeq > seen) {
                    // Subscribers skip what they already have, so replaying from the start is safe.
                    for (JobEvent missing : eventLog.getObject().after(jobId, seen)) {
                        gapFills.increment();
                        deliver(missing);
                    }
                }
            });
        } catch (RuntimeException e) {
            log.debug("Catch-up from the database failed: {}", e.getMessage());
        }
    }

    private static void safely(Consumer<JobEvent> listener, JobEvent event) {
        try {
            listener.accept(event);
        } catch (RuntimeException e) {
            log.warn("Listener failed on event {} of job {}", event.seq(), event.jobId(), e);
        }
    }

    @Override
    public void destroy() {
        delivery.shutdownNow();
    }
}
