package io.sygnify.server.jobs;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a job is. The wire name is the lower-case name, e.g. {@code insights_ready}. */
public enum JobStage {
    QUEUED, PARSING, PROFILING, ANALYZING, INSIGHTS_READY, ERROR, CANCELLED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isTerminal() {
        return this == INSIGHTS_READY || this == ERROR || this == CANCELLED;
    }

    public boolean isRunning() {
        return this == PARSING || this == PROFILING || this == ANALYZING;
    }

    public static Optional<JobStage> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(name)).findFirst();
    }
}
