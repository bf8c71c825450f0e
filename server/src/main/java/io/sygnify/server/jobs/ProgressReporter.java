package io.sygnify.server.jobs;

import io.sygnify.analysis.AnalysisStage;
import io.sygnify.analysis.ProgressListener;

/**
 * Turns the engine's per-stage fractions into job events with one overall percentage:
 * parsing 1–40 %, profiling 40–90 %, analysing 90–99 %, 100 % only with the result.
 *
 * <p>Emits only when the stage changes, or when the whole percentage rises and the last update of the stage is
 * at least {@link ProgressThrottle#DEFAULT_INTERVAL_NANOS} old, so a fast engine does not flood the event log
 * (a 10 MB file made 46 events, mostly one per percent). Report sections always go out at once.
 */
final class ProgressReporter implements ProgressListener {

    private final JobEventLog.Run run;
    private final ReportJson json;
    private volatile JobStage currentStage;
    private int lastProgress = -1;
    private final ProgressThrottle throttle = new ProgressThrottle(ProgressThrottle.DEFAULT_INTERVAL_NANOS);

    ProgressReporter(JobEventLog.Run run, ReportJson json) {
        this.run = run;
        this.json = json;
    }

    /** A report section is ready: it goes out at once as a {@code job_update} with {@code partial}. */
    @Override
    public synchronized void onSection(String key, Object section) {
        JobStage stage = currentStage();
        String partial = json.write(java.util.Map.of(key, section));
        run.partial(stage, Math.max(lastProgress, 0), "Report section ready: " + key, partial);
    }

    @Override
    public synchronized void onProgress(AnalysisStage stage, double fraction, String message) {
        JobStage jobStage = JobStage.valueOf(stage.name());
        int progress = overall(stage, fraction);
        if (jobStage == currentStage && progress <= lastProgress) {
            return;
        }
        if (!throttle.admit(jobStage, System.nanoTime())) {
            return;
        }
        currentStage = jobStage;
        lastProgress = Math.max(lastProgress, progress);
        run.update(jobStage, lastProgress, message);
    }

    /** The stage the engine last reported, for error messages. */
    JobStage currentStage() {
        return currentStage == null ? JobStage.PARSING : currentStage;
    }

    static int overall(AnalysisStage stage, double fraction) {
        double f = Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
        return switch (stage) {
            case PARSING -> 1 + (int) Math.floor(f * 39);
            case PROFILING -> 40 + (int) Math.floor(f * 50);
            case ANALYZING -> 90 + (int) Math.floor(f * 9);
        };
    }
}
