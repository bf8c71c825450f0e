package io.sygnify.server.jobs;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends job events: assigns the next seq under the job row's lock, updates the job's state in the same
 * transaction, and publishes the event once it is committed.
 *
 * <p>A job that has reached a terminal stage takes no further events. Events of one job are appended and
 * published under one lock so that subscribers see them in seq order.
 *
 * <p>Appends run on {@link AppendThreads} (normal priority). The caller waits for them, except for a run's
 * progress and report sections ({@link Run#update}, {@link Run#partial}), which are stored behind its back.
 */
@Component
public class JobEventLog implements org.springframework.beans.factory.DisposableBean {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(JobEventLog.class);

    private static final int LOCK_STRIPES = 64;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final JobEventBus bus;
    private final Clock clock;
    private final Object[] locks = new Object[LOCK_STRIPES];
    private final AppendThreads appendThreads = new AppendThreads();

    public JobEventLog(JdbcClient jdbc, TransactionTemplate tx, JobEventBus bus, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.bus = bus;
        this.clock = clock;
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    public Optional<JobEvent> update(String jobId, JobStage stage, int progress, String message) {
        return append(jobId, JobEvent.Type.UPDATE, stage, progress, message, null, null);
    }

    /** Ends the job in {@code stage} ({@code error} or {@code cancelled}). */
    public Optional<JobEvent> fail(String jobId, JobStage stage, String errorCode, String message) {
        return append(jobId, JobEvent.Type.ERROR, stage, 0, message, errorCode, null);
    }

    /** The events of one run of a job, as {@link JobRepository#claim} started it. */
    public Run run(String jobId, String runId) {
        return new Run(jobId, java.util.Objects.requireNonNull(runId, "runId"));
    }

    /**
     * A worker's view of the log: its events are stored only while its run still holds the job. An instance that
     * lost its lease (a long pause, a partition) may go on analysing until it notices; what it appends meanwhile
     * is dropped rather than mixed into the run of the instance that took the job over.
     */
    public final class Run {

        private final String jobId;
        private final String runId;
        private CompletableFuture<Void> pending = CompletableFuture.completedFuture(null);

        private Run(String jobId, String runId) {
            this.jobId = jobId;
            this.runId = runId;
        }

        /**
         * Progress: stored and published in order, without the worker waiting for the database (in a cluster,
         * four round trips to PostgreSQL and one to Redis per event, ~46 events per job).
         */
        public void update(JobStage stage, int progress, String message) {
            later(JobEvent.Type.UPDATE, stage, progress, message, null, null);
        }

        /** Report sections ({@code partialJson}, a JSON object) ahead of the report, like {@link #update}. */
        public void partial(JobStage stage, int progress, String message, String partialJson) {
            later(JobEvent.Type.UPDATE, stage, progress, message, null, partialJson);
        }

        /** An update stored before this returns, after everything this run sent before it. */
        public Optional<JobEvent> updateNow(JobStage stage, int progress, String message) {
            return now(JobEvent.Type.UPDATE, stage, progress, message, null);
        }

        public Optional<JobEvent> complete(String message) {
            return now(JobEvent.Type.COMPLETE, JobStage.INSIGHTS_READY, 100, message, null);
        }

        public Optional<JobEvent> fail(JobStage stage, String errorCode, String message) {
            return now(JobEvent.Type.ERROR, stage, 0, message, errorCode);
        }

        private synchronized void later(JobEvent.Type type, JobStage stage, int progress, String message,
                                        String errorCode, String partialJson) {
            pending = pending.thenRunAsync(() -> {
                try {
                    appendHere(jobId, runId, type, stage, progress, message, errorCode, partialJson);
                } catch (RuntimeException e) {
                    log.warn("Could not store a {} event of job {}: {}", type, jobId, e.getMessage());
                }
            }, appendThreads);
        }

        private Optional<JobEvent> now(JobEvent.Type type, JobStage stage, int progress, String message,
                                       String errorCode) {
            CompletableFuture<Void> before;
            synchronized (this) {
                before = pending;
            }
            before.join(); // never fails: later() logs its own errors
            return append(jobId, runId, type, stage, progress, message, errorCode, null);
        }
    }

    /** Appends and publishes; empty when the job is unknown or already terminal. */
    public Optional<JobEvent> append(String jobId, JobEvent.Type type, JobStage stage, int progress, String message,
                                     String errorCode, String partialJson) {
        return append(jobId, null, type, stage, progress, message, errorCode, partialJson);
    }

    /** With a {@code runId}, also empty when that run no longer holds the job. */
    private Optional<JobEvent> append(String jobId, String runId, JobEvent.Type type, JobStage stage, int progress,
                                      String message, String errorCode, String partialJson) {
        Callable<Optional<JobEvent>> append = () -> appendHere(jobId, runId, type, stage, progress, message,
                errorCode, partialJson);
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return AppendThreads.callHere(append); // in the caller's transaction: another thread would wait on it
        }
        return appendThreads.call(append);
    }

    private Optional<JobEvent> appendHere(String jobId, String runId, JobEvent.Type type, JobStage stage,
                                          int progress, String message, String errorCode, String partialJson) {
        synchronized (locks[Math.floorMod(jobId.hashCode(), LOCK_STRIPES)]) {
            Optional<JobEvent> event = tx.execute(status -> store(jobId, runId, type, stage, progress, message,
                    errorCode, partialJson));
            event.ifPresent(this::publishOnceCommitted);
            return event;
        }
    }

    /** Inside a caller's transaction (a job and its first event), the event is published after that commits. */
    private void publishOnceCommitted(JobEvent event) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            bus.publish(event);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                bus.publish(event);
            }
        });
    }

    @Override
    public void destroy() {
        appendThreads.close();
    }

    private Optional<JobEvent> store(String jobId, String runId, JobEvent.Type type, JobStage stage, int progress,
                                     String message, String errorCode, String partialJson) {
        Optional<JobStateRow> current = jdbc.sql("SELECT last_seq, progress, status, run_id FROM jobs WHERE id = ? "
                        + "FOR UPDATE")
                .param(jobId)
                .query((rs, n) -> new JobStateRow(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4)))
                .optional();
        if (current.isEmpty() || JobStage.fromWireName(current.get().status()).orElseThrow().isTerminal()) {
            return Optional.empty();
        }
        if (runId != null && !runId.equals(current.get().runId())) {
            log.info("Dropped a {} event of job {}: its run no longer holds the job", type, jobId);
            return Optional.empty();
        }
        long seq = current.get().lastSeq() + 1;
        int monotonicProgress = Math.max(current.get().progress(), Math.min(100, Math.max(0, progress)));
        long now = clock.millis();
        OffsetDateTime nowTime = OffsetDateTime.ofInstant(Instant.ofEpochMilli(now), ZoneOffset.UTC);
        boolean terminal = stage.isTerminal();
        jdbc.sql("UPDATE jobs SET last_seq = :seq, status = :status, progress = :progress, message = :message, "
                        + "error_code = :errorCode, error = :error, finished_at = :finishedAt, "
                        // back in the queue, the job belongs to no run until the next claim
                        + "run_id = CASE WHEN :queued THEN NULL ELSE run_id END WHERE id = :id")
                .param("seq", seq).param("status", stage.wireName()).param("progress", monotonicProgress)
                .param("message", message).param("errorCode", errorCode)
                .param("error", type == JobEvent.Type.ERROR ? message : null)
                .param("finishedAt", terminal ? nowTime : null).param("queued", stage == JobStage.QUEUED)
                .param("id", jobId)
                .update();
        jdbc.sql("INSERT INTO job_events (job_id, seq, type, stage, progress, message, error_code, epoch_millis, "
                        + "partial) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(jobId, seq, type.name(), stage.wireName(), monotonicProgress, message, errorCode, now,
                        partialJson)
                .update();
        return Optional.of(new JobEvent(jobId, seq, type, stage, monotonicProgress, message, errorCode, now,
                partialJson));
    }

    public Optional<JobEvent> latest(String jobId) {
        return jdbc.sql("SELECT * FROM job_events WHERE job_id = ? ORDER BY seq DESC LIMIT 1").param(jobId)
                .query(JobEventLog::map).optional();
    }

    /** Events with seq greater than {@code afterSeq}, in order. */
    public List<JobEvent> after(String jobId, long afterSeq) {
        return jdbc.sql("SELECT * FROM job_events WHERE job_id = ? AND seq > ? ORDER BY seq").params(jobId, afterSeq)
                .query(JobEventLog::map).list();
    }

    /** The job's stages from its events, without their report payloads. */
    public StageTimeline timeline(String jobId) {
        return StageTimeline.of(jdbc.sql("SELECT stage, epoch_millis, message FROM job_events WHERE job_id = ? "
                        + "ORDER BY seq")
                .param(jobId).query((rs, row) -> new StageTimeline.Entry(rs.getString("stage"),
                        rs.getLong("epoch_millis"), rs.getString("message"))).list());
    }

    private static JobEvent map(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException {
        return new JobEvent(rs.getString("job_id"), rs.getLong("seq"), JobEvent.Type.valueOf(rs.getString("type")),
                JobStage.fromWireName(rs.getString("stage")).orElseThrow(), rs.getInt("progress"),
                rs.getString("message"), rs.getString("error_code"), rs.getLong("epoch_millis"),
                rs.getString("partial"));
    }

    private record JobStateRow(long lastSeq, int progress, String status, String runId) {
    }
}
