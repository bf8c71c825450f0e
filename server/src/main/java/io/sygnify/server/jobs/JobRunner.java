package io.sygnify.server.jobs;

import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.sygnify.analysis.AnalysisCancelledException;
import io.sygnify.analysis.AnalysisException;
import io.sygnify.analysis.AnalysisReport;
import io.sygnify.analysis.CsvAnalyzer;
import io.sygnify.server.config.ClusterProperties;
import io.sygnify.server.config.InstanceIdentity;
import io.sygnify.server.config.SygnifyProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Analyses one claimed job from start to its terminal event. Runs on a worker thread. */
@Component
class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final JobRepository jobs;
    private final JobEventLog eventLog;
    private final RunningJobs running;
    private final CsvAnalyzer analyzer;
    private final ReportJson json;
    private final SygnifyProperties properties;
    private final JobMetrics metrics;
    private final Clock clock;
    private final ScheduledExecutorService timeLimits = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sygnify-job-time-limit");
        t.setDaemon(true);
        return t;
    });

    private final InstanceIdentity instance;
    private final ClusterProperties cluster;

    JobRunner(JobRepository jobs, JobEventLog eventLog, RunningJobs running, CsvAnalyzer analyzer, ReportJson json,
              SygnifyProperties properties, JobMetrics metrics, Clock clock, InstanceIdentity instance,
              ClusterProperties cluster) {
        this.instance = instance;
        this.cluster = cluster;
        this.metrics = metrics;
        this.jobs = jobs;
        this.eventLog = eventLog;
        this.running = running;
        this.analyzer = analyzer;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    /** Claims the job by id (single node), then analyses it. */
    void run(String jobId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<String> runId = jobs.claim(jobId, now, instance.id(), now.plus(cluster.lease()));
        if (runId.isEmpty()) {
            return; // cancelled while queued, or taken by another worker
        }
        runClaimed(jobId, runId.get());
    }

    /** Analyses a job this instance has already claimed, as run {@code runId}. */
    void runClaimed(String jobId, String runId) {
        Job job = jobs.find(jobId).orElseThrow();
        JobEventLog.Run run = eventLog.run(jobId, runId);
        RunningJobs.Handle handle = running.register(jobId);
        long limitMillis = properties.jobs().timeLimit().toMillis();
        ScheduledFuture<?> limit = timeLimits.schedule(() -> handle.stop(StopReason.TIME_LIMIT), limitMillis,
                TimeUnit.MILLISECONDS);
        ProgressReporter progress = new ProgressReporter(run, json);
        try {
            run.update(JobStage.PARSING, 1, "Reading " + job.fileName() + " ("
                    + ByteSizes.human(job.sizeBytes()) + ")...");
            Path file = properties.uploadsDir().resolve(job.storedName());
            AnalysisReport report = analyzer.analyze(file, progress, handle.token(), properties.jobDir(jobId));
            if (jobs.saveResult(jobId, runId, json.write(report), OffsetDateTime.now(clock))) {
                metrics.processed(report.dataset().rows(), job.sizeBytes());
                run.complete("Analysis complete.");
            } else {
                log.warn("Job {} analysed here after another instance took it over; its report is dropped", jobId);
            }
        } catch (AnalysisCancelledException e) {
            onStopped(job, run, handle.reason().get(), progress.currentStage(), limitMillis);
        } catch (AnalysisException e) {
            run.fail(JobStage.ERROR, e.code(), "Processing failed: " + e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Job {} failed unexpectedly in stage {}", jobId, progress.currentStage().wireName(), e);
            run.fail(JobStage.ERROR, "internal_error", "Processing failed: internal error in stage "
                    + progress.currentStage().wireName() + " (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")");
        } finally {
            limit.cancel(false);
            running.unregister(jobId);
        }
    }

    private void onStopped(Job job, JobEventLog.Run run, StopReason reason, JobStage stage, long limitMillis) {
        if (reason == null) {
            reason = StopReason.CANCELLED_BY_USER;
        }
        switch (reason) {
            case CANCELLED_BY_USER -> run.fail(JobStage.CANCELLED, "cancelled", "Cancelled by user.");
            case TIME_LIMIT -> run.fail(JobStage.ERROR, "time_limit",
                    "Processing failed: analysis of job " + job.id() + " timed out after " + limitMillis / 1000
                            + " s in stage " + stage.wireName() + ".");
            case LEASE_LOST -> log.warn("Job {} stopped here: this instance lost its lease and another may run it",
                    job.id());
            case ENDED_ELSEWHERE -> log.info("Job {} stopped here: it was ended through another instance", job.id());
            case SHUTDOWN -> {
                if (run.updateNow(JobStage.QUEUED, 0,
                        "Server is restarting; the analysis will start again when it is back.").isPresent()) {
                    jobs.releaseAttempt(job.id());
                }
            }
        }
    }
}
