package io.sygnify.analysis.engine;

import io.sygnify.analysis.report.KeyFinding;
import java.util.List;

/** A report section and the key findings it supports. */
public record Analyzed<T>(T section, List<KeyFinding> findings) {
}
