package io.sygnify.server.api;

import org.springframework.http.HttpStatus;

/**
 * A request that cannot be served, with the stable {@code code} a client can switch on. Mapped to one RFC 9457
 * problem detail by {@link ProblemDetailsAdvice}.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    public ApiException(HttpStatus status, String code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
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
