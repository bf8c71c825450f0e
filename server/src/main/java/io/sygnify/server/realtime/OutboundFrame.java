package io.sygnify.server.realtime;

/**
 * One frame waiting to be written to a client. {@code bytes} are shared by every recipient of a broadcast and
 * must never be modified.
 *
 * @param kind  how the queue may treat it when the client lags
 * @param jobId the job a job event is about, null otherwise
 * @param seq   the job event's seq, 0 otherwise
 * @param type  the message's {@code type}, for SSE's {@code event:} field
 */
public record OutboundFrame(Kind kind, String jobId, long seq, String type, byte[] bytes) {

    public enum Kind {
        /** A {@code job_update}: while the client lags, a newer one of the same job replaces it. */
        PROGRESS,
        /** Everything else: terminal job events, answers, system messages. Never dropped while connected. */
        ESSENTIAL,
        /** A WebSocket ping frame. */
        PING
    }

    static final OutboundFrame PING = new OutboundFrame(Kind.PING, null, 0, "ping", new byte[0]);

    static OutboundFrame message(String type, byte[] bytes) {
        return new OutboundFrame(Kind.ESSENTIAL, null, 0, type, bytes);
    }

    int size() {
        return bytes.length;
    }
}
