/** Which values of each dimension contribute most to a measure, and what yes/no columns go with. */
package io.sygnify.analysis.segments;
