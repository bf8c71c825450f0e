package io.sygnify.server.realtime;

import org.springframework.web.reactive.socket.CloseStatus;

/**
 * Close codes the server uses (docs/protocol.md). RFC 6455 codes where one fits; in the private range,
 * 40xx means "reconnect (and resume)" and 44xx means "do not reconnect without new credentials".
 */
public final class CloseCodes {

    private CloseCodes() {
    }

    public static final CloseStatus GOING_AWAY = new CloseStatus(1001, "Server shutting down; reconnect and resume");
    public static final CloseStatus RATE_LIMITED = new CloseStatus(1008, "Too many messages; slow down and reconnect");
    public static final CloseStatus TOO_BIG = new CloseStatus(1009, "Message too big");
    public static final CloseStatus SERVER_ERROR = new CloseStatus(1011, "Unexpected server error; reconnect");
    public static final CloseStatus TRY_AGAIN_LATER = new CloseStatus(1013, "Too many connections; try again later");
    public static final CloseStatus HEARTBEAT_TIMEOUT = new CloseStatus(4000, "No frame received for two heartbeat "
            + "intervals; reconnect");
    public static final CloseStatus PERMISSIONS_CHANGED = new CloseStatus(4001, "Your role changed; reconnect");
    public static final CloseStatus TOO_SLOW = new CloseStatus(4008, "Client too slow; reconnect and resume with "
            + "last_seq");
    public static final CloseStatus UNAUTHENTICATED = new CloseStatus(4401, "Not signed in, or credential revoked "
            + "or expired");
    public static final CloseStatus FORBIDDEN = new CloseStatus(4403, "Account disabled");
}
