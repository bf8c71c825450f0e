package io.sygnify.server.realtime;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import io.sygnify.server.accounts.AccessRevoked;
import io.sygnify.server.accounts.Viewer;
import io.sygnify.server.jobs.JobAccess;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Applies revocations to live connections at once: a revoked token or ended session closes its sockets with
 * 4401, a disabled user's with 4403, a changed role's with 4001 (reconnect with the new role); a removed share or
 * revoked link ends exactly the subscriptions that lost access. SSE streams simply end.
 */
@Component
class AccessRevocations {

    private final LiveConnections connections;
    private final JobFanOut fanOut;
    private final JobAccess access;

    AccessRevocations(LiveConnections connections, JobFanOut fanOut, JobAccess access) {
        this.connections = connections;
        this.fanOut = fanOut;
        this.access = access;
    }

    @EventListener
    void on(AccessRevoked revoked) {
        if (revoked instanceof AccessRevoked.Credential c) {
            closeWhere(v -> v.credentialId().equals(c.credentialId()), CloseCodes.UNAUTHENTICATED);
        } else if (revoked instanceof AccessRevoked.User u) {
            closeWhere(v -> v.userId().equals(u.userId()),
                    u.disabled() ? CloseCodes.FORBIDDEN : CloseCodes.PERMISSIONS_CHANGED);
        } else if (revoked instanceof AccessRevoked.Job j) {
            List<ClientConnection> watchers = fanOut.watchers(j.jobId());
            String reason = watchers.isEmpty() || access.exists(j.jobId()) ? "access_revoked" : "job_deleted";
            for (ClientConnection c : watchers) {
                if (c.viewer() == null || !access.canRead(c.viewer(), j.jobId())) {
                    fanOut.revoke(c, j.jobId(), reason);
                    if (c.isEventStream()) {
                        c.close(CloseCodes.FORBIDDEN);
                    }
                }
            }
        }
    }

    private void closeWhere(Predicate<Viewer> affected, org.springframework.web.reactive.socket.CloseStatus status) {
        Set<ClientConnection> all = new HashSet<>(connections.snapshot());
        all.addAll(fanOut.subscribedConnections());
        all.stream().filter(c -> c.viewer() != null && affected.test(c.viewer())).forEach(c -> c.close(status));
    }
}
