package io.sygnify.server.monitoring;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** The analysis engine: an in-memory DuckDB opens and answers a query. */
@Component
class EngineHealthIndicator implements HealthIndicator {

    @Override
    public Health health() {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT version(), current_setting('threads')")) {
            rs.next();
            return Health.up().withDetail("engine", "DuckDB " + rs.getString(1))
                    .withDetail("default_threads", rs.getLong(2)).build();
        } catch (Exception e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
        }
    }
}
