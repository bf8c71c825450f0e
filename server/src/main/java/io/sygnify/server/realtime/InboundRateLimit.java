package io.sygnify.server.realtime;

/** A token bucket: {@code burst} messages at once, refilled at {@code ratePerSecond}. Not thread-safe by design:
 * one connection's inbound messages are handled one at a time. */
final class InboundRateLimit {

    private final double ratePerNano;
    private final double burst;
    private double tokens;
    private long lastNanos = System.nanoTime();

    InboundRateLimit(double ratePerSecond, int burst) {
        this.ratePerNano = ratePerSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
    }

    synchronized boolean tryAcquire() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - lastNanos) * ratePerNano);
        lastNanos = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
