package io.sygnify.analysis;

import java.util.List;

/** A report section and the key findings it supports. */
record Analyzed<T>(T section, List<KeyFinding> findings) {
}
