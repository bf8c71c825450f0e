package io.sygnify.server.jobs;

import java.time.OffsetDateTime;

/** A job as stored: one uploaded file and where its analysis is. */
public record Job(String id, String owner, String fileName, String storedName, long sizeBytes, JobStage status,
                  int progress, String message, String errorCode, String error, long lastSeq, int attempts,
                  OffsetDateTime createdAt, OffsetDateTime startedAt, OffsetDateTime finishedAt) {
}
