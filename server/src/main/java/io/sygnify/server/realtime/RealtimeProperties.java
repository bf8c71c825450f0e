package io.sygnify.server.realtime;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code sygnify.realtime.*}: limits and timings of the WebSocket layer, checked at start-up.
 *
 * @param heartbeatInterval      ping frame interval; a connection silent for two intervals is closed (4000)
 * @param maxQueuedBytes         outbound bytes a connection may have waiting; past it the client is closed (4008)
 * @param lagThresholdBytes      above this many queued bytes, progress updates of one job replace each other
 * @param maxInboundMessageBytes larger client messages close the connection (1009)
 * @param maxSubscriptions       jobs one connection may watch at once
 * @param inboundRatePerSecond   sustained client messages per second allowed per connection
 * @param inboundBurst           client messages allowed in a burst; past it the connection is closed (1008)
 * @param allowedOrigins         browser origins allowed to open sockets besides the server's own
 * @param maxConnections         connections beyond this are closed at once (1013)
 * @param shutdownBatchSize      sockets closed per batch when the server stops (1001)
 * @param shutdownBatchPause     pause between those batches, so clients don't all reconnect at once
 */
@ConfigurationProperties("sygnify.realtime")
public record RealtimeProperties(Duration heartbeatInterval, DataSize maxQueuedBytes, DataSize lagThresholdBytes,
                                 DataSize maxInboundMessageBytes, int maxSubscriptions, double inboundRatePerSecond,
                                 int inboundBurst, List<String> allowedOrigins, int maxConnections,
                                 int shutdownBatchSize, Duration shutdownBatchPause) {

    public RealtimeProperties {
        require(heartbeatInterval != null && heartbeatInterval.toMillis() >= 10,
                "sygnify.realtime.heartbeat-interval must be at least 10ms");
        require(maxQueuedBytes != null && maxQueuedBytes.toBytes() > 0,
                "sygnify.realtime.max-queued-bytes must be positive");
        require(lagThresholdBytes != null && lagThresholdBytes.toBytes() > 0
                        && lagThresholdBytes.toBytes() <= maxQueuedBytes.toBytes(),
                "sygnify.realtime.lag-threshold-bytes must be positive and at most max-queued-bytes");
        require(maxInboundMessageBytes != null && maxInboundMessageBytes.toBytes() >= 256,
                "sygnify.realtime.max-inbound-message-bytes must be at least 256B");
        require(maxSubscriptions >= 1, "sygnify.realtime.max-subscriptions must be at least 1");
        require(inboundRatePerSecond > 0, "sygnify.realtime.inbound-rate-per-second must be positive");
        require(inboundBurst >= 1, "sygnify.realtime.inbound-burst must be at least 1");
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        require(maxConnections >= 1, "sygnify.realtime.max-connections must be at least 1");
        require(shutdownBatchSize >= 1, "sygnify.realtime.shutdown-batch-size must be at least 1");
        require(shutdownBatchPause != null && !shutdownBatchPause.isNegative(),
                "sygnify.realtime.shutdown-batch-pause must not be negative");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
