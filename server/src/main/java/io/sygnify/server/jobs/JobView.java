package io.sygnify.server.jobs;

import java.time.OffsetDateTime;

/** A job as the REST API shows it. */
public record JobView(String id, String fileName, long sizeBytes, String status, String stage, int progress,
                      String message, OffsetDateTime createdAt, OffsetDateTime startedAt, OffsetDateTime finishedAt,
                      String error, String errorCode, int attempts, long lastSeq, String wsUrl, String owner,
                      String access) {

    /**
     * @param ownerName the owner's user name
     * @param access    "owner" or "shared" from the asker's side; null in the operators' monitor
     */
    static JobView of(Job job, String ownerName, String access) {
        return new JobView(job.id(), job.fileName(), job.sizeBytes(), job.status().wireName(),
                job.status().wireName(), job.progress(), job.message(), job.createdAt(), job.startedAt(),
                job.finishedAt(), job.error(), job.errorCode(), job.attempts(), job.lastSeq(), "/ws/job/" + job.id(),
                ownerName, access);
    }
}
