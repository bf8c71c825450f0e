package io.sygnify.server.realtime;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import io.sygnify.server.accounts.Viewer;
import io.sygnify.server.jobs.JobService;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Server-Sent Events fallback for clients and proxies without WebSocket: the same job events, {@code id:} = seq,
 * resumable with {@code Last-Event-ID} (or {@code ?last_seq=}). The stream ends after the job's terminal event.
 */
@RestController
class JobEventStream {

    private final JobService jobs;
    private final JobFanOut fanOut;
    private final RealtimeMetrics metrics;
    private final RealtimeProperties properties;

    static final String ID_PREFIX = "sse-";
    private final InboundBudgets budgets;

    JobEventStream(JobService jobs, JobFanOut fanOut, RealtimeMetrics metrics, RealtimeProperties properties,
                   InboundBudgets budgets) {
        this.budgets = budgets;
        this.jobs = jobs;
        this.fanOut = fanOut;
        this.metrics = metrics;
        this.properties = properties;
    }

    @GetMapping(path = "/api/jobs/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<String>> events(@PathVariable String id,
                                         @RequestHeader(value = "Last-Event-ID", required = false) Long lastEventId,
                                         @RequestParam(value = "last_seq", required = false) Long lastSeq,
                                         @AuthenticationPrincipal Viewer viewer) {
        Long resumeFrom = lastEventId != null ? lastEventId : lastSeq;
        return Mono.fromCallable(() -> jobs.get(id, viewer)).subscribeOn(Schedulers.boundedElastic())
                .flatMapMany(job -> stream(id, resumeFrom, viewer));
    }

    private Flux<ServerSentEvent<String>> stream(String jobId, Long resumeFrom, Viewer viewer) {
        // Closing (on revoked access) simply ends the stream; SSE has no close codes.
        ClientConnection[] self = new ClientConnection[1];
        ClientConnection connection = new ClientConnection(ID_PREFIX + UUID.randomUUID(), viewer, properties, metrics,
                budgets.of(viewer), status -> self[0].markClosed());
        self[0] = connection;
        Flux<ServerSentEvent<String>> events = connection.frames()
                .filter(frame -> frame.jobId() != null)
                .takeUntil(frame -> "job_complete".equals(frame.type()) || "job_error".equals(frame.type()))
                .map(frame -> ServerSentEvent.builder(new String(frame.bytes(), StandardCharsets.UTF_8))
                        .id(Long.toString(frame.seq())).event(frame.type()).build());
        Duration keepAlive = properties.heartbeatInterval();
        Flux<ServerSentEvent<String>> comments = Flux.interval(keepAlive, keepAlive)
                .map(n -> ServerSentEvent.<String>builder().comment("keep-alive").build());
        Mono<Void> subscribe = Mono.fromRunnable(() -> fanOut.subscribe(connection, jobId, resumeFrom))
                .subscribeOn(Schedulers.boundedElastic()).then();
        // Keep-alive comments stop when the events end (after the terminal event).
        return subscribe.thenMany(events.publish(shared -> Flux.merge(shared,
                        comments.takeUntilOther(shared.then()))))
                .doFinally(signal -> {
                    connection.markClosed();
                    fanOut.unsubscribeAll(connection);
                });
    }
}
