package io.sygnify.server.accounts;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Browser sessions, stored in the database rather than in memory so that every instance of a cluster knows
 * them and a restart does not sign anyone out.
 */
@Component
public class Sessions {

    public record Session(String digest, String userId, OffsetDateTime expiresAt) {
        public String credentialId() {
            return "session:" + digest;
        }
    }

    private final JdbcClient jdbc;
    private final AccountsProperties properties;
    private final Clock clock;

    Sessions(JdbcClient jdbc, AccountsProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** @return the secret for the cookie; only its digest is stored */
    String start(String userId) {
        String secret = Secrets.generate("");
        OffsetDateTime now = OffsetDateTime.now(clock);
        jdbc.sql("INSERT INTO sessions (digest, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)")
                .params(Secrets.digest(secret), userId, now, now.plus(properties.sessionTimeout())).update();
        // Expired sessions are of no use to anyone; sweeping them here keeps the table small without a scheduler.
        jdbc.sql("DELETE FROM sessions WHERE expires_at < ?").param(now).update();
        return secret;
    }

    Optional<Session> find(String secret) {
        return jdbc.sql("SELECT digest, user_id, expires_at FROM sessions WHERE digest = ? AND expires_at > ?")
                .params(Secrets.digest(secret), OffsetDateTime.now(clock))
                .query((rs, n) -> new Session(rs.getString(1), rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class)))
                .optional();
    }

    /** @return the credential id of the ended session, if there was one */
    Optional<String> end(String secret) {
        String digest = Secrets.digest(secret);
        int deleted = jdbc.sql("DELETE FROM sessions WHERE digest = ?").param(digest).update();
        return deleted == 1 ? Optional.of("session:" + digest) : Optional.empty();
    }

    void endAllOf(String userId) {
        jdbc.sql("DELETE FROM sessions WHERE user_id = ?").param(userId).update();
    }

    List<String> digestsOf(String userId) {
        return jdbc.sql("SELECT digest FROM sessions WHERE user_id = ?").param(userId).query(String.class).list();
    }
}
