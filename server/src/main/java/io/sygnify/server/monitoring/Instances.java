package io.sygnify.server.monitoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.sygnify.server.config.InstanceIdentity;
import io.sygnify.server.config.SygnifyProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** This instance's status and, in a cluster, the others' as they last reported it; with totals. */
@Component
public class Instances {

    /** Where the other instances' reports come from: nowhere on a single node. */
    public interface Peers {
        List<InstanceStatus> peers();
    }

    public record Totals(int instances, int connections, int runningJobs, int workers) {
    }

    public record View(List<InstanceStatus> instances, Totals totals) {
    }

    private final InstanceIdentity identity;
    private final SystemSampler sampler;
    private final SystemHealth health;
    private final SygnifyProperties properties;
    private final ObjectProvider<Peers> peers;
    private volatile String healthStatus;
    private volatile long healthCheckedNanos;

    Instances(InstanceIdentity identity, SystemSampler sampler, SystemHealth health, SygnifyProperties properties,
              ObjectProvider<Peers> peers) {
        this.identity = identity;
        this.sampler = sampler;
        this.health = health;
        this.properties = properties;
        this.peers = peers;
    }

    /** Blocking: may run this instance's health checks. */
    public InstanceStatus self() {
        SystemSnapshot s = sampler.latest().orElseGet(sampler::sample);
        return new InstanceStatus(identity.id(), true, healthStatus(), identity.startedAt(), Instant.now(),
                s.processCpu() < 0 ? null : s.processCpu(), s.heapUsedBytes(), s.heapMaxBytes(), s.wsConnections(),
                s.activeJobs(), properties.jobs().effectiveWorkers(), s.queuedJobs());
    }

    public View view() {
        List<InstanceStatus> all = new ArrayList<>();
        all.add(self());
        Peers source = peers.getIfAvailable();
        if (source != null) {
            source.peers().stream().sorted(Comparator.comparing(InstanceStatus::instanceId)).forEach(all::add);
        }
        Totals totals = new Totals(all.size(), all.stream().mapToInt(i -> nz(i.connections())).sum(),
                all.stream().mapToInt(i -> nz(i.runningJobs())).sum(), all.stream().mapToInt(i -> nz(i.workers())).sum());
        return new View(all, totals);
    }

    /**
     * The overall health, checked at most every {@link #HEALTH_REFRESH_NANOS}: in a cluster this instance reports
     * itself every second, and the engine's check alone (a fresh DuckDB database) costs about 13 ms.
     */
    private String healthStatus() {
        long now = System.nanoTime();
        String status = healthStatus;
        if (status == null || now - healthCheckedNanos >= HEALTH_REFRESH_NANOS) {
            status = health.check().status();
            healthStatus = status;
            healthCheckedNanos = now;
        }
        return status;
    }

    private static final long HEALTH_REFRESH_NANOS = 5_000_000_000L;

    private static int nz(Integer value) {
        return value == null ? 0 : value;
    }
}
