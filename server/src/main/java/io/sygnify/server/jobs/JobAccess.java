package io.sygnify.server.jobs;

import java.util.List;

import io.sygnify.server.accounts.Viewer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who may see a job: its owner, people it is shared with, and people who opened one of its live share links.
 * Nobody else, administrators included: they run the system, not read other people's data. Blocking.
 */
@Component
public class JobAccess {

    public enum Level { NONE, READ, OWNER }

    /** SQL condition on alias {@code j} and parameter {@code :uid}: the job is visible to that user. */
    static final String VISIBLE_TO_UID = "(j.owner = :uid"
            + " OR EXISTS (SELECT 1 FROM job_shares s WHERE s.job_id = j.id AND s.user_id = :uid)"
            + " OR EXISTS (SELECT 1 FROM share_link_grants g JOIN share_links l ON l.id = g.link_id"
            + " WHERE l.job_id = j.id AND l.revoked_at IS NULL AND g.user_id = :uid))";

    private final JdbcClient jdbc;

    JobAccess(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Level of(Viewer viewer, String jobId) {
        List<String> owners = jdbc.sql("SELECT j.owner FROM jobs j WHERE j.id = :id AND " + VISIBLE_TO_UID)
                .param("id", jobId).param("uid", viewer.userId()).query(String.class).list();
        if (owners.isEmpty()) {
            return Level.NONE;
        }
        return owners.get(0).equals(viewer.userId()) ? Level.OWNER : Level.READ;
    }

    public boolean exists(String jobId) {
        return jdbc.sql("SELECT COUNT(*) FROM jobs WHERE id = ?").param(jobId).query(Long.class).single() > 0;
    }

    public boolean canRead(Viewer viewer, String jobId) {
        return of(viewer, jobId) != Level.NONE;
    }
}
