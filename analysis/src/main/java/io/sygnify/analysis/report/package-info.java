/** The report's sections as records, serialised as the insights JSON (see {@code docs/insights-schema.json}). */
package io.sygnify.analysis.report;
