package io.sygnify.client;

import tools.jackson.databind.JsonNode;

/**
 * One event of a job, as the server sent it.
 *
 * @param seq       per-job sequence number: 1, 2, 3 … without gaps
 * @param stage     {@code queued}, {@code parsing}, {@code profiling}, {@code analyzing}, {@code insights_ready},
 *                  {@code error} or {@code cancelled}
 * @param progress  0–100, never going back within a job
 * @param timestamp epoch seconds, milliseconds as the fraction
 * @param code      stable failure reason on {@link JobEventType#ERROR} events (e.g. {@code header_only}), else null
 * @param insights  the report on {@link JobEventType#COMPLETE} events, else null
 */
public record JobEvent(JobEventType type, String jobId, long seq, String stage, int progress, String message,
                       double timestamp, String code, JsonNode insights) {

    /** Reads a {@code job_update}, {@code job_complete} or {@code job_error} message; null for any other type. */
    static JobEvent fromJson(JsonNode message) {
        JobEventType type = JobEventType.ofWireType(Json.text(message, "type"));
        if (type == null) {
            return null;
        }
        JsonNode insights = message.get("insights");
        return new JobEvent(type, Json.text(message, "job_id"), message.path("seq").asLong(),
                Json.text(message, "stage"), message.path("progress").asInt(), Json.text(message, "message"),
                message.path("timestamp").asDouble(), Json.text(message, "code"),
                insights == null || insights.isNull() ? null : insights);
    }
}
