package io.sygnify.analysis;

/**
 * Passes progress to the caller's {@link ProgressListener} while keeping its promises: stages only move
 * forward, fractions never decrease within a stage, and calls never overlap.
 *
 * <p>Both the analysing thread and the query progress thread report here, so a late poll from a query that
 * has already finished is dropped instead of moving the bar backwards.
 */
final class StageProgress {

    private final ProgressListener listener;
    private AnalysisStage stage;
    private double fraction;

    StageProgress(ProgressListener listener) {
        this.listener = listener;
    }

    synchronized void report(AnalysisStage newStage, double newFraction, String message) {
        double clamped = Math.max(0.0, Math.min(1.0, newFraction));
        boolean stageAdvances = stage == null || newStage.compareTo(stage) > 0;
        if (!stageAdvances && (newStage != stage || clamped <= fraction)) {
            return;
        }
        stage = newStage;
        fraction = clamped;
        listener.onProgress(newStage, clamped, message);
    }

    synchronized void section(String key, Object section) {
        listener.onSection(key, section);
    }
}
