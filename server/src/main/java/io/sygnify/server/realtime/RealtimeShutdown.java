package io.sygnify.server.realtime;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * On stop, after the job workers have re-queued what was running (their phase stops first) and before the web
 * server's graceful shutdown, closes every socket with 1001 in batches with a pause between them, so clients
 * reconnect spread out rather than all at once.
 */
@Component
class RealtimeShutdown implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RealtimeShutdown.class);

    private final LiveConnections connections;
    private final RealtimeProperties properties;
    private volatile boolean running;

    RealtimeShutdown(LiveConnections connections, RealtimeProperties properties) {
        this.connections = connections;
        this.properties = properties;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        // A client reconnecting within milliseconds must not land on the stopping server and hold up its
        // graceful shutdown until the timeout.
        connections.closeToNewConnections();
        List<ClientConnection> open = connections.snapshot();
        int batch = properties.shutdownBatchSize();
        for (int i = 0; i < open.size(); i += batch) {
            open.subList(i, Math.min(open.size(), i + batch)).forEach(c -> c.close(CloseCodes.GOING_AWAY));
            if (i + batch < open.size()) {
                pause();
            }
        }
        if (!open.isEmpty()) {
            log.info("Closed {} WebSocket connection(s) with 1001 in batches of {}", open.size(), batch);
        }
    }

    private void pause() {
        try {
            Thread.sleep(properties.shutdownBatchPause().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Between the job workers (default phase) and the web server's graceful shutdown (default − 1024). */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 512;
    }
}
