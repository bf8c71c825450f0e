package io.sygnify.server.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sygnify.cluster.*}: the one switch for running several instances on shared PostgreSQL, Redis and
 * storage (docs/cluster.md). Off by default: the embedded single node needs none of it.
 *
 * @param enabled    run as one instance of a cluster
 * @param redisUrl   the event backbone, e.g. {@code redis://127.0.0.1:6379}
 * @param keyPrefix  prefix of every Redis channel, so that clusters (and test runs) never hear each other
 * @param instanceId this instance's name; empty means host name and port
 * @param lease      how long a job's claim lasts without renewal; a dead instance's jobs move after this
 */
@ConfigurationProperties("sygnify.cluster")
public record ClusterProperties(boolean enabled, String redisUrl, String keyPrefix, String instanceId,
                                Duration lease) {

    public ClusterProperties {
        if (lease == null) {
            lease = Duration.ofSeconds(15);
        }
        if (keyPrefix == null || keyPrefix.isBlank()) {
            keyPrefix = "sygnify";
        }
        if (enabled && (redisUrl == null || redisUrl.isBlank())) {
            throw new IllegalArgumentException("sygnify.cluster.redis-url must be set when sygnify.cluster.enabled");
        }
        if (lease.toMillis() < 1000) {
            throw new IllegalArgumentException("sygnify.cluster.lease must be at least 1s, was " + lease);
        }
    }
}
