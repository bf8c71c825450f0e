package io.sygnify.client;

/**
 * How far a subscription has read one job's events: drops what was already seen and says where to resume.
 * Not thread-safe; used only on the connection's own thread.
 */
final class JobCursor {

    static final long NOTHING_SEEN = -1;

    private long lastSeq;

    /** @param resumeAfter deliver only events after this seq, or {@link #NOTHING_SEEN} for current state first */
    JobCursor(long resumeAfter) {
        if (resumeAfter < NOTHING_SEEN) {
            throw new IllegalArgumentException("resumeAfter must be -1 (none) or a seq >= 0, was " + resumeAfter);
        }
        this.lastSeq = resumeAfter;
    }

    /** True, and remembers {@code seq}, when it is newer than anything seen; false for a duplicate or older one. */
    boolean advance(long seq) {
        if (seq <= lastSeq) {
            return false;
        }
        lastSeq = seq;
        return true;
    }

    /** The {@code last_seq} to subscribe with, or {@link #NOTHING_SEEN} to ask for the current state first. */
    long lastSeq() {
        return lastSeq;
    }
}
