package io.sygnify.server.jobs;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.sygnify.server.config.ClusterProperties;
import io.sygnify.server.config.InstanceIdentity;
import io.sygnify.server.config.SygnifyProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cluster mode's job queue, on the shared database: free workers claim the oldest queued job with
 * {@code SELECT … FOR UPDATE SKIP LOCKED}; each claim carries a lease that this instance renews every third of
 * the lease; a job whose lease runs out (its instance died) goes back to the queue — or fails after
 * {@code max-attempts} — whichever instance notices first. Idle on a single node.
 */
@Component
class ClusterJobQueue implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClusterJobQueue.class);
    /** How often idle workers look for queued jobs that another instance received. */
    private static final long POLL_MILLIS = 500;

    private final JobRepository jobs;
    private final JobEventLog eventLog;
    private final JobWorkerPool workers;
    private final RunningJobs running;
    private final TransactionTemplate tx;
    private final ClusterProperties cluster;
    private final SygnifyProperties properties;
    private final InstanceIdentity instance;
    private final Clock clock;
    private final Timer claimTimer;
    private final Counter claims;
    private final AtomicBoolean wakeRequested = new AtomicBoolean();
    private volatile ScheduledExecutorService scheduler;

    ClusterJobQueue(JobRepository jobs, JobEventLog eventLog, JobWorkerPool workers, RunningJobs running,
                    TransactionTemplate tx, ClusterProperties cluster, SygnifyProperties properties,
                    InstanceIdentity instance, Clock clock, MeterRegistry registry) {
        this.jobs = jobs;
        this.eventLog = eventLog;
        this.workers = workers;
        this.running = running;
        this.tx = tx;
        this.cluster = cluster;
        this.properties = properties;
        this.instance = instance;
        this.clock = clock;
        this.claimTimer = Timer.builder("sygnify.cluster.claim").description("Claiming a queued job in the database")
                .register(registry);
        this.claims = Counter.builder("sygnify.cluster.claims").description("Jobs this instance claimed")
                .register(registry);
    }

    @Override
    public void start() {
        if (!cluster.enabled()) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sygnify-cluster-queue");
            t.setDaemon(true);
            return t;
        });
        workers.setClaimTrigger(this::wake);
        long renewMillis = Math.max(200, cluster.lease().toMillis() / 3);
        scheduler.scheduleWithFixedDelay(this::safely, 0, POLL_MILLIS, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::renewAndRecover, renewMillis, renewMillis, TimeUnit.MILLISECONDS);
        log.info("Cluster job queue started on {}: lease {}", instance.id(), cluster.lease());
    }

    /** A local upload or a free worker: look for work now rather than at the next poll. */
    void wake() {
        ScheduledExecutorService current = scheduler;
        if (current != null && wakeRequested.compareAndSet(false, true)) {
            current.execute(this::safely);
        }
    }

    private void safely() {
        wakeRequested.set(false);
        try {
            claimWhileWorkersAreFree();
        } catch (RuntimeException e) {
            log.warn("Could not claim queued jobs: {}", e.getMessage());
        }
    }

    private void claimWhileWorkersAreFree() {
        while (workers.isRunning() && workers.busyWorkers() < properties.jobs().effectiveWorkers()) {
            Optional<Claimed> claimed = claimTimer.record(this::claimOne);
            if (claimed == null || claimed.isEmpty()) {
                return;
            }
            claims.increment();
            workers.executeClaimed(claimed.get().jobId(), claimed.get().runId());
        }
    }

    private record Claimed(String jobId, String runId) {
    }

    private Optional<Claimed> claimOne() {
        return tx.execute(status -> jobs.lockOldestQueued().flatMap(id -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            return jobs.claim(id, now, instance.id(), now.plus(cluster.lease())).map(run -> new Claimed(id, run));
        }));
    }

    private void renewAndRecover() {
        try {
            OffsetDateTime now = OffsetDateTime.now(clock);
            List<String> lost = jobs.renewLeases(running.ids(), instance.id(), now.plus(cluster.lease()));
            lost.forEach(id -> running.stop(id, StopReason.LEASE_LOST));
            for (String id : jobs.withExpiredLease(now)) {
                if (jobs.takeExpiredLease(id, now, "recovering:" + instance.id(), now.plus(cluster.lease()))) {
                    requeueOrFail(id);
                }
            }
        } catch (RuntimeException e) {
            log.warn("Lease renewal or recovery failed: {}", e.getMessage());
        }
    }

    private void requeueOrFail(String id) {
        Job job = jobs.find(id).orElseThrow();
        int maxAttempts = properties.jobs().maxAttempts();
        if (job.attempts() >= maxAttempts) {
            eventLog.fail(id, JobStage.ERROR, "too_many_attempts", "Processing failed: the instance analysing "
                    + "this file stopped answering " + job.attempts() + " times (limit " + maxAttempts + ").");
        } else {
            eventLog.update(id, JobStage.QUEUED, 0, "The instance analysing this file stopped answering; another "
                    + "one takes it over (attempt " + (job.attempts() + 1) + " of " + maxAttempts + ").");
            wake();
        }
        log.info("Took over job {} from a silent instance (attempt {} of {})", id, job.attempts(), maxAttempts);
    }

    @Override
    public void stop() {
        ScheduledExecutorService current = scheduler;
        if (current != null) {
            current.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        ScheduledExecutorService current = scheduler;
        return current != null && !current.isShutdown();
    }

    /** Starts after the worker pool and stops before it, so claims never outlive the workers. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
