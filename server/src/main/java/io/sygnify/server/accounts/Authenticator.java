package io.sygnify.server.accounts;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Turns a presented credential into the {@link Viewer} it proves, or nothing. Blocking: reads the database.
 *
 * <p>A proven credential is remembered for {@link #FRESH_MILLIS}: a page load or a script's burst of requests
 * then costs one lookup, not one per request. Revocations on this instance forget it at once (see
 * {@link #on(AccessRevoked)}); in a cluster, other instances learn of them within that time. While the
 * database does not answer, credentials proven in the last {@link #STALE_MILLIS} still count, so that an
 * administrator can watch the monitor say the database is down.
 */
@Component
public class Authenticator {

    static final long FRESH_MILLIS = 2_000;
    static final long STALE_MILLIS = 10 * 60_000;
    private static final int MAX_REMEMBERED = 50_000;

    private record Proven(Viewer viewer, long atMillis) {
    }

    private final Map<String, Proven> proven = new ConcurrentHashMap<>();
    private final Sessions sessions;
    private final ApiTokens tokens;
    private final UserRepository users;
    private final Clock clock;

    Authenticator(Sessions sessions, ApiTokens tokens, UserRepository users, Clock clock) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.users = users;
        this.clock = clock;
    }

    public Optional<Viewer> authenticate(Credential credential) {
        String key = credential.kind() + ":" + Secrets.digest(credential.secret());
        long now = clock.millis();
        Proven known = proven.get(key);
        if (known != null && now - known.atMillis() < FRESH_MILLIS && !known.viewer().isExpiredAt(clock.instant())) {
            return Optional.of(known.viewer());
        }
        Optional<Viewer> viewer;
        try {
            viewer = lookUp(credential);
        } catch (DataAccessException databaseDown) {
            if (known != null && now - known.atMillis() < STALE_MILLIS
                    && !known.viewer().isExpiredAt(clock.instant())) {
                return Optional.of(known.viewer());
            }
            throw databaseDown;
        }
        if (viewer.isPresent()) {
            if (proven.size() >= MAX_REMEMBERED) {
                proven.clear();
            }
            proven.put(key, new Proven(viewer.get(), now));
        } else {
            proven.remove(key);
        }
        return viewer;
    }

    @EventListener
    void on(AccessRevoked revoked) {
        if (revoked instanceof AccessRevoked.Credential c) {
            proven.values().removeIf(p -> p.viewer().credentialId().equals(c.credentialId()));
        } else if (revoked instanceof AccessRevoked.User u) {
            proven.values().removeIf(p -> p.viewer().userId().equals(u.userId()));
        }
    }

    private Optional<Viewer> lookUp(Credential credential) {
        return switch (credential.kind()) {
            case SESSION -> sessions.find(credential.secret())
                    .flatMap(s -> viewer(s.userId(), s.credentialId(), s.expiresAt()));
            case TOKEN -> tokens.find(credential.secret()).flatMap(t -> {
                Optional<Viewer> viewer = viewer(t.userId(), t.credentialId(), t.expiresAt());
                viewer.ifPresent(v -> tokens.touch(t));
                return viewer;
            });
        };
    }

    private Optional<Viewer> viewer(String userId, String credentialId, OffsetDateTime expiresAt) {
        return users.find(userId).filter(UserAccount::enabled)
                .map(u -> new Viewer(u.id(), u.username(), u.role(), credentialId,
                        expiresAt == null ? null : expiresAt.toInstant()));
    }
}
