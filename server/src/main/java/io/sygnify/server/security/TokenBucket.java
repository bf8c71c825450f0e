package io.sygnify.server.security;

/**
 * A token bucket: {@code burst} actions at once, refilled at a steady rate. One per user for uploads
 * (jobs/UploadRateLimit) and for WebSocket messages (realtime/InboundBudgets).
 */
public final class TokenBucket {

    private final double ratePerNano;
    private final double burst;
    private double tokens;
    private long lastNanos = System.nanoTime();

    public TokenBucket(double ratePerSecond, int burst) {
        this.ratePerNano = ratePerSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
    }

    /** Takes a token if there is one. */
    public synchronized boolean tryAcquire() {
        refill();
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }

    /** Whole seconds until the next token, at least 1: for a {@code Retry-After}. */
    public synchronized long secondsUntilNextToken() {
        refill();
        return Math.max(1, (long) Math.ceil((1 - tokens) / ratePerNano / 1e9));
    }

    private void refill() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - lastNanos) * ratePerNano);
        lastNanos = now;
    }
}
