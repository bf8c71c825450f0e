package io.sygnify.server.realtime;

import java.nio.ByteBuffer;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;

/**
 * One frame waiting to be written to a client. {@code bytes} are shared by every recipient of a broadcast and
 * must never be modified.
 *
 * @param kind   how the queue may treat it when the client lags
 * @param jobId  the job a job event is about, null otherwise
 * @param seq    the job event's seq, 0 otherwise
 * @param type   the message's {@code type}, for SSE's {@code event:} field
 * @param shared for a broadcast ({@link #forMany()}), one off-heap copy of {@code bytes} that every socket
 *               writes a read-only view of, so the transport copies nothing per subscriber (a heap array is
 *               copied to direct memory once per socket before the kernel copies it again); null otherwise
 */
public record OutboundFrame(Kind kind, String jobId, long seq, String type, byte[] bytes, ByteBuffer shared) {

    public enum Kind {
        /** A {@code job_update}: while the client lags, a newer one of the same job replaces it. */
        PROGRESS,
        /** Everything else: terminal job events, answers, system messages. Never dropped while connected. */
        ESSENTIAL,
        /** A WebSocket ping frame. */
        PING
    }

    static final OutboundFrame PING = new OutboundFrame(Kind.PING, null, 0, "ping", new byte[0]);

    public OutboundFrame(Kind kind, String jobId, long seq, String type, byte[] bytes) {
        this(kind, jobId, seq, type, bytes, null);
    }

    static OutboundFrame message(String type, byte[] bytes) {
        return new OutboundFrame(Kind.ESSENTIAL, null, 0, type, bytes);
    }

    int size() {
        return bytes.length;
    }

    /** The same frame with the off-heap copy all its sockets will share; for a frame going to many queues. */
    OutboundFrame forMany() {
        ByteBuffer copy = ByteBuffer.allocateDirect(bytes.length);
        copy.put(bytes).flip();
        return new OutboundFrame(kind, jobId, seq, type, bytes, copy);
    }

    /** A Netty frame over the shared bytes (a view, not a copy). */
    WebSocketFrame toWebSocketFrame() {
        if (kind == Kind.PING) {
            return new PingWebSocketFrame();
        }
        return new TextWebSocketFrame(shared != null ? Unpooled.wrappedBuffer(shared.asReadOnlyBuffer())
                : Unpooled.wrappedBuffer(bytes));
    }
}
