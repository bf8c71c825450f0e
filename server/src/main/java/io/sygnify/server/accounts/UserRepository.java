package io.sygnify.server.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code users} table. */
@Repository
public class UserRepository {

    private static final String COLUMNS = "id, username, password_hash, role, enabled, created_at";

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UserAccount user) {
        jdbc.sql("INSERT INTO users (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)")
                .params(user.id(), user.username(), user.passwordHash(), user.role().name(), user.enabled(),
                        user.createdAt())
                .update();
    }

    public Optional<UserAccount> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = ?").param(id).query(UserRepository::map)
                .optional();
    }

    public Optional<UserAccount> findByName(String username) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE username = ?").param(normalise(username))
                .query(UserRepository::map).optional();
    }

    List<UserAccount> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users ORDER BY username").query(UserRepository::map).list();
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM users").query(Long.class).single();
    }

    long enabledAdmins() {
        return jdbc.sql("SELECT COUNT(*) FROM users WHERE role = 'ADMIN' AND enabled").query(Long.class).single();
    }

    void update(UserAccount user) {
        jdbc.sql("UPDATE users SET password_hash = ?, role = ?, enabled = ? WHERE id = ?")
                .params(user.passwordHash(), user.role().name(), user.enabled(), user.id()).update();
    }

    /** User names are compared case-insensitively: {@code Alice} and {@code alice} are one person. */
    public static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static UserAccount map(ResultSet rs, int row) throws SQLException {
        return new UserAccount(rs.getString("id"), rs.getString("username"), rs.getString("password_hash"),
                Role.valueOf(rs.getString("role")), rs.getBoolean("enabled"),
                rs.getObject("created_at", java.time.OffsetDateTime.class));
    }
}
