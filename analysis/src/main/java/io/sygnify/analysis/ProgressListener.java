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

    /**
     * A top-level section of the report is ready, before the whole report is: {@code key} is its JSON field name
     * in the report ({@code dataset}, {@code rejects}, {@code columns}, {@code relationships}, {@code outliers},
     * {@code time_series}, {@code segments}, {@code kpis}, {@code quality}, {@code key_findings}) and
     * {@code section} the same value the final report will hold. Called on the analysing thread, once per key.
     */
    default void onSection(String key, Object section) {
    }

    ProgressListener NONE = (stage, fraction, message) -> { };
}
