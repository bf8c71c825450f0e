package io.sygnify.analysis;

/** The engine's stages, in the order it runs them. */
public enum AnalysisStage {
    PARSING,
    PROFILING,
    ANALYZING
}
