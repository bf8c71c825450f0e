package io.sygnify.server.api;

import org.springframework.http.HttpStatus;

/**
 * A request that cannot be served, with the stable {@code code} a client can switch on. Mapped to one RFC 9457
 * problem detail by {@link ProblemDetailsAdvice}.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final long retryAfterSeconds;

    public ApiException(HttpStatus status, String code, String detail) {
        this(status, code, detail, 0);
    }

    /** @param retryAfterSeconds sent as {@code Retry-After} when positive (429, 503) */
    public ApiException(HttpStatus status, String code, String detail, long retryAfterSeconds) {
        super(detail);
        this.status = status;
        this.code = code;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public static ApiException notFound(String what, String id) {
        return new ApiException(HttpStatus.NOT_FOUND, what + "_not_found", "No " + what + " with id " + id + ".");
    }
}
