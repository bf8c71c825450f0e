package io.sygnify.server.monitoring;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.annotation.PreDestroy;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The analysis engine: an in-memory DuckDB answers a query. The database is opened once and kept: the monitor asks
 * every second, and a fresh DuckDB each time started a thread pool per tick (about 2 % of a core at rest). A
 * failing query drops it, so the next check opens a new one.
 */
@Component
class EngineHealthIndicator implements HealthIndicator {

    private Connection connection;
    private String version;

    @Override
    public synchronized Health health() {
        try {
            if (connection == null) {
                connection = open();
            }
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT count(*) FROM range(10)")) {
                rs.next();
                if (rs.getLong(1) != 10) {
                    throw new SQLException("range(10) counted " + rs.getLong(1) + " rows");
                }
            }
            return Health.up().withDetail("engine", "DuckDB " + version).build();
        } catch (Exception e) {
            close();
            return Health.down().withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
        }
    }

    private Connection open() throws SQLException {
        Connection opened = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement statement = opened.createStatement()) {
            statement.execute("SET threads = 1");
            try (ResultSet rs = statement.executeQuery("SELECT version()")) {
                rs.next();
                version = rs.getString(1);
            }
            return opened;
        } catch (SQLException e) {
            opened.close();
            throw e;
        }
    }

    @PreDestroy
    synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing a broken in-memory database has nothing left to release
            }
            connection = null;
        }
    }
}
