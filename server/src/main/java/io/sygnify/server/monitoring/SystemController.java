package io.sygnify.server.monitoring;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.sygnify.server.api.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@RestController
class SystemController {

    private static final int MAX_PAGE_SIZE = 200;

    private final SystemHealth health;
    private final SystemSampler sampler;
    private final AlertMonitor alerts;
    private final ActivityLog activity;

    private final Instances instances;

    SystemController(SystemHealth health, SystemSampler sampler, AlertMonitor alerts, ActivityLog activity,
                     Instances instances) {
        this.instances = instances;
        this.health = health;
        this.sampler = sampler;
        this.alerts = alerts;
        this.activity = activity;
    }

    /** 200 when every component is UP, 503 otherwise; the body says which and why either way. */
    @GetMapping("/api/system/health")
    Mono<ResponseEntity<SystemHealth.Report>> health() {
        return blocking(() -> {
            SystemHealth.Report report = health.check();
            return ResponseEntity.status("UP".equals(report.status()) ? 200 : 503).body(report);
        });
    }

    /** Every instance of the cluster (just this one on a single node) with its load, and the totals. */
    @GetMapping("/api/system/instances")
    Mono<Instances.View> instances() {
        return blocking(instances::view);
    }

    record MetricsView(SystemSnapshot current, List<SystemSnapshot> history) {
    }

    @GetMapping("/api/system/metrics")
    Mono<MetricsView> metrics(@RequestParam(defaultValue = "false") boolean history) {
        return blocking(() -> new MetricsView(sampler.latest().orElseGet(sampler::sample),
                history ? sampler.history() : List.of()));
    }

    @GetMapping("/api/system/alerts")
    Map<String, Object> alerts() {
        return alerts.view();
    }

    @GetMapping("/api/activity")
    Mono<ActivityLog.Page> activity(@RequestParam(defaultValue = "0") int page,
                                    @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid_page", "page must be >= 0 and size between 1 and "
                    + MAX_PAGE_SIZE + " (got page=" + page + ", size=" + size + ").");
        }
        return blocking(() -> activity.page(page, size));
    }

    private static <T> Mono<T> blocking(Callable<T> call) {
        return Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic());
    }
}
