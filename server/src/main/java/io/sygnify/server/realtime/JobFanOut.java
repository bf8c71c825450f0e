package io.sygnify.server.realtime;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.sygnify.server.jobs.JobAccess;
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
    private final JobPresence presence = new JobPresence();
    private final JobEventLog eventLog;
    private final JobService jobs;
    private final JobAccess access;
    private final MessageCodec codec;
    private final int maxSubscriptions;

    private final PresenceElsewhere elsewhere;

    JobFanOut(JobEventBus bus, JobEventLog eventLog, JobService jobs, JobAccess access, MessageCodec codec,
              RealtimeProperties properties,
              org.springframework.beans.factory.ObjectProvider<PresenceElsewhere> elsewhere) {
        this.access = access;
        this.elsewhere = elsewhere.getIfAvailable(() -> PresenceElsewhere.NONE);
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
        OutboundFrame frame = frameOf(event).forMany();
        subscribers.forEach(s -> s.offerLive(frame));
    }

    /**
     * Subscribes, then sends the job's history after {@code lastSeq} (or, without it, the latest event) merged
     * with live events. Blocking: reads the database.
     */
    void subscribe(ClientConnection connection, String jobId, Long lastSeq) {
        // A job this person may not see is answered like a job that does not exist: ids cannot be probed.
        if (connection.viewer() == null || !access.canRead(connection.viewer(), jobId)) {
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
        JobSubscription subscription = new JobSubscription(connection, jobId, lastSeq == null ? 0 : lastSeq);
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
        if (presence.join(jobId, connection.viewer().username())) {
            elsewhere.localChanged(jobId, presence.names(jobId));
            broadcastPresence(jobId);
        } else {
            connection.send(presenceFrame(jobId));
        }
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
        if (connection.viewer() != null && presence.leave(jobId, connection.viewer().username())) {
            elsewhere.localChanged(jobId, presence.names(jobId));
            broadcastPresence(jobId);
        }
        return true;
    }

    /**
     * Ends a subscription whose viewer lost access to the job, and tells the client why: {@code access_revoked}
     * or {@code job_deleted}.
     */
    void revoke(ClientConnection connection, String jobId, String reason) {
        if (unsubscribe(connection, jobId)) {
            connection.send(codec.frame("unsubscribed", new ServerMessage.Unsubscribed("job", jobId, reason)));
        }
    }

    /** The connections watching {@code jobId} now. */
    List<ClientConnection> watchers(String jobId) {
        return byJob.getOrDefault(jobId, Set.of()).stream().map(JobSubscription::connection).toList();
    }

    /** Every connection with at least one job subscription (WebSocket or SSE). */
    Set<ClientConnection> subscribedConnections() {
        Set<ClientConnection> all = new java.util.HashSet<>();
        byJob.values().forEach(set -> set.forEach(s -> all.add(s.connection())));
        return all;
    }

    /** Cluster mode: watchers on another instance came or went. */
    public void presenceChangedElsewhere(String jobId) {
        if (byJob.containsKey(jobId)) {
            broadcastPresence(jobId);
        }
    }

    /** Jobs someone on this instance watches, with this instance's watcher names. */
    public java.util.Map<String, List<String>> localPresence() {
        java.util.Map<String, List<String>> names = new java.util.HashMap<>();
        byJob.keySet().forEach(jobId -> names.put(jobId, presence.names(jobId)));
        return names;
    }

    /** Jobs someone on this instance watches. */
    public Set<String> watchedJobIds() {
        return Set.copyOf(byJob.keySet());
    }

    private void broadcastPresence(String jobId) {
        OutboundFrame frame = presenceFrame(jobId);
        byJob.getOrDefault(jobId, Set.of()).forEach(s -> s.connection().send(frame));
    }

    private OutboundFrame presenceFrame(String jobId) {
        java.util.SortedSet<String> everyone = new java.util.TreeSet<>(presence.names(jobId));
        everyone.addAll(elsewhere.names(jobId));
        return codec.frame("presence", new ServerMessage.Presence(jobId, everyone.stream()
                .map(ServerMessage.PresentViewer::new).toList()));
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
