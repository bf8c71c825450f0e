package io.sygnify.server.jobs;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import io.sygnify.server.accounts.Viewer;
import io.sygnify.server.api.ApiException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** What the engine understood of a file: the typed rows, the rejected rows, and the clean CSV. */
@RestController
@RequestMapping("/api/jobs/{id}")
class ParsedRowsController {

    private static final int MAX_LIMIT = 1000;

    private final ParsedRows parsedRows;
    private final JobService jobs;

    ParsedRowsController(ParsedRows parsedRows, JobService jobs) {
        this.parsedRows = parsedRows;
        this.jobs = jobs;
    }

    @GetMapping("/rows")
    Mono<ParsedRows.Page> rows(@PathVariable String id, @RequestParam(defaultValue = "0") long offset,
                               @RequestParam(defaultValue = "100") int limit,
                               @AuthenticationPrincipal Viewer viewer) {
        checkWindow(offset, limit);
        return Mono.fromCallable(() -> parsedRows.rows(jobs.get(id, viewer).id(), offset, limit)).subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping("/rejects")
    Mono<ParsedRows.Page> rejects(@PathVariable String id, @RequestParam(defaultValue = "0") long offset,
                                  @RequestParam(defaultValue = "100") int limit,
                                  @AuthenticationPrincipal Viewer viewer) {
        checkWindow(offset, limit);
        return Mono.fromCallable(() -> parsedRows.rejects(jobs.get(id, viewer).id(), offset, limit)).subscribeOn(Schedulers.boundedElastic());
    }

    /** Streams as it reads: a pipe carries DuckDB's rows to the response without holding the table in memory. */
    @GetMapping(value = "/rows.csv", produces = "text/csv")
    Mono<ResponseEntity<Flux<DataBuffer>>> csv(@PathVariable String id, @AuthenticationPrincipal Viewer viewer) {
        // Everything that can be refused is refused before the first byte is sent.
        return Mono.fromCallable(() -> {
            Job job = jobs.get(id, viewer);
            parsedRows.requireRows(id);
            return job;
        }).subscribeOn(Schedulers.boundedElastic()).map(job -> {
            String name = job.fileName().replaceAll("(?i)\\.(csv|tsv|txt)$", "") + "-parsed.csv";
            Flux<DataBuffer> body = Flux.from(DataBufferUtils.outputStreamPublisher(stream -> {
                try (Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8)) {
                    parsedRows.writeCsv(id, writer);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, DefaultDataBufferFactory.sharedInstance, task -> Schedulers.boundedElastic().schedule(task)));
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\""
                            + name.replaceAll("[\"\\\\\\r\\n]", "_") + "\"")
                    .body(body);
        });
    }

    private static void checkWindow(long offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid_window", "offset must be >= 0 and limit between 1"
                    + " and " + MAX_LIMIT + " (got offset=" + offset + ", limit=" + limit + ").");
        }
    }
}
