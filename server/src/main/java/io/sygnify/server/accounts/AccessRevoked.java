package io.sygnify.server.accounts;

/**
 * Published (as a Spring application event) when someone loses access, so live connections can be closed or
 * unsubscribed within seconds instead of at their next request. Cluster mode relays these between instances.
 */
public sealed interface AccessRevoked {

    /** A session was ended or an API token revoked. */
    record Credential(String credentialId) implements AccessRevoked {
    }

    /**
     * A user was disabled (their connections end for good) or their role changed (their connections end and may
     * reconnect with the new role).
     */
    record User(String userId, boolean disabled) implements AccessRevoked {
    }

    /** A share or share link of this job was removed, or the job deleted: its watchers must be checked again. */
    record Job(String jobId) implements AccessRevoked {
    }
}
