package io.sygnify.server.cluster;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/** Redis as the monitor shows it. DOWN does not stop the instance: events then come from the database. */
@Component
@ConditionalOnProperty(name = "sygnify.cluster.enabled", havingValue = "true")
class RedisHealthIndicator implements HealthIndicator {

    private final RedisLink redis;

    RedisHealthIndicator(RedisLink redis) {
        this.redis = redis;
    }

    @Override
    public Health health() {
        if (!redis.isUp()) {
            return Health.down().withDetail("error", "not connected; live events fall back to polling the database")
                    .build();
        }
        try {
            return Health.up().withDetail("ping_ms", redis.ping().toNanos() / 1e6).build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", String.valueOf(e.getMessage())).build();
        }
    }
}
