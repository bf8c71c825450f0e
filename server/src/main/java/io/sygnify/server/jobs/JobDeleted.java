package io.sygnify.server.jobs;

/** Published (as a Spring application event) once a job and its data are gone; {@code expired}: by retention. */
public record JobDeleted(String jobId, String fileName, boolean expired) {
}
