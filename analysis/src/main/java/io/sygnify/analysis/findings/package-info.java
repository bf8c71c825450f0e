/** The ranked key findings: strongest first, each thing said once. */
package io.sygnify.analysis.findings;
