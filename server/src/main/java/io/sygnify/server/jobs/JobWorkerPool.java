package io.sygnify.server.jobs;

import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

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

    JobWorkerPool(JobRepository jobs, JobEventLog eventLog, JobRunner runner, RunningJobs running,
                  SygnifyProperties properties) {
        this.jobs = jobs;
        this.eventLog = eventLog;
        this.runner = runner;
        this.running = running;
        this.properties = properties;
    }

    public void submit(String jobId) {
        ThreadPoolExecutor current = executor;
        if (current == null || current.isShutdown()) {
            return; // stays queued in the database and is taken up at the next start
        }
        current.execute(() -> runner.run(jobId));
    }

    /** Jobs waiting for a worker on this instance. */
    public int queueDepth() {
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
                    Thread t = new Thread(r, "sygnify-worker-" + threadNumber.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
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

    @Override
    public boolean isRunning() {
        ThreadPoolExecutor current = executor;
        return current != null && !current.isShutdown();
    }
}
