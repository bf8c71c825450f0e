/**
 * The engine's public API: {@link io.sygnify.analysis.CsvAnalyzer} reads one CSV and returns an
 * {@link io.sygnify.analysis.AnalysisReport}, reporting progress to a {@link io.sygnify.analysis.ProgressListener}
 * and stopping on a {@link io.sygnify.analysis.CancellationToken}. {@code ReportBuilder} runs the analyses in order.
 * Callers (the server, the benchmarks) use this package and {@link io.sygnify.analysis.report} only; the other
 * packages are the engine's insides, public to one another because Java has no narrower scope for sibling packages.
 */
package io.sygnify.analysis;
