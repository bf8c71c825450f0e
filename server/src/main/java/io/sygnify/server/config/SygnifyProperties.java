package io.sygnify.server.config;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Everything under {@code sygnify.*}; checked at start-up so a bad value stops the server with a clear
 * message instead of being replaced by a default.
 */
@ConfigurationProperties("sygnify")
public record SygnifyProperties(Path dataDir, Upload upload, Jobs jobs, Engine engine, Monitoring monitoring) {

    public SygnifyProperties {
        require(dataDir != null, "sygnify.data-dir must be set");
        require(upload != null && jobs != null && engine != null && monitoring != null,
                "sygnify.upload, .jobs, .engine and .monitoring must be set");
    }

    /**
     * @param storageMinFree      storage health is DOWN when less than this is free under the data directory
     * @param activityRetention   activity entries kept; older ones are deleted
     * @param sampleInterval      how often system metrics are sampled and streamed
     * @param alerts              thresholds of the alert rules
     */
    public record Monitoring(DataSize storageMinFree, int activityRetention, Duration sampleInterval, Alerts alerts) {
        public Monitoring {
            require(storageMinFree != null && storageMinFree.toBytes() >= 0,
                    "sygnify.monitoring.storage-min-free must not be negative");
            require(activityRetention >= 1, "sygnify.monitoring.activity-retention must be at least 1, was "
                    + activityRetention);
            require(sampleInterval != null && sampleInterval.toMillis() >= 100,
                    "sygnify.monitoring.sample-interval must be at least 100ms");
            require(alerts != null, "sygnify.monitoring.alerts must be set");
        }
    }

    /**
     * @param cpu             process CPU share (0–1) that raises an alert when exceeded for {@code sustain}
     * @param memory          heap used / heap max (0–1) that raises an alert when exceeded for {@code sustain}
     * @param queueDepth      queued jobs above which an alert is raised
     * @param failureRate     share of failed jobs among the last {@code failureWindow} finished ones
     * @param failureWindow   how many finished jobs the failure rate looks at (and needs before it judges)
     * @param droppedMessages WebSocket frames dropped within one minute above which an alert is raised
     * @param sustain         how long a CPU or memory reading must stay above its threshold
     */
    public record Alerts(double cpu, double memory, int queueDepth, double failureRate, int failureWindow,
                         int droppedMessages, Duration sustain) {
        public Alerts {
            require(cpu > 0 && cpu <= 1, "sygnify.monitoring.alerts.cpu must be in (0, 1], was " + cpu);
            require(memory > 0 && memory <= 1, "sygnify.monitoring.alerts.memory must be in (0, 1], was " + memory);
            require(queueDepth >= 0, "sygnify.monitoring.alerts.queue-depth must not be negative");
            require(failureRate > 0 && failureRate <= 1,
                    "sygnify.monitoring.alerts.failure-rate must be in (0, 1], was " + failureRate);
            require(failureWindow >= 1, "sygnify.monitoring.alerts.failure-window must be at least 1");
            require(droppedMessages >= 0, "sygnify.monitoring.alerts.dropped-messages must not be negative");
            require(sustain != null && !sustain.isNegative(), "sygnify.monitoring.alerts.sustain must be set");
        }
    }

    /** @param maxSize largest accepted upload */
    public record Upload(DataSize maxSize) {
        public Upload {
            require(maxSize != null && maxSize.toBytes() > 0, "sygnify.upload.max-size must be positive");
        }
    }

    /**
     * @param workers     jobs analysed at once; 0 means one per CPU core
     * @param maxAttempts how often a job interrupted by a stop or crash is started again before it fails
     * @param timeLimit   a job running longer than this ends with an error
     * @param workerNice  added to the job workers' Linux nice value (0–19), so live delivery and requests get the
     *                    CPU before analysis on a busy machine; 0 leaves them at normal priority
     */
    /** @param retention finished jobs older than this are deleted with their data; zero keeps them for ever */
    public record Jobs(int workers, int maxAttempts, Duration timeLimit, int workerNice, Duration retention) {
        public Jobs {
            retention = retention == null ? Duration.ZERO : retention;
            require(!retention.isNegative(), "sygnify.jobs.retention must not be negative (0 = keep for ever)");
            require(workerNice >= 0 && workerNice <= 19, "sygnify.jobs.worker-nice must be 0 to 19, was " + workerNice);
            require(workers >= 0, "sygnify.jobs.workers must not be negative (0 = one per core), was " + workers);
            require(maxAttempts >= 1, "sygnify.jobs.max-attempts must be at least 1, was " + maxAttempts);
            require(timeLimit != null && !timeLimit.isNegative() && !timeLimit.isZero(),
                    "sygnify.jobs.time-limit must be positive");
        }

        public int effectiveWorkers() {
            return workers == 0 ? Runtime.getRuntime().availableProcessors() : workers;
        }
    }

    /**
     * @param threads     DuckDB threads per job; 0 means one per CPU core
     * @param memoryLimit DuckDB memory limit per job, e.g. {@code 1GB}; it spills to disk beyond it
     */
    public record Engine(int threads, String memoryLimit) {
        public Engine {
            require(threads >= 0, "sygnify.engine.threads must not be negative (0 = one per core), was " + threads);
            require(memoryLimit != null && !memoryLimit.isBlank(), "sygnify.engine.memory-limit must be set");
        }

        public int effectiveThreads() {
            return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
        }
    }

    public Path uploadsDir() {
        return dataDir.resolve("uploads");
    }

    /** What the engine wrote for one job: its parsed rows and rejects. */
    public Path jobDir(String jobId) {
        return dataDir.resolve("jobs").resolve(jobId);
    }

    public Path engineTempDir() {
        return dataDir.resolve("tmp");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
