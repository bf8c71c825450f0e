package io.sygnify.server.monitoring;

import java.time.Instant;

/**
 * One instance as the monitor shows it. In a cluster each instance broadcasts its own every sample interval.
 *
 * @param cpu process CPU share (0–1), null when unknown
 */
public record InstanceStatus(String instanceId, boolean self, String status, Instant startedAt, Instant lastSeen,
                             Double cpu, Long heapUsedBytes, Long heapMaxBytes, Integer connections,
                             Integer runningJobs, Integer workers, Long queueDepth) {

    public InstanceStatus asPeer() {
        return new InstanceStatus(instanceId, false, status, startedAt, lastSeen, cpu, heapUsedBytes, heapMaxBytes,
                connections, runningJobs, workers, queueDepth);
    }
}
