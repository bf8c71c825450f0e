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

    Instances(InstanceIdentity identity, SystemSampler sampler, SystemHealth health, SygnifyProperties properties,
              ObjectProvider<Peers> peers) {
        this.identity = identity;
        this.sampler = sampler;
        this.health = health;
        this.properties = properties;
        this.peers = peers;
    }

    /** Blocking: runs this instance's health checks. */
    public InstanceStatus self() {
        SystemSnapshot s = sampler.latest().orElseGet(sampler::sample);
        return new InstanceStatus(identity.id(), true, health.check().status(), identity.startedAt(), Instant.now(),
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

    private static int nz(Integer value) {
        return value == null ? 0 : value;
    }
}
