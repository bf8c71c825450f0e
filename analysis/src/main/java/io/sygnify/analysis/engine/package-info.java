/**
 * What every analysis shares: the DuckDB session of one analysis, the typed table's columns and their roles
 * ({@link io.sygnify.analysis.engine.AnalysisContext}), reading results, and the wording of numbers in sentences.
 */
package io.sygnify.analysis.engine;
