package io.sygnify.client;

/** What a WebSocket close code from the server means for the client (docs/protocol.md, "Close codes"). */
final class CloseCodes {

    static final int NORMAL = 1000;
    /** The JDK reports a connection lost without a close frame as 1006. */
    static final int ABNORMAL = 1006;

    private CloseCodes() {
    }

    /**
     * Whether to reconnect after the server closed with {@code code}: not after a normal close, and never after
     * 44xx (authentication and authorisation: retrying cannot help); every other code is transient (1001 going
     * away, 1008 rate limit, 1009, 1011, 1013, 4000 heartbeat, 4008 too slow …).
     */
    static boolean reconnects(int code) {
        return code != NORMAL && !refusesClient(code);
    }

    /** 4400–4499: the server refuses this client (4401 unauthenticated, 4403 forbidden). */
    static boolean refusesClient(int code) {
        return code >= 4400 && code <= 4499;
    }
}
