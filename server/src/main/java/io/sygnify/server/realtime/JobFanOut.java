package io.sygnify.server.realtime;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.sygnify.server.jobs.JobEvent;
import io.sygnify.server.jobs.JobEventBus;
import io.sygnify.server.jobs.JobEventLog;
import io.sygnify.server.jobs.JobService;
import org.springframework.stereotype.Component;

/**
 * Where job events get fanned out to WebSocket clients: keeps who watches which job, encodes each event once
 * and hands the same bytes to every subscriber's queue.
 */
@Component
public class JobFanOut {

    private final Map<String, Set<JobSubscription>> byJob = new ConcurrentHashMap<>();
    private final JobEventLog eventLog;
    private final JobService jobs;
    private final MessageCodec codec;
    private final int maxSubscriptions;

    JobFanOut(JobEventBus bus, JobEventLog eventLog, JobService jobs, MessageCodec codec,
              RealtimeProperties properties) {
        this.maxSubscriptions = properties.maxSubscriptions();
        this.eventLog = eventLog;
        this.jobs = jobs;
        this.codec = codec;
        bus.subscribe(this::broadcast);
    }

    private void broadcast(JobEvent event) {
        Set<JobSubscription> subscribers = byJob.get(event.jobId());
        if (subscribers == null || subscribers.isEmpty()) {
            return;
        }
        OutboundFrame frame = frameOf(event);
        subscribers.forEach(s -> s.offerLive(frame));
    }

    /**
     * Subscribes, then sends the job's history after {@code lastSeq} (or, without it, the latest event) merged
     * with live events. Blocking: reads the database.
     */
    void subscribe(ClientConnection connection, String jobId, Long lastSeq) {
        if (jobs.find(jobId).isEmpty()) {
            connection.send(codec.frame("error", new ServerMessage.Error("job_not_found",
                    "No job with id " + jobId + ".", jobId)));
            return;
        }
        if (!connection.subscriptions().containsKey(jobId) && connection.subscriptions().size() >= maxSubscriptions) {
            connection.send(codec.frame("error", new ServerMessage.Error("too_many_subscriptions",
                    "A connection may watch at most " + maxSubscriptions + " jobs; unsubscribe from one first.",
                    jobId)));
            return;
        }
        unsubscribe(connection, jobId);
        JobSubscription subscription = new JobSubscription(connection, jobId);
        connection.subscriptions().put(jobId, subscription);
        byJob.compute(jobId, (id, set) -> {
            Set<JobSubscription> subscribers = set == null ? ConcurrentHashMap.newKeySet() : set;
            subscribers.add(subscription);
            return subscribers;
        });
        connection.send(codec.frame("subscribed", ServerMessage.Subscribed.job(jobId, lastSeq)));
        List<JobEvent> history = lastSeq == null
                ? eventLog.latest(jobId).map(List::of).orElse(List.of())
                : eventLog.after(jobId, lastSeq);
        subscription.start(history.stream().map(this::frameOf).toList());
    }

    boolean unsubscribe(ClientConnection connection, String jobId) {
        JobSubscription subscription = connection.subscriptions().remove(jobId);
        if (subscription == null) {
            return false;
        }
        byJob.computeIfPresent(jobId, (id, set) -> {
            set.remove(subscription);
            return set.isEmpty() ? null : set;
        });
        return true;
    }

    void unsubscribeAll(ClientConnection connection) {
        List.copyOf(connection.subscriptions().keySet()).forEach(jobId -> unsubscribe(connection, jobId));
    }

    /** Number of (connection, job) subscriptions, for metrics. */
    public int subscriptionCount() {
        return byJob.values().stream().mapToInt(Set::size).sum();
    }

    private OutboundFrame frameOf(JobEvent event) {
        String insights = event.type() == JobEvent.Type.COMPLETE ? jobs.insights(event.jobId()) : null;
        return codec.jobFrame(event, insights);
    }
}
