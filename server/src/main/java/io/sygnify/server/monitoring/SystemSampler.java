package io.sygnify.server.monitoring;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.sygnify.server.config.SygnifyProperties;
import io.sygnify.server.jobs.JobStage;
import io.sygnify.server.jobs.JobWorkerPool;
import io.sygnify.server.jobs.JobRepository;
import io.sygnify.server.realtime.RealtimeMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Samples the system every {@code sygnify.monitoring.sample-interval}, keeps a bounded history and hands each
 * sample to its listeners (the live system stream, the alert rules).
 */
@Component
public class SystemSampler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SystemSampler.class);
    private static final int HISTORY = 300;

    private final MeterRegistry registry;
    private final RealtimeMetrics realtime;
    private final JobWorkerPool workers;
    private final JobRepository jobs;
    private final StorageHealthIndicator storage;
    private final long intervalMillis;
    private final Deque<SystemSnapshot> history = new ArrayDeque<>();
    private final List<Consumer<SystemSnapshot>> listeners = new CopyOnWriteArrayList<>();
    private final com.sun.management.OperatingSystemMXBean os = operatingSystem();
    private ScheduledExecutorService scheduler;
    private double lastRequests = -1;
    private double lastMessages = -1;
    private long lastNanos;

    SystemSampler(MeterRegistry registry, RealtimeMetrics realtime, JobWorkerPool workers, JobRepository jobs,
                  StorageHealthIndicator storage, SygnifyProperties properties) {
        this.registry = registry;
        this.realtime = realtime;
        this.workers = workers;
        this.jobs = jobs;
        this.storage = storage;
        this.intervalMillis = properties.monitoring().sampleInterval().toMillis();
    }

    public void addListener(Consumer<SystemSnapshot> listener) {
        listeners.add(listener);
    }

    public synchronized Optional<SystemSnapshot> latest() {
        return Optional.ofNullable(history.peekLast());
    }

    public synchronized List<SystemSnapshot> history() {
        return List.copyOf(history);
    }

    /** Takes a sample now (also used by the REST snapshot when no sample exists yet). */
    public synchronized SystemSnapshot sample() {
        long now = System.nanoTime();
        double seconds = lastNanos == 0 ? 0 : (now - lastNanos) / 1e9;
        double requests = registry.find("http.server.requests").timers().stream().mapToDouble(Timer::count).sum();
        double messages = realtime.messagesSent();
        double requestRate = lastRequests < 0 || seconds <= 0 ? 0 : (requests - lastRequests) / seconds;
        double messageRate = lastMessages < 0 || seconds <= 0 ? 0 : (messages - lastMessages) / seconds;
        lastRequests = requests;
        lastMessages = messages;
        lastNanos = now;
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        SystemSnapshot snapshot = new SystemSnapshot(System.currentTimeMillis() / 1000.0,
                os == null ? -1 : os.getProcessCpuLoad(), os == null ? -1 : os.getCpuLoad(),
                heap.getUsed(), heap.getMax(), residentSetBytes(), requestRate, realtime.connections(), messageRate,
                workers.activeJobs(), queuedJobs(), storage.freeBytes());
        history.addLast(snapshot);
        while (history.size() > HISTORY) {
            history.removeFirst();
        }
        return snapshot;
    }

    /** -1 while the database does not answer; its health check says why. */
    private long queuedJobs() {
        try {
            return jobs.count(JobStage.QUEUED);
        } catch (org.springframework.dao.DataAccessException e) {
            return -1;
        }
    }

    private void tick() {
        try {
            SystemSnapshot snapshot = sample();
            listeners.forEach(l -> l.accept(snapshot));
        } catch (RuntimeException e) {
            log.warn("System sample failed", e);
        }
    }

    /** VmRSS from /proc/self/status on Linux; -1 elsewhere. */
    static long residentSetBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    private static com.sun.management.OperatingSystemMXBean operatingSystem() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os : null;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sygnify-system-sampler");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleAtFixedRate(this::tick, 0, intervalMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
    }
}
