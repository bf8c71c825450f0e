package io.sygnify.server.monitoring;

import io.sygnify.server.realtime.RealtimeMetrics;
import org.springframework.stereotype.Component;

/**
 * Client connects and disconnects in aggregate: one activity entry per window with changes, never one per
 * client, so a reconnect wave of thousands is one line.
 */
@Component
class ConnectionActivity {

    private static final long WINDOW_MILLIS = 10_000;

    private final RealtimeMetrics realtime;
    private final ActivityLog activity;
    private long windowStart = System.currentTimeMillis();
    private long openedAtStart;
    private long closedAtStart;

    ConnectionActivity(SystemSampler sampler, RealtimeMetrics realtime, ActivityLog activity) {
        this.realtime = realtime;
        this.activity = activity;
        sampler.addListener(snapshot -> tick());
    }

    private synchronized void tick() {
        long now = System.currentTimeMillis();
        if (now - windowStart < WINDOW_MILLIS) {
            return;
        }
        long opened = realtime.totalOpened() - openedAtStart;
        long closed = realtime.totalClosed() - closedAtStart;
        if (opened > 0 || closed > 0) {
            activity.record("clients", "info", opened + " client(s) connected and " + closed + " disconnected in the "
                    + "last " + (now - windowStart) / 1000 + " s; " + realtime.connections() + " open.", null);
        }
        windowStart = now;
        openedAtStart += opened;
        closedAtStart += closed;
    }
}
