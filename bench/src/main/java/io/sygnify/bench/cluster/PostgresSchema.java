package io.sygnify.bench.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A phase's own schema in the shared PostgreSQL database: the instances create it (Flyway, create-schemas) and
 * the benchmark drops it at the end, so runs neither see nor leave each other's jobs.
 */
record PostgresSchema(String jdbcUrl, String user, String name) {

    PostgresSchema {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("schema name must be a plain lower-case identifier, got " + name);
        }
    }

    /** The data source URL the instances get: this schema is their default. */
    String instanceUrl() {
        return jdbcUrl + "?currentSchema=" + name;
    }

    /** Fails fast, with the URL in the message, when PostgreSQL is not there or refuses the user. */
    static void check(String jdbcUrl, String user) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, "")) {
            connection.isValid(5);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + jdbcUrl + " (user " + user + ") is not usable: "
                    + e.getMessage() + "; see docs/cluster.md", e);
        }
    }

    void drop() throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
    }
}
