package io.sygnify.client;

import java.time.Duration;

/**
 * Timings of a {@link RealtimeConnection}: when to retry after losing the connection, and how often to check it
 * is alive.
 *
 * <p>Retry {@code n} (from 1) waits a uniformly random time between 0 and
 * {@code min(maxDelay, initialDelay * 2^(n-1))} ("full jitter", so clients dropped together do not return
 * together). After {@code maxAttempts} retries in a row the connection gives up; the count starts again once a
 * connection has stayed up for one heartbeat interval.
 *
 * @param initialDelay      upper bound of the first retry's delay
 * @param maxDelay          upper bound of any retry's delay
 * @param maxAttempts       retries in a row before giving up; 0 never retries
 * @param heartbeatInterval how often a {@code ping} is sent; no message at all for two intervals means the
 *                          connection is dead
 */
public record ReconnectPolicy(Duration initialDelay, Duration maxDelay, int maxAttempts, Duration heartbeatInterval) {

    /** 1 s initial delay, 30 s cap, 5 attempts, ping every 30 s. */
    public static final ReconnectPolicy DEFAULT =
            new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 5, Duration.ofSeconds(30));

    /** Doubling beyond this would overflow; the cap is reached long before anyway. */
    private static final int MAX_DOUBLINGS = 40;

    public ReconnectPolicy {
        requirePositive(initialDelay, "initialDelay");
        requirePositive(maxDelay, "maxDelay");
        requirePositive(heartbeatInterval, "heartbeatInterval");
        if (maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("maxDelay (" + maxDelay + ") must not be below initialDelay ("
                    + initialDelay + ")");
        }
        if (maxAttempts < 0) {
            throw new IllegalArgumentException("maxAttempts must not be negative, was " + maxAttempts);
        }
    }

    public ReconnectPolicy withMaxAttempts(int attempts) {
        return new ReconnectPolicy(initialDelay, maxDelay, attempts, heartbeatInterval);
    }

    public ReconnectPolicy withDelays(Duration initial, Duration max) {
        return new ReconnectPolicy(initial, max, maxAttempts, heartbeatInterval);
    }

    public ReconnectPolicy withHeartbeatInterval(Duration interval) {
        return new ReconnectPolicy(initialDelay, maxDelay, maxAttempts, interval);
    }

    /** The largest delay retry {@code attempt} (from 1) may wait. */
    public Duration ceiling(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt counts from 1, was " + attempt);
        }
        long initial = initialDelay.toMillis();
        long max = maxDelay.toMillis();
        int doublings = Math.min(attempt - 1, MAX_DOUBLINGS);
        long ceiling = initial > (max >> doublings) ? max : Math.min(max, initial << doublings);
        return Duration.ofMillis(ceiling);
    }

    /**
     * The delay before retry {@code attempt}: {@code random} (in [0, 1)) times {@link #ceiling(int)}.
     */
    public Duration delay(int attempt, double random) {
        if (!(random >= 0 && random < 1)) {
            throw new IllegalArgumentException("random must be in [0, 1), was " + random);
        }
        return Duration.ofMillis((long) (ceiling(attempt).toMillis() * random));
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
