package io.sygnify.server.accounts;

import java.time.Instant;

/**
 * The signed-in person behind a request or a live connection, and the credential that proved it.
 *
 * @param credentialId {@code session:<digest>} or {@code token:<id>}: what revoking closes
 * @param expiresAt    when the credential stops being valid; null for tokens without expiry
 */
public record Viewer(String userId, String username, Role role, String credentialId, Instant expiresAt) {

    /** Exchange (and WebSocket session) attribute holding the authenticated viewer. */
    public static final String ATTRIBUTE = "sygnify.viewer";

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
