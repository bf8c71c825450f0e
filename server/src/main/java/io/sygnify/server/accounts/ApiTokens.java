package io.sygnify.server.accounts;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.sygnify.server.api.ApiException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Personal API tokens: shown once, stored as digests, revocable by their owner, optionally expiring. */
@Component
public class ApiTokens {

    /** Tokens start with this so that secret scanners can recognise a leaked one. */
    static final String PREFIX = "syg_";

    public record TokenView(String id, String name, OffsetDateTime createdAt, OffsetDateTime expiresAt,
                            OffsetDateTime lastUsedAt) {
    }

    public record CreatedToken(String id, String name, String token, OffsetDateTime createdAt,
                               OffsetDateTime expiresAt) {
    }

    record ValidToken(String id, String userId, OffsetDateTime expiresAt, OffsetDateTime lastUsedAt) {
        String credentialId() {
            return "token:" + id;
        }
    }

    private static final String VIEW_COLUMNS = "id, name, created_at, expires_at, last_used_at";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    public CreatedToken create(String userId, String name, Integer expiresInDays) {
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > 100) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid_token_name",
                    "A token needs a name of 1 to 100 characters, so you can tell your tokens apart.");
        }
        if (expiresInDays != null && (expiresInDays < 1 || expiresInDays > 3650)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid_expiry",
                    "expires_in_days must be between 1 and 3650 (got " + expiresInDays + "); omit it for no expiry.");
        }
        return insert(userId, cleanName, Secrets.generate(PREFIX), expiresInDays);
    }

    private CreatedToken insert(String userId, String name, String secret, Integer expiresInDays) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime expires = expiresInDays == null ? null : now.plusDays(expiresInDays);
        String id = UUID.randomUUID().toString();
        jdbc.sql("INSERT INTO api_tokens (id, user_id, name, digest, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, userId, name, Secrets.digest(secret), now, expires).update();
        return new CreatedToken(id, name, secret, now, expires);
    }

    /** For {@code SYGNIFY_ADMIN_TOKEN}: makes sure a token with exactly this value belongs to {@code userId}. */
    void ensure(String userId, String name, String secret) {
        String digest = Secrets.digest(secret);
        jdbc.sql("DELETE FROM api_tokens WHERE digest = ? AND (user_id <> ? OR revoked_at IS NOT NULL)")
                .params(digest, userId).update();
        boolean present = jdbc.sql("SELECT COUNT(*) FROM api_tokens WHERE digest = ?").param(digest)
                .query(Long.class).single() > 0;
        if (!present) {
            insert(userId, name, secret, null);
        }
    }

    public List<TokenView> of(String userId) {
        return jdbc.sql("SELECT " + VIEW_COLUMNS + " FROM api_tokens WHERE user_id = ? AND revoked_at IS NULL "
                        + "ORDER BY created_at DESC")
                .param(userId)
                .query((rs, n) -> new TokenView(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                        rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class)))
                .list();
    }

    /** Revokes one of the user's own tokens; someone else's token is answered like a missing one. */
    public void revoke(String userId, String tokenId) {
        int changed = jdbc.sql("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND user_id = ? "
                        + "AND revoked_at IS NULL")
                .params(OffsetDateTime.now(clock), tokenId, userId).update();
        if (changed == 0) {
            throw ApiException.notFound("token", tokenId);
        }
        events.publishEvent(new AccessRevoked.Credential("token:" + tokenId));
    }

    Optional<ValidToken> find(String secret) {
        return jdbc.sql("SELECT id, user_id, expires_at, last_used_at FROM api_tokens WHERE digest = ? "
                        + "AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)")
                .params(Secrets.digest(secret), OffsetDateTime.now(clock))
                .query((rs, n) -> new ValidToken(rs.getString(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class), rs.getObject(4, OffsetDateTime.class)))
                .optional();
    }

    /** Recorded at most once a minute per token: a busy script must not turn every read into a write. */
    void touch(ValidToken token) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (token.lastUsedAt() == null || token.lastUsedAt().isBefore(now.minusMinutes(1))) {
            jdbc.sql("UPDATE api_tokens SET last_used_at = ? WHERE id = ?").params(now, token.id()).update();
        }
    }
}
