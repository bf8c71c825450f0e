/** Outlying values by robust methods, judged within groups where a category explains a measure, and bursts of them in time. */
package io.sygnify.analysis.outliers;
