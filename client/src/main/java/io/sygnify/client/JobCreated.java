package io.sygnify.client;

/**
 * The answer to an upload: the job exists and waits for a worker.
 *
 * @param jobId  the new job's id
 * @param status its status, {@code queued}
 * @param wsUrl  path of the job's own WebSocket endpoint, e.g. {@code /ws/job/<id>}
 */
public record JobCreated(String jobId, String status, String wsUrl) {
}
