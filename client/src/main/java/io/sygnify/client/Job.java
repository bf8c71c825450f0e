package io.sygnify.client;

import java.time.OffsetDateTime;
import java.util.Set;

/**
 * A job as {@code GET /api/jobs/{id}} shows it.
 *
 * @param status    {@code queued}, {@code parsing}, {@code profiling}, {@code analyzing}, {@code insights_ready},
 *                  {@code error} or {@code cancelled}
 * @param progress  0–100
 * @param error     why the job failed, or null
 * @param errorCode stable reason of the failure, e.g. {@code header_only}, or null
 * @param attempts  how often the job was started (a server stop re-queues a running job)
 * @param lastSeq   seq of the job's latest event; subscribe with it to get only what follows
 */
public record Job(String id, String fileName, long sizeBytes, String status, String stage, int progress,
                  String message, OffsetDateTime createdAt, OffsetDateTime startedAt, OffsetDateTime finishedAt,
                  String error, String errorCode, int attempts, long lastSeq, String wsUrl) {

    private static final Set<String> ENDED = Set.of("insights_ready", "error", "cancelled");

    /** Whether the job has reached one of its end states and will not change again. */
    public boolean ended() {
        return ENDED.contains(status);
    }
}
