package io.sygnify.server.jobs;

import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.sygnify.server.config.ClusterProperties;
import io.sygnify.server.config.SygnifyProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * A fixed number of worker threads that analyse queued jobs. The queue itself is the {@code jobs} table:
 * at start the pool takes back what a previous run left queued or running; at stop it asks running jobs
 * to go back to the queue.
 */
@Component
public class JobWorkerPool implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobWorkerPool.class);
    private static final long STOP_WAIT_SECONDS = 20;

    private final JobRepository jobs;
    private final JobEventLog eventLog;
    private final JobRunner runner;
    private final RunningJobs running;
    private final SygnifyProperties properties;
    private volatile ThreadPoolExecutor executor;
    private final ClusterProperties cluster;
    private final AtomicInteger busy = new AtomicInteger();
    private volatile Runnable claimTrigger = () -> { };

    JobWorkerPool(JobRepository jobs, JobEventLog eventLog, JobRunner runner, RunningJobs running,
                  SygnifyProperties properties, ClusterProperties cluster) {
        this.cluster = cluster;
        this.jobs = jobs;
        this.eventLog = eventLog;
        this.runner = runner;
        this.running = running;
        this.properties = properties;
    }

    /** A new upload. On a single node it joins this pool's queue; in a cluster, whichever instance is free takes it. */
    public void submit(String jobId) {
        if (cluster.enabled()) {
            claimTrigger.run();
            return;
        }
        ThreadPoolExecutor current = executor;
        if (current == null || current.isShutdown()) {
            return; // stays queued in the database and is taken up at the next start
        }
        current.execute(() -> runner.run(jobId));
    }

    /** Cluster mode: runs a job this instance has claimed in the database. */
    void executeClaimed(String jobId, String runId) {
        busy.incrementAndGet();
        try {
            executor.execute(() -> {
                try {
                    runner.runClaimed(jobId, runId);
                } finally {
                    busy.decrementAndGet();
                    claimTrigger.run(); // the next queued job starts now, not at the next poll of the queue
                }
            });
        } catch (RuntimeException rejected) {
            busy.decrementAndGet();
            throw rejected;
        }
    }

    /** Cluster mode: workers running (or about to run) a claimed job. */
    int busyWorkers() {
        return busy.get();
    }

    /** Cluster mode: what to run when this instance may claim a job, after a local upload or a finished job. */
    void setClaimTrigger(Runnable wake) {
        this.claimTrigger = wake;
    }

    /** Jobs waiting for a worker: on this instance, or in the shared queue in a cluster. */
    public int queueDepth() {
        if (cluster.enabled()) {
            return (int) jobs.count(JobStage.QUEUED);
        }
        ThreadPoolExecutor current = executor;
        return current == null ? 0 : current.getQueue().size();
    }

    public int activeJobs() {
        return running.count();
    }

    @Override
    public void start() {
        int workers = properties.jobs().effectiveWorkers();
        AtomicInteger threadNumber = new AtomicInteger();
        executor = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    // stop() re-queues running jobs; a worker must never keep a stopping JVM alive
                    int nice = properties.jobs().workerNice();
                    Thread t = new Thread(() -> {
                        WorkerPriority.lowerCurrentThread(nice);
                        r.run();
                    }, "sygnify-worker-" + threadNumber.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        if (cluster.enabled()) {
            // Other instances may be running jobs right now: leases, not start-up, decide what is abandoned.
            log.info("Job workers started: {} threads, taking jobs from the cluster queue", workers);
            return;
        }
        recoverInterruptedJobs();
        List<String> queued = jobs.idsInStatus(List.of(JobStage.QUEUED));
        queued.forEach(this::submit);
        log.info("Job workers started: {} threads, {} queued jobs taken up", workers, queued.size());
    }

    private void recoverInterruptedJobs() {
        int maxAttempts = properties.jobs().maxAttempts();
        for (String id : jobs.idsInStatus(List.of(JobStage.PARSING, JobStage.PROFILING, JobStage.ANALYZING))) {
            Job job = jobs.find(id).orElseThrow();
            if (job.attempts() >= maxAttempts) {
                eventLog.fail(id, JobStage.ERROR, "too_many_attempts", "Processing failed: the server stopped "
                        + job.attempts() + " times while analysing this file (limit " + maxAttempts + ").");
            } else {
                eventLog.update(id, JobStage.QUEUED, 0, "The server restarted during the analysis; it starts again "
                        + "(attempt " + (job.attempts() + 1) + " of " + maxAttempts + ").");
            }
        }
    }

    @Override
    public void stop() {
        ThreadPoolExecutor current = executor;
        if (current == null) {
            return;
        }
        current.shutdown();
        running.stopAll(StopReason.SHUTDOWN);
        try {
            if (!current.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                log.warn("{} job(s) did not stop within {} s; they will be recovered at the next start",
                        running.count(), STOP_WAIT_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        current.shutdownNow();
    }

    /** Just below the default, so that the cluster queue (default phase) starts after and stops before it. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1;
    }

    @Override
    public boolean isRunning() {
        ThreadPoolExecutor current = executor;
        return current != null && !current.isShutdown();
    }
}
