/** Data-quality alerts with their thresholds and evidence, and the quality score. */
package io.sygnify.analysis.quality;
