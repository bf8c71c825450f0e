package io.sygnify.analysis;

/** The caller cancelled the analysis through its {@link CancellationToken}; no report was produced. */
public class AnalysisCancelledException extends Exception {

    public AnalysisCancelledException(String message) {
        super(message);
    }
}
