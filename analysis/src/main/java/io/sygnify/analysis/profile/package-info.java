/** Per-column profiles (counts, quantiles, histograms, top values, date ranges) and the table's summary. */
package io.sygnify.analysis.profile;
