package io.sygnify.server.realtime;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends each connection a WebSocket ping every heartbeat interval and closes connections that have sent nothing
 * for two intervals. Each connection's first ping comes at a random point of its first interval, so a wave of
 * reconnects does not turn into synchronised ping waves.
 */
@Component
class HeartbeatMonitor implements SmartLifecycle {

    private final LiveConnections connections;
    private final long intervalNanos;
    private ScheduledExecutorService scheduler;

    HeartbeatMonitor(LiveConnections connections, RealtimeProperties properties) {
        this.connections = connections;
        this.intervalNanos = properties.heartbeatInterval().toNanos();
    }

    /** Called for each new connection. */
    void register(ClientConnection connection) {
        connection.markAlive();
        connection.nextPingAt(System.nanoTime() + ThreadLocalRandom.current().nextLong(intervalNanos));
    }

    void check() {
        long now = System.nanoTime();
        java.time.Instant wallClock = java.time.Instant.now();
        for (ClientConnection connection : connections.snapshot()) {
            if (connection.isClosed()) {
                connection.releaseIfClosingSince(now - 2 * intervalNanos);
            } else if (connection.viewer() != null && connection.viewer().isExpiredAt(wallClock)) {
                connection.close(CloseCodes.UNAUTHENTICATED);
            } else if (now - connection.lastInboundNanos() > 2 * intervalNanos) {
                connection.close(CloseCodes.HEARTBEAT_TIMEOUT);
            } else if (now >= connection.nextPingNanos()) {
                connection.nextPingAt(now + intervalNanos);
                connection.send(OutboundFrame.PING);
            }
        }
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sygnify-heartbeat");
            t.setDaemon(true);
            return t;
        });
        // Ten checks per interval: pings leave at most a tenth of an interval late.
        long tick = Math.max(TimeUnit.MILLISECONDS.toNanos(5), intervalNanos / 10);
        scheduler.scheduleAtFixedRate(this::check, tick, tick, TimeUnit.NANOSECONDS);
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
    }
}
