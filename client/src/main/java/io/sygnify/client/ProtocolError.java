package io.sygnify.client;

/**
 * An {@code error} message of the server: a request it could not serve. The connection stays open.
 *
 * @param code    {@code job_not_found}, {@code invalid_json}, {@code invalid_message} or {@code unknown_type}
 * @param jobId   the job the request was about, or null
 */
public record ProtocolError(String code, String message, String jobId) {
}
