package io.sygnify.server.jobs;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends job events: assigns the next seq under the job row's lock, updates the job's state in the same
 * transaction, and publishes the event once it is committed.
 *
 * <p>A job that has reached a terminal stage takes no further events. Events of one job are appended and
 * published under one lock so that subscribers see them in seq order.
 */
@Component
public class JobEventLog {

    private static final int LOCK_STRIPES = 64;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final JobEventBus bus;
    private final Clock clock;
    private final Object[] locks = new Object[LOCK_STRIPES];

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

    /** An update that carries report sections ({@code partialJson}, a JSON object) ready ahead of the report. */
    public Optional<JobEvent> partial(String jobId, JobStage stage, int progress, String message, String partialJson) {
        return append(jobId, JobEvent.Type.UPDATE, stage, progress, message, null, partialJson);
    }

    public Optional<JobEvent> complete(String jobId, String message) {
        return append(jobId, JobEvent.Type.COMPLETE, JobStage.INSIGHTS_READY, 100, message, null, null);
    }

    /** Ends the job in {@code stage} ({@code error} or {@code cancelled}). */
    public Optional<JobEvent> fail(String jobId, JobStage stage, String errorCode, String message) {
        return append(jobId, JobEvent.Type.ERROR, stage, 0, message, errorCode, null);
    }

    /** Appends and publishes; empty when the job is unknown or already terminal. */
    public Optional<JobEvent> append(String jobId, JobEvent.Type type, JobStage stage, int progress, String message,
                                     String errorCode, String partialJson) {
        synchronized (locks[Math.floorMod(jobId.hashCode(), LOCK_STRIPES)]) {
            Optional<JobEvent> event = tx.execute(status -> store(jobId, type, stage, progress, message, errorCode,
                    partialJson));
            event.ifPresent(bus::publish);
            return event;
        }
    }

    private Optional<JobEvent> store(String jobId, JobEvent.Type type, JobStage stage, int progress, String message,
                                     String errorCode, String partialJson) {
        Optional<JobStateRow> current = jdbc.sql("SELECT last_seq, progress, status FROM jobs WHERE id = ? FOR UPDATE")
                .param(jobId)
                .query((rs, n) -> new JobStateRow(rs.getLong(1), rs.getInt(2), rs.getString(3)))
                .optional();
        if (current.isEmpty() || JobStage.fromWireName(current.get().status()).orElseThrow().isTerminal()) {
            return Optional.empty();
        }
        long seq = current.get().lastSeq() + 1;
        int monotonicProgress = Math.max(current.get().progress(), Math.min(100, Math.max(0, progress)));
        long now = clock.millis();
        OffsetDateTime nowTime = OffsetDateTime.ofInstant(Instant.ofEpochMilli(now), ZoneOffset.UTC);
        boolean terminal = stage.isTerminal();
        jdbc.sql("UPDATE jobs SET last_seq = :seq, status = :status, progress = :progress, message = :message, "
                        + "error_code = :errorCode, error = :error, finished_at = :finishedAt WHERE id = :id")
                .param("seq", seq).param("status", stage.wireName()).param("progress", monotonicProgress)
                .param("message", message).param("errorCode", errorCode)
                .param("error", type == JobEvent.Type.ERROR ? message : null)
                .param("finishedAt", terminal ? nowTime : null).param("id", jobId)
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

    private static JobEvent map(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException {
        return new JobEvent(rs.getString("job_id"), rs.getLong("seq"), JobEvent.Type.valueOf(rs.getString("type")),
                JobStage.fromWireName(rs.getString("stage")).orElseThrow(), rs.getInt("progress"),
                rs.getString("message"), rs.getString("error_code"), rs.getLong("epoch_millis"),
                rs.getString("partial"));
    }

    private record JobStateRow(long lastSeq, int progress, String status) {
    }
}
