/** Sampling distributions and order statistics that the analyses test against. */
package io.sygnify.analysis.stats;
