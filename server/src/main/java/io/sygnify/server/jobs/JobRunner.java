package io.sygnify.server.jobs;

import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.sygnify.analysis.AnalysisCancelledException;
import io.sygnify.analysis.AnalysisException;
import io.sygnify.analysis.AnalysisReport;
import io.sygnify.analysis.CsvAnalyzer;
import io.sygnify.server.config.SygnifyProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Analyses one claimed job from start to its terminal event. Runs on a worker thread. */
@Component
class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);

    private final JobRepository jobs;
    private final JobEventLog eventLog;
    private final RunningJobs running;
    private final CsvAnalyzer analyzer;
    private final JsonMapper json;
    private final SygnifyProperties properties;
    private final JobMetrics metrics;
    private final Clock clock;
    private final ScheduledExecutorService timeLimits = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sygnify-job-time-limit");
        t.setDaemon(true);
        return t;
    });

    JobRunner(JobRepository jobs, JobEventLog eventLog, RunningJobs running, CsvAnalyzer analyzer, JsonMapper json,
              SygnifyProperties properties, JobMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.jobs = jobs;
        this.eventLog = eventLog;
        this.running = running;
        this.analyzer = analyzer;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    void run(String jobId) {
        if (!jobs.claim(jobId, OffsetDateTime.now(clock))) {
            return; // cancelled while queued, or taken by another worker
        }
        Job job = jobs.find(jobId).orElseThrow();
        RunningJobs.Handle handle = running.register(jobId);
        long limitMillis = properties.jobs().timeLimit().toMillis();
        ScheduledFuture<?> limit = timeLimits.schedule(() -> handle.stop(StopReason.TIME_LIMIT), limitMillis,
                TimeUnit.MILLISECONDS);
        ProgressReporter progress = new ProgressReporter(jobId, eventLog, json);
        try {
            eventLog.update(jobId, JobStage.PARSING, 1, "Reading " + job.fileName() + " ("
                    + ByteSizes.human(job.sizeBytes()) + ")...");
            Path file = properties.uploadsDir().resolve(job.storedName());
            AnalysisReport report = analyzer.analyze(file, progress, handle.token(), properties.jobDir(jobId));
            jobs.saveResult(jobId, json.writeValueAsString(report), OffsetDateTime.now(clock));
            metrics.processed(report.dataset().rows(), job.sizeBytes());
            eventLog.complete(jobId, "Analysis complete.");
        } catch (AnalysisCancelledException e) {
            onStopped(job, handle.reason().get(), progress.currentStage(), limitMillis);
        } catch (AnalysisException e) {
            eventLog.fail(jobId, JobStage.ERROR, e.code(), "Processing failed: " + e.getMessage());
        } catch (RuntimeException e) {
            log.warn("Job {} failed unexpectedly in stage {}", jobId, progress.currentStage().wireName(), e);
            eventLog.fail(jobId, JobStage.ERROR, "internal_error", "Processing failed: internal error in stage "
                    + progress.currentStage().wireName() + " (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")");
        } finally {
            limit.cancel(false);
            running.unregister(jobId);
        }
    }

    private void onStopped(Job job, StopReason reason, JobStage stage, long limitMillis) {
        if (reason == null) {
            reason = StopReason.CANCELLED_BY_USER;
        }
        switch (reason) {
            case CANCELLED_BY_USER -> eventLog.fail(job.id(), JobStage.CANCELLED, "cancelled", "Cancelled by user.");
            case TIME_LIMIT -> eventLog.fail(job.id(), JobStage.ERROR, "time_limit",
                    "Processing failed: analysis of job " + job.id() + " timed out after " + limitMillis / 1000
                            + " s in stage " + stage.wireName() + ".");
            case SHUTDOWN -> {
                jobs.releaseAttempt(job.id());
                eventLog.update(job.id(), JobStage.QUEUED, 0,
                        "Server is restarting; the analysis will start again when it is back.");
            }
        }
    }
}
