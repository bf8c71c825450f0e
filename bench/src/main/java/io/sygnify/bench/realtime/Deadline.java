package io.sygnify.bench.realtime;

import java.time.Duration;

/** A point in time every wait of a run is bounded by. */
record Deadline(long atNanos) {

    static Deadline after(Duration duration) {
        return new Deadline(System.nanoTime() + duration.toNanos());
    }

    boolean passed() {
        return System.nanoTime() - atNanos >= 0;
    }

    Duration remaining() {
        return Duration.ofNanos(Math.max(0, atNanos - System.nanoTime()));
    }

    /** The earlier of this deadline and {@code duration} from now. */
    Deadline within(Duration duration) {
        long other = System.nanoTime() + duration.toNanos();
        return other - atNanos < 0 ? new Deadline(other) : this;
    }
}
