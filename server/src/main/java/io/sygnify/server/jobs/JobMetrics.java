package io.sygnify.server.jobs;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.sygnify.server.monitoring.MetricNames;
import org.springframework.stereotype.Component;

/**
 * What jobs measure: created and finished counts, durations overall and per stage (from the events' own
 * timestamps), rows and bytes analysed, and the queue as the database holds it.
 */
@Component
public class JobMetrics {

    private final MeterRegistry registry;
    private final Counter created;
    private final Counter rows;
    private final Counter bytes;
    private final Map<String, StageClock> clocks = new ConcurrentHashMap<>();

    private record StageClock(JobStage stage, long stageStartMillis, long runStartMillis) {
    }

    JobMetrics(MeterRegistry registry, JobRepository jobs, RunningJobs running, JobEventBus bus) {
        this.registry = registry;
        created = Counter.builder(MetricNames.JOBS_CREATED).description("Jobs accepted by upload").register(registry);
        rows = Counter.builder(MetricNames.JOBS_ROWS_PROCESSED).description("Data rows analysed").register(registry);
        bytes = Counter.builder(MetricNames.JOBS_BYTES_PROCESSED).baseUnit("bytes").description("File bytes analysed")
                .register(registry);
        for (JobStage stage : JobStage.values()) {
            Gauge.builder(MetricNames.JOBS_BY_STATE, () -> jobs.count(stage)).tag("state", stage.wireName())
                    .description("Jobs in each state").register(registry);
        }
        Gauge.builder(MetricNames.JOBS_QUEUE_DEPTH, () -> jobs.count(JobStage.QUEUED))
                .description("Jobs waiting in the persisted queue").register(registry);
        Gauge.builder(MetricNames.JOBS_ACTIVE, running::count).description("Jobs being analysed on this instance")
                .register(registry);
        for (JobStage outcome : new JobStage[] {JobStage.INSIGHTS_READY, JobStage.ERROR, JobStage.CANCELLED}) {
            finishedCounter(outcome);
        }
        bus.subscribeToLocal(this::onEvent);
    }

    void created() {
        created.increment();
    }

    void processed(long rowCount, long byteCount) {
        rows.increment(rowCount);
        bytes.increment(byteCount);
    }

    public double finished(JobStage outcome) {
        return finishedCounter(outcome).count();
    }

    private Counter finishedCounter(JobStage outcome) {
        return Counter.builder(MetricNames.JOBS_FINISHED).tag("outcome", outcome.wireName())
                .description("Jobs that reached a terminal stage").register(registry);
    }

    private void onEvent(JobEvent event) {
        StageClock previous = clocks.get(event.jobId());
        if (previous != null && previous.stage() != event.stage()) {
            Timer.builder(MetricNames.JOBS_STAGE_DURATION).tag("stage", previous.stage().wireName())
                    .description("Time spent in each stage").register(registry)
                    .record(Duration.ofMillis(event.epochMillis() - previous.stageStartMillis()));
        }
        if (event.stage().isTerminal()) {
            clocks.remove(event.jobId());
            finishedCounter(event.stage()).increment();
            if (previous != null) {
                Timer.builder(MetricNames.JOBS_DURATION).tag("outcome", event.stage().wireName())
                        .description("Time from the first event to the end of a job").register(registry)
                        .record(Duration.ofMillis(event.epochMillis() - previous.runStartMillis()));
            }
        } else if (previous == null || previous.stage() != event.stage()) {
            long runStart = previous == null ? event.epochMillis() : previous.runStartMillis();
            clocks.put(event.jobId(), new StageClock(event.stage(), event.epochMillis(), runStart));
        }
    }
}
