package io.sygnify.server.monitoring;

/**
 * One entry of the activity log.
 *
 * @param kind     e.g. job_created, stage_changed, job_completed, job_failed, job_cancelled, clients, alert_raised,
 *                 alert_cleared
 * @param severity info, warning or critical
 * @param jobId    the job it is about, or null
 */
public record Activity(long id, double timestamp, String kind, String severity, String message, String jobId) {
}
