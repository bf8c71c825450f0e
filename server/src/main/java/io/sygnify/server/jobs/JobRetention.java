package io.sygnify.server.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.sygnify.server.config.SygnifyProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Deletes finished jobs once they are older than {@code sygnify.jobs.retention} (counted from when they ended),
 * with their report, parsed rows and upload, so that a server left running does not fill its disk. Sweeps at
 * start-up and then every retention period, at most hourly; zero keeps every job. In a cluster every instance
 * sweeps: a job two of them find is deleted once.
 */
@Component
class JobRetention implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(JobRetention.class);
    private static final Duration LONGEST_PAUSE = Duration.ofHours(1);
    private static final int BATCH = 100;

    private final JobRepository jobs;
    private final JobDeletion deletion;
    private final Duration retention;
    private final Clock clock;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sygnify-job-retention");
        t.setDaemon(true);
        return t;
    });

    JobRetention(JobRepository jobs, JobDeletion deletion, SygnifyProperties properties, Clock clock) {
        this.jobs = jobs;
        this.deletion = deletion;
        this.retention = properties.jobs().retention();
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (retention.isZero()) {
            return;
        }
        long pause = Math.max(1000, Math.min(retention.toMillis(), LONGEST_PAUSE.toMillis()));
        sweeper.scheduleWithFixedDelay(this::sweepSafely, 0, pause, TimeUnit.MILLISECONDS);
        log.info("Finished jobs are deleted {} after they end", retention);
    }

    private void sweepSafely() {
        try {
            int deleted = sweep();
            if (deleted > 0) {
                log.info("Deleted {} job(s) that ended more than {} ago", deleted, retention);
            }
        } catch (RuntimeException e) {
            log.warn("Deleting expired jobs failed; trying again later: {}", e.getMessage());
        }
    }

    int sweep() {
        OffsetDateTime cutoff = OffsetDateTime.now(clock).minus(retention);
        int deleted = 0;
        List<Job> expired;
        do {
            expired = jobs.finishedBefore(cutoff, BATCH);
            for (Job job : expired) {
                if (deletion.deleteFinished(job, true)) {
                    deleted++;
                }
            }
        } while (expired.size() == BATCH);
        return deleted;
    }

    @Override
    public void destroy() {
        sweeper.shutdownNow();
    }
}
