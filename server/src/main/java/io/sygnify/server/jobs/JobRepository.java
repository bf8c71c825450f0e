package io.sygnify.server.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

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

    public Optional<Job> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM jobs WHERE id = ?").param(id).query(JobRepository::map).optional();
    }

    /** Newest first. {@code status} null means every status. */
    public List<Job> page(JobStage status, int page, int size) {
        String where = status == null ? "" : " WHERE status = :status";
        var spec = jdbc.sql("SELECT " + COLUMNS + " FROM jobs" + where
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("limit", size).param("offset", (long) page * size);
        if (status != null) {
            spec = spec.param("status", status.wireName());
        }
        return spec.query(JobRepository::map).list();
    }

    public long count(JobStage status) {
        if (status == null) {
            return jdbc.sql("SELECT COUNT(*) FROM jobs").query(Long.class).single();
        }
        return jdbc.sql("SELECT COUNT(*) FROM jobs WHERE status = ?").param(status.wireName())
                .query(Long.class).single();
    }

    /** Terminal statuses (insights_ready or error) of the most recently finished jobs, newest first. */
    public List<String> recentOutcomes(int limit) {
        return jdbc.sql("SELECT status FROM jobs WHERE status IN ('insights_ready', 'error') "
                        + "ORDER BY finished_at DESC LIMIT ?")
                .param(limit).query(String.class).list();
    }

    /** Ids of jobs in the given statuses, oldest first. */
    public List<String> idsInStatus(List<JobStage> statuses) {
        return jdbc.sql("SELECT id FROM jobs WHERE status IN (:statuses) ORDER BY created_at, id")
                .param("statuses", statuses.stream().map(JobStage::wireName).toList())
                .query(String.class).list();
    }

    /** Takes a queued job for a worker; false when someone else took it or it is no longer queued. */
    public boolean claim(String id, OffsetDateTime now) {
        return jdbc.sql("UPDATE jobs SET status = 'parsing', attempts = attempts + 1, "
                        + "started_at = COALESCE(started_at, :now) WHERE id = :id AND status = 'queued'")
                .param("id", id).param("now", now).update() == 1;
    }

    /** A graceful stop is not the job's fault: it does not count towards the attempt limit. */
    public void releaseAttempt(String id) {
        jdbc.sql("UPDATE jobs SET attempts = attempts - 1 WHERE id = ? AND attempts > 0").param(id).update();
    }

    public void saveResult(String jobId, String insightsJson, OffsetDateTime now) {
        // A job re-run after a crash between result and completion event must not trip over its old result.
        jdbc.sql("DELETE FROM job_results WHERE job_id = ?").param(jobId).update();
        jdbc.sql("INSERT INTO job_results (job_id, insights, created_at) VALUES (?, ?, ?)")
                .params(jobId, insightsJson, now).update();
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
