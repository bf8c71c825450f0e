package io.sygnify.server.api;

import java.net.URI;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Every HTTP error leaves as a problem detail with a stable {@code code}. */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e, ServerWebExchange exchange) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
        problem.setTitle(e.status().getReasonPhrase());
        problem.setType(URI.create("https://sygnify.io/problems/" + e.code().replace('_', '-')));
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        problem.setProperty("code", e.code());
        var response = ResponseEntity.status(e.status());
        if (e.retryAfterSeconds() > 0) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        }
        return response.body(problem);
    }

    @ExceptionHandler({org.springframework.dao.DataAccessResourceFailureException.class,
            org.springframework.transaction.CannotCreateTransactionException.class})
    ResponseEntity<ProblemDetail> databaseDown(RuntimeException e, ServerWebExchange exchange) {
        log.warn("Database unavailable on {} {}: {}", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath(), e.getMessage());
        return api(new ApiException(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE, "database_unavailable",
                "The database is not answering; nothing was changed. Try again shortly."), exchange);
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ProblemDetail> unexpected(RuntimeException e, ServerWebExchange exchange) {
        log.warn("Unexpected error on {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(500),
                "Internal error: " + e.getClass().getSimpleName());
        problem.setProperty("code", "internal_error");
        return ResponseEntity.status(500).body(problem);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                                   HttpStatusCode status, ServerWebExchange exchange) {
        if (body == null && ex instanceof ErrorResponse errorResponse) {
            body = errorResponse.getBody();
        }
        if (body instanceof ProblemDetail problem && (problem.getProperties() == null
                || !problem.getProperties().containsKey("code"))) {
            problem.setProperty("code", codeFor(status));
        }
        return super.handleExceptionInternal(ex, body, headers, status, exchange);
    }

    static String codeFor(HttpStatusCode status) {
        if (status instanceof org.springframework.http.HttpStatus known) {
            return known.name().toLowerCase(Locale.ROOT);
        }
        return "http_" + status.value();
    }
}
