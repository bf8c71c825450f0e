/**
 * How columns relate: correlations, associations, exact dependencies ({@code net = gross - tax}), running
 * totals, and the time between two date columns.
 */
package io.sygnify.analysis.relationships;
