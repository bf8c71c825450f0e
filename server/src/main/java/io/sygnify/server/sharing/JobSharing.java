package io.sygnify.server.sharing;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.sygnify.server.accounts.AccessRevoked;
import io.sygnify.server.accounts.Secrets;
import io.sygnify.server.accounts.UserAccount;
import io.sygnify.server.accounts.UserRepository;
import io.sygnify.server.accounts.Viewer;
import io.sygnify.server.api.ApiException;
import io.sygnify.server.jobs.JobService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Read-only sharing of a job with named users and through revocable links. Blocking. */
@Service
public class JobSharing {

    public record UserShare(String username, OffsetDateTime createdAt) {
    }

    public record LinkShare(String id, OffsetDateTime createdAt) {
    }

    public record Shares(List<UserShare> users, List<LinkShare> links) {
    }

    public record CreatedLink(String id, String token, String url, OffsetDateTime createdAt) {
    }

    public record OpenedLink(String jobId) {
    }

    private static final String LINK_PREFIX = "shr_";

    private final JdbcClient jdbc;
    private final JobService jobs;
    private final UserRepository users;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    JobSharing(JdbcClient jdbc, JobService jobs, UserRepository users, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.users = users;
        this.events = events;
        this.clock = clock;
    }

    public Shares of(String jobId, Viewer owner) {
        jobs.owned(jobId, owner);
        List<UserShare> userShares = jdbc.sql("SELECT u.username, s.created_at FROM job_shares s "
                        + "JOIN users u ON u.id = s.user_id WHERE s.job_id = ? ORDER BY u.username")
                .param(jobId).query((rs, n) -> new UserShare(rs.getString(1), rs.getObject(2, OffsetDateTime.class)))
                .list();
        List<LinkShare> links = jdbc.sql("SELECT id, created_at FROM share_links WHERE job_id = ? "
                        + "AND revoked_at IS NULL ORDER BY created_at")
                .param(jobId).query((rs, n) -> new LinkShare(rs.getString(1), rs.getObject(2, OffsetDateTime.class)))
                .list();
        return new Shares(userShares, links);
    }

    public UserShare shareWith(String jobId, String username, Viewer owner) {
        jobs.owned(jobId, owner);
        UserAccount user = users.findByName(username).filter(UserAccount::enabled)
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "user_not_found",
                        "No user named '" + username + "'."));
        if (user.id().equals(owner.userId())) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "share_with_self", "You already own this job.");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("DELETE FROM job_shares WHERE job_id = ? AND user_id = ?").params(jobId, user.id()).update();
        jdbc.sql("INSERT INTO job_shares (job_id, user_id, created_at) VALUES (?, ?, ?)")
                .params(jobId, user.id(), now).update();
        return new UserShare(user.username(), now);
    }

    public void unshare(String jobId, String username, Viewer owner) {
        jobs.owned(jobId, owner);
        int removed = users.findByName(username).map(user -> jdbc.sql("DELETE FROM job_shares WHERE job_id = ? "
                + "AND user_id = ?").params(jobId, user.id()).update()).orElse(0);
        if (removed == 0) {
            throw new ApiException(HttpStatus.NOT_FOUND, "share_not_found",
                    "Job " + jobId + " is not shared with '" + username + "'.");
        }
        events.publishEvent(new AccessRevoked.Job(jobId));
    }

    public CreatedLink createLink(String jobId, Viewer owner) {
        jobs.owned(jobId, owner);
        String token = Secrets.generate(LINK_PREFIX);
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("INSERT INTO share_links (id, job_id, digest, created_at) VALUES (?, ?, ?, ?)")
                .params(id, jobId, Secrets.digest(token), now).update();
        return new CreatedLink(id, token, "/shared/" + token, now);
    }

    public void revokeLink(String jobId, String linkId, Viewer owner) {
        jobs.owned(jobId, owner);
        int revoked = jdbc.sql("UPDATE share_links SET revoked_at = ? WHERE id = ? AND job_id = ? "
                        + "AND revoked_at IS NULL")
                .params(OffsetDateTime.now(clock), linkId, jobId).update();
        if (revoked == 0) {
            throw new ApiException(HttpStatus.NOT_FOUND, "share_link_not_found",
                    "Job " + jobId + " has no live share link " + linkId + ".");
        }
        events.publishEvent(new AccessRevoked.Job(jobId));
    }

    /** Whoever opens a live link while signed in may read its job until the link is revoked. */
    public OpenedLink open(String token, Viewer viewer) {
        record Link(String id, String jobId) {
        }
        Link link = jdbc.sql("SELECT id, job_id FROM share_links WHERE digest = ? AND revoked_at IS NULL")
                .param(Secrets.digest(token == null ? "" : token))
                .query((rs, n) -> new Link(rs.getString(1), rs.getString(2))).optional()
                .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "share_link_not_found",
                        "This share link does not exist or was revoked."));
        boolean granted = jdbc.sql("SELECT COUNT(*) FROM share_link_grants WHERE link_id = ? AND user_id = ?")
                .params(link.id(), viewer.userId()).query(Long.class).single() > 0;
        if (!granted) {
            jdbc.sql("INSERT INTO share_link_grants (link_id, user_id, created_at) VALUES (?, ?, ?)")
                    .params(link.id(), viewer.userId(), OffsetDateTime.now(clock)).update();
        }
        return new OpenedLink(link.jobId());
    }
}
