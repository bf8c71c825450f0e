package io.sygnify.server.monitoring;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.sygnify.server.config.SygnifyProperties;
import io.sygnify.server.jobs.JobRepository;
import io.sygnify.server.realtime.RealtimeMetrics;
import org.springframework.stereotype.Component;

/**
 * Evaluates the alert rules on every system sample. A rule raises an alert when its threshold is broken (for CPU
 * and memory, continuously for {@code sustain}) and clears it when the reading is back within the threshold.
 * Raising and clearing are written to the activity log.
 */
@Component
public class AlertMonitor {

    private static final int HISTORY = 100;
    private static final long DROP_WINDOW_MILLIS = 60_000;

    private final SygnifyProperties.Alerts thresholds;
    private final long storageMinFree;
    private final JobRepository jobs;
    private final RealtimeMetrics realtime;
    private final ActivityLog activity;
    private final Map<String, Alert> active = new ConcurrentHashMap<>();
    private final Map<String, Long> breachingSince = new ConcurrentHashMap<>();
    private final Deque<Alert> history = new ArrayDeque<>();
    private final Deque<double[]> dropSamples = new ArrayDeque<>();

    AlertMonitor(SystemSampler sampler, SygnifyProperties properties, JobRepository jobs, RealtimeMetrics realtime,
                 ActivityLog activity, MeterRegistry registry) {
        this.thresholds = properties.monitoring().alerts();
        this.storageMinFree = properties.monitoring().storageMinFree().toBytes();
        this.jobs = jobs;
        this.realtime = realtime;
        this.activity = activity;
        for (String rule : List.of("cpu", "memory", "disk", "queue_depth", "job_failure_rate", "dropped_messages")) {
            Gauge.builder(MetricNames.ALERTS_ACTIVE, () -> active.containsKey(rule) ? 1 : 0).tag("rule", rule)
                    .description("1 while the alert is raised").register(registry);
        }
        sampler.addListener(this::evaluate);
    }

    public List<Alert> active() {
        return List.copyOf(active.values());
    }

    public synchronized List<Alert> history() {
        return List.copyOf(history);
    }

    synchronized void evaluate(SystemSnapshot s) {
        long now = System.currentTimeMillis();
        sustained("cpu", s.processCpu() >= 0 && s.processCpu() > thresholds.cpu(), now, s.processCpu(),
                thresholds.cpu(), "Process CPU at %.0f %% (threshold %.0f %%)".formatted(s.processCpu() * 100,
                        thresholds.cpu() * 100));
        double heap = s.heapMaxBytes() > 0 ? (double) s.heapUsedBytes() / s.heapMaxBytes() : 0;
        sustained("memory", heap > thresholds.memory(), now, heap, thresholds.memory(),
                "Heap at %.0f %% of its maximum (threshold %.0f %%)".formatted(heap * 100, thresholds.memory() * 100));
        check("disk", s.storageFreeBytes() >= 0 && s.storageFreeBytes() < storageMinFree, s.storageFreeBytes(),
                storageMinFree, "Only " + s.storageFreeBytes() + " bytes free under the data directory (threshold "
                        + storageMinFree + ")", "critical");
        check("queue_depth", s.queuedJobs() > thresholds.queueDepth(), s.queuedJobs(), thresholds.queueDepth(),
                s.queuedJobs() + " jobs waiting (threshold " + thresholds.queueDepth() + ")", "warning");
        evaluateFailureRate();
        evaluateDrops(now);
    }

    private void evaluateFailureRate() {
        List<String> recent;
        try {
            recent = jobs.recentOutcomes(thresholds.failureWindow());
        } catch (org.springframework.dao.DataAccessException e) {
            return; // the database health says why; keep the alert as it is until it answers again
        }
        if (recent.size() < thresholds.failureWindow()) {
            check("job_failure_rate", false, 0, thresholds.failureRate(), "", "warning");
            return;
        }
        double rate = recent.stream().filter("error"::equals).count() / (double) recent.size();
        check("job_failure_rate", rate > thresholds.failureRate(), rate, thresholds.failureRate(),
                "%.0f %% of the last %d finished jobs failed (threshold %.0f %%)".formatted(rate * 100, recent.size(),
                        thresholds.failureRate() * 100), "warning");
    }

    private void evaluateDrops(long now) {
        dropSamples.addLast(new double[] {now, realtime.messagesDropped()});
        while (now - dropSamples.peekFirst()[0] > DROP_WINDOW_MILLIS) {
            dropSamples.removeFirst();
        }
        double dropped = dropSamples.peekLast()[1] - dropSamples.peekFirst()[1];
        check("dropped_messages", dropped > thresholds.droppedMessages(), dropped, thresholds.droppedMessages(),
                (long) dropped + " WebSocket frames dropped in the last minute (threshold "
                        + thresholds.droppedMessages() + ")", "warning");
    }

    private void sustained(String rule, boolean breaking, long now, double value, double threshold, String message) {
        if (!breaking) {
            breachingSince.remove(rule);
            check(rule, false, value, threshold, message, "warning");
            return;
        }
        long since = breachingSince.computeIfAbsent(rule, r -> now);
        if (now - since >= thresholds.sustain().toMillis()) {
            check(rule, true, value, threshold, message, "warning");
        }
    }

    private void check(String rule, boolean breaking, double value, double threshold, String message,
                       String severity) {
        Alert current = active.get(rule);
        if (breaking && current == null) {
            Alert alert = new Alert(rule, severity, message, value, threshold, System.currentTimeMillis() / 1000.0,
                    null);
            active.put(rule, alert);
            remember(alert);
            activity.record("alert_raised", severity, "Alert " + rule + ": " + message + ".", null);
        } else if (!breaking && current != null) {
            active.remove(rule);
            Alert cleared = current.cleared(System.currentTimeMillis() / 1000.0);
            remember(cleared);
            activity.record("alert_cleared", "info", "Alert " + rule + " cleared.", null);
        }
    }

    private void remember(Alert alert) {
        history.addLast(alert);
        while (history.size() > HISTORY) {
            history.removeFirst();
        }
    }

    /** For the REST view: active alerts and recent raises and clears, newest last. */
    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("active", new ArrayList<>(active()));
        view.put("history", history());
        return view;
    }
}
