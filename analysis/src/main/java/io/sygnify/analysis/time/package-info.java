/**
 * The main measures over time: trend, seasonality, change points, period-over-period changes, unusual stretches,
 * forecasts, and counts kept to date.
 */
package io.sygnify.analysis.time;
