package io.sygnify.server.jobs;

import java.util.concurrent.Callable;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.sygnify.server.accounts.Viewer;
import io.sygnify.server.api.ApiException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@RestController
@RequestMapping("/api/jobs")
class JobController {

    private static final int MAX_PAGE_SIZE = 200;

    private final JobService jobs;
    private final UploadStorage storage;

    private final UploadRateLimit uploadRateLimit;

    private final JobDeletion deletion;

    JobController(JobService jobs, JobDeletion deletion, UploadStorage storage, UploadRateLimit uploadRateLimit) {
        this.deletion = deletion;
        this.jobs = jobs;
        this.storage = storage;
        this.uploadRateLimit = uploadRateLimit;
    }

    record JobCreated(String jobId, String status, String wsUrl) {
    }

    /** The upload form as OpenAPI shows it: the body is read raw (MultipartUpload), so it cannot be inferred. */
    record UploadForm(@Schema(type = "string", format = "binary", description = "The CSV file") String file) {
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            mediaType = MediaType.MULTIPART_FORM_DATA_VALUE, schema = @Schema(implementation = UploadForm.class)))
    Mono<ResponseEntity<JobCreated>> upload(@RequestBody Flux<DataBuffer> body, ServerHttpRequest request,
                                            @AuthenticationPrincipal Viewer viewer) {
        if (!jobs.acceptingUploads()) {
            return Mono.error(JobService.shuttingDown());
        }
        uploadRateLimit.check(viewer);
        return new MultipartUpload(storage, request.getHeaders().getContentLength(),
                request.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE)).fileFrom(body)
                .flatMap(file -> blocking(() -> jobs.create(viewer, file.clientName(), file.stored())))
                .map(job -> ResponseEntity.status(HttpStatus.ACCEPTED)
                        .body(new JobCreated(job.id(), job.status().wireName(), "/ws/job/" + job.id())));
    }

    @GetMapping
    Mono<JobService.Page> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
                               @RequestParam(required = false) String status,
                               @AuthenticationPrincipal Viewer viewer) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid_page",
                    "page must be >= 0 and size between 1 and " + MAX_PAGE_SIZE + " (got page=" + page + ", size="
                            + size + ").");
        }
        JobStage filter = status == null || status.isBlank() ? null : JobStage.fromWireName(status)
                .orElseThrow(() -> new ApiException(HttpStatus.BAD_REQUEST, "invalid_status", "Unknown status '"
                        + status + "'; use one of queued, parsing, profiling, analyzing, insights_ready, error, "
                        + "cancelled."));
        return blocking(() -> jobs.page(viewer, filter, page, size));
    }

    @GetMapping("/{id}")
    Mono<JobView> get(@PathVariable String id, @AuthenticationPrincipal Viewer viewer) {
        return blocking(() -> jobs.view(id, viewer));
    }

    @GetMapping("/{id}/timeline")
    Mono<StageTimeline> timeline(@PathVariable String id, @AuthenticationPrincipal Viewer viewer) {
        return blocking(() -> jobs.timeline(id, viewer));
    }

    @GetMapping(value = "/{id}/insights", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<String> insights(@PathVariable String id, @AuthenticationPrincipal Viewer viewer) {
        return blocking(() -> jobs.insights(id, viewer));
    }

    @PostMapping("/{id}/cancel")
    Mono<ResponseEntity<JobView>> cancel(@PathVariable String id, @AuthenticationPrincipal Viewer viewer) {
        return blocking(() -> {
            jobs.cancel(id, viewer);
            return ResponseEntity.accepted().body(jobs.view(id, viewer));
        });
    }

    @DeleteMapping("/{id}")
    Mono<ResponseEntity<Void>> delete(@PathVariable String id, @AuthenticationPrincipal Viewer viewer) {
        return blocking(() -> {
            deletion.delete(id, viewer);
            return ResponseEntity.noContent().build();
        });
    }

    private static <T> Mono<T> blocking(Callable<T> call) {
        return Mono.fromCallable(call).subscribeOn(Schedulers.boundedElastic());
    }
}
