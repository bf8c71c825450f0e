package io.sygnify.server.monitoring;

/**
 * A raised (or, in history, cleared) alert.
 *
 * @param rule      cpu, memory, disk, queue_depth, job_failure_rate or dropped_messages
 * @param value     the measured value that broke the threshold
 * @param threshold the configured threshold
 * @param clearedAt epoch seconds, or null while active
 */
public record Alert(String rule, String severity, String message, double value, double threshold, double raisedAt,
                    Double clearedAt) {

    Alert cleared(double at) {
        return new Alert(rule, severity, message, value, threshold, raisedAt, at);
    }
}
