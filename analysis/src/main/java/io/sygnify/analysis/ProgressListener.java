package io.sygnify.analysis;

/**
 * Receives the engine's progress while it analyses one file.
 *
 * <p>Called from the analysing thread, or, while a long DuckDB query runs, from the engine's progress thread.
 * Calls never overlap and arrive in stage order. Implementations must be quick and must not throw.
 */
@FunctionalInterface
public interface ProgressListener {

    /**
     * @param stage    the stage the engine is in
     * @param fraction progress within that stage, 0.0 to 1.0 (never decreasing within a stage)
     * @param message  a short human-readable description of what is happening now
     */
    void onProgress(AnalysisStage stage, double fraction, String message);

    ProgressListener NONE = (stage, fraction, message) -> { };
}
