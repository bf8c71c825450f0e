package io.sygnify.server.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/** Runs every component's health check, timed, for {@code GET /api/system/health} and the monitor. */
@Component
public class SystemHealth {

    private static final String SUFFIX = "HealthIndicator";

    private final Map<String, HealthIndicator> indicators;

    SystemHealth(Map<String, HealthIndicator> indicators) {
        // Sygnify's own components only; Boot's liveness/readiness states are not components.
        this.indicators = indicators.entrySet().stream()
                .filter(e -> e.getValue().getClass().getPackageName().startsWith("io.sygnify"))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public record Component(String name, String status, double latencyMs, Map<String, Object> details) {
    }

    public record Report(String status, List<Component> components, double checkedAt) {
    }

    public Report check() {
        List<Component> components = new ArrayList<>();
        components.add(new Component("backend", Status.UP.getCode(), 0,
                Map.of("uptime_seconds", java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1000)));
        indicators.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            long start = System.nanoTime();
            Health health = entry.getValue().health();
            double latencyMs = (System.nanoTime() - start) / 1_000_000.0;
            components.add(new Component(componentName(entry.getKey()), health.getStatus().getCode(), latencyMs,
                    health.getDetails()));
        });
        boolean allUp = components.stream().allMatch(c -> c.status().equals(Status.UP.getCode()));
        return new Report(allUp ? Status.UP.getCode() : Status.DOWN.getCode(), components,
                System.currentTimeMillis() / 1000.0);
    }

    static String componentName(String beanName) {
        return beanName.endsWith(SUFFIX) ? beanName.substring(0, beanName.length() - SUFFIX.length()) : beanName;
    }
}
