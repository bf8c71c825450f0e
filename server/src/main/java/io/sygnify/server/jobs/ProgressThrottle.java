package io.sygnify.server.jobs;

/**
 * Lets a job's progress through at most once per interval while its stage stays the same; a new stage always
 * passes. Four updates a second already look continuous on a progress bar, and each event costs a database
 * transaction, a socket write per watcher and, in a cluster, a Redis publish.
 */
final class ProgressThrottle {

    static final long DEFAULT_INTERVAL_NANOS = 250_000_000L;

    private final long intervalNanos;
    private JobStage stage;
    private long lastNanos;

    ProgressThrottle(long intervalNanos) {
        this.intervalNanos = intervalNanos;
    }

    /** Whether an update of {@code stage} at {@code nowNanos} (a {@link System#nanoTime()} reading) goes out. */
    boolean admit(JobStage stage, long nowNanos) {
        if (stage != this.stage || nowNanos - lastNanos >= intervalNanos) {
            this.stage = stage;
            this.lastNanos = nowNanos;
            return true;
        }
        return false;
    }
}
