package io.sygnify.server.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code jobs} table. Event rows and seq numbers belong to {@link JobEventLog}. */
@Repository
public class JobRepository {

    private static final String COLUMNS = "id, owner, file_name, stored_name, size_bytes, status, progress, message, "
            + "error_code, error, last_seq, attempts, created_at, started_at, finished_at";

    private final JdbcClient jdbc;

    public JobRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Deletes the job with its events, report and shares (foreign keys cascade); false when there was none. */
    boolean delete(String id) {
        return jdbc.sql("DELETE FROM jobs WHERE id = ?").param(id).update() == 1;
    }

    public void insert(Job job) {
        jdbc.sql("INSERT INTO jobs (" + COLUMNS + ") VALUES "
                        + "(:id, :owner, :fileName, :storedName, :sizeBytes, :status, :progress, :message, "
                        + ":errorCode, :error, :lastSeq, :attempts, :createdAt, :startedAt, :finishedAt)")
                .param("id", job.id()).param("owner", job.owner()).param("fileName", job.fileName())
                .param("storedName", job.storedName()).param("sizeBytes", job.sizeBytes())
                .param("status", job.status().wireName()).param("progress", job.progress())
                .param("message", job.message()).param("errorCode", job.errorCode()).param("error", job.error())
                .param("lastSeq", job.lastSeq()).param("attempts", job.attempts())
                .param("createdAt", job.createdAt()).param("startedAt", job.startedAt())
                .param("finishedAt", job.finishedAt())
                .update();
    }

    /** The stored file name of every job. */
    Set<String> ids() {
        return new HashSet<>(jdbc.sql("SELECT id FROM jobs").query(String.class).list());
    }

    public Set<String> storedNames() {
        return new HashSet<>(jdbc.sql("SELECT stored_name FROM jobs").query(String.class).list());
    }

    public Optional<Job> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM jobs WHERE id = ?").param(id).query(JobRepository::map).optional();
    }

    /** A job together with its owner's user name, as one user sees it in a list. */
    public record Listed(Job job, String ownerName) {
    }

    private static final String WITH_OWNER_NAME =
            "SELECT j.*, u.username AS owner_name FROM jobs j LEFT JOIN users u ON u.id = j.owner";

    private static Listed listed(ResultSet rs, int row) throws SQLException {
        return new Listed(map(rs, row), rs.getString("owner_name"));
    }

    /** The jobs {@code userId} may see, newest first. {@code status} null means every status. */
    public List<Listed> pageVisibleTo(String userId, JobStage status, int page, int size) {
        String where = " WHERE " + JobAccess.VISIBLE_TO_UID + (status == null ? "" : " AND j.status = :status");
        var spec = jdbc.sql(WITH_OWNER_NAME + where
                        + " ORDER BY j.created_at DESC, j.id DESC LIMIT :limit OFFSET :offset")
                .param("uid", userId).param("limit", size).param("offset", (long) page * size);
        if (status != null) {
            spec = spec.param("status", status.wireName());
        }
        return spec.query(JobRepository::listed).list();
    }

    /** One job with its owner's name, when {@code userId} may see it: access, row and name in one query. */
    public Optional<Listed> findVisibleTo(String jobId, String userId) {
        return jdbc.sql(WITH_OWNER_NAME + " WHERE j.id = :id AND " + JobAccess.VISIBLE_TO_UID)
                .param("id", jobId).param("uid", userId).query(JobRepository::listed).optional();
    }

    public long countVisibleTo(String userId, JobStage status) {
        var spec = jdbc.sql("SELECT COUNT(*) FROM jobs j WHERE " + JobAccess.VISIBLE_TO_UID
                + (status == null ? "" : " AND j.status = :status")).param("uid", userId);
        if (status != null) {
            spec = spec.param("status", status.wireName());
        }
        return spec.query(Long.class).single();
    }

    /** All jobs in {@code status}, whoever owns them: for metrics and the operators' monitor. */
    public long count(JobStage status) {
        return jdbc.sql("SELECT COUNT(*) FROM jobs WHERE status = ?").param(status.wireName())
                .query(Long.class).single();
    }

    public Optional<String> ownerName(Job job) {
        return jdbc.sql("SELECT username FROM users WHERE id = ?").param(job.owner()).query(String.class).optional();
    }

    /** Terminal statuses (insights_ready or error) of the most recently finished jobs, newest first. */
    public List<String> recentOutcomes(int limit) {
        return jdbc.sql("SELECT status FROM jobs WHERE status IN ('insights_ready', 'error') "
                        + "ORDER BY finished_at DESC LIMIT ?")
                .param(limit).query(String.class).list();
    }

    /** Ids of jobs in the given statuses, oldest first. */
    /** Finished jobs that ended before {@code cutoff}, oldest first. */
    List<Job> finishedBefore(OffsetDateTime cutoff, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM jobs WHERE status IN ('insights_ready', 'error', 'cancelled') "
                        + "AND finished_at < ? ORDER BY finished_at, id LIMIT ?")
                .params(cutoff, limit).query(JobRepository::map).list();
    }

    public List<String> idsInStatus(List<JobStage> statuses) {
        return jdbc.sql("SELECT id FROM jobs WHERE status IN (:statuses) ORDER BY created_at, id")
                .param("statuses", statuses.stream().map(JobStage::wireName).toList())
                .query(String.class).list();
    }

    /**
     * Takes a queued job for a worker, with a lease held by {@code owner} until {@code leaseUntil}, as a new run
     * (see {@link JobEventLog.Run}); empty when someone else took it or it is no longer queued.
     */
    public Optional<String> claim(String id, OffsetDateTime now, String owner, OffsetDateTime leaseUntil) {
        String runId = java.util.UUID.randomUUID().toString();
        int claimed = jdbc.sql("UPDATE jobs SET status = 'parsing', attempts = attempts + 1, "
                        + "started_at = COALESCE(started_at, :now), lease_owner = :owner, "
                        + "lease_expires_at = :until, run_id = :run WHERE id = :id AND status = 'queued'")
                .param("id", id).param("now", now).param("owner", owner).param("until", leaseUntil)
                .param("run", runId).update();
        return claimed == 1 ? Optional.of(runId) : Optional.empty();
    }

    /**
     * Cluster mode: takes the oldest queued job nobody else is taking right now. Call inside a transaction:
     * {@code SKIP LOCKED} lets instances claim side by side without waiting on each other's rows.
     */
    Optional<String> lockOldestQueued() {
        return jdbc.sql("SELECT id FROM jobs WHERE status = 'queued' ORDER BY created_at, id LIMIT 1 "
                + "FOR UPDATE SKIP LOCKED").query(String.class).optional();
    }

    /** Extends this instance's leases; returns the ids whose lease it no longer holds. */
    List<String> renewLeases(List<String> ids, String owner, OffsetDateTime until) {
        List<String> lost = new java.util.ArrayList<>();
        for (String id : ids) {
            int renewed = jdbc.sql("UPDATE jobs SET lease_expires_at = ? WHERE id = ? AND lease_owner = ? "
                    + "AND status IN ('parsing', 'profiling', 'analyzing')").params(until, id, owner).update();
            if (renewed == 0) {
                lost.add(id);
            }
        }
        return lost;
    }

    /** Running jobs whose lease ran out (their instance died or lost the database), or that nobody holds. */
    List<String> withExpiredLease(OffsetDateTime now) {
        return jdbc.sql("SELECT id FROM jobs WHERE status IN ('parsing', 'profiling', 'analyzing') "
                + "AND (lease_expires_at < ? OR lease_expires_at IS NULL) ORDER BY created_at")
                .param(now).query(String.class).list();
    }

    /**
     * Takes an expired lease over for recovery, itself leased: true for exactly one of several instances trying
     * at once, and if the recovery fails half-way (database gone again), the job is recovered after that lease.
     */
    boolean takeExpiredLease(String id, OffsetDateTime now, String recoverer, OffsetDateTime until) {
        // run_id = NULL: the run that let the lease expire may still be going; nothing of it is stored any more
        return jdbc.sql("UPDATE jobs SET lease_owner = ?, lease_expires_at = ?, run_id = NULL WHERE id = ? "
                        + "AND (lease_expires_at < ? OR lease_expires_at IS NULL)")
                .params(recoverer, until, id, now).update() == 1;
    }

    /** A graceful stop is not the job's fault: it does not count towards the attempt limit. */
    public void releaseAttempt(String id) {
        jdbc.sql("UPDATE jobs SET attempts = attempts - 1 WHERE id = ? AND attempts > 0").param(id).update();
    }

    /** Stores the report of {@code runId}; false (nothing stored) when that run no longer holds the job. */
    public boolean saveResult(String jobId, String runId, String insightsJson, OffsetDateTime now) {
        String heldByRun = " AND EXISTS (SELECT 1 FROM jobs WHERE id = ? AND run_id = ?)";
        // A job re-run after a crash between result and completion event must not trip over its old result.
        jdbc.sql("DELETE FROM job_results WHERE job_id = ?" + heldByRun).params(jobId, jobId, runId).update();
        return jdbc.sql("INSERT INTO job_results (job_id, insights, created_at) SELECT ?, ?, ? FROM jobs "
                        + "WHERE id = ? AND run_id = ?")
                .params(jobId, insightsJson, now, jobId, runId).update() == 1;
    }

    public Optional<String> findResult(String jobId) {
        return jdbc.sql("SELECT insights FROM job_results WHERE job_id = ?").param(jobId)
                .query((rs, n) -> rs.getString(1)).optional();
    }

    private static Job map(ResultSet rs, int rowNum) throws SQLException {
        return new Job(rs.getString("id"), rs.getString("owner"), rs.getString("file_name"),
                rs.getString("stored_name"), rs.getLong("size_bytes"),
                JobStage.fromWireName(rs.getString("status")).orElseThrow(), rs.getInt("progress"),
                rs.getString("message"), rs.getString("error_code"), rs.getString("error"), rs.getLong("last_seq"),
                rs.getInt("attempts"), rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("started_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class));
    }
}
