package io.sygnify.server.monitoring;

/**
 * Every metric Sygnify exports, in one place. Prometheus sees them with dots as underscores and unit suffixes,
 * e.g. {@code sygnify.jobs.finished} → {@code sygnify_jobs_finished_total}; deploy/prometheus and deploy/grafana
 * use those names, and a test checks that each one is exported.
 */
public final class MetricNames {

    private MetricNames() {
    }

    /** Counter, tag {@code outcome} = insights_ready | error | cancelled. */
    public static final String JOBS_FINISHED = "sygnify.jobs.finished";
    /** Counter of jobs accepted by upload. */
    public static final String JOBS_CREATED = "sygnify.jobs.created";
    /** Gauge, tag {@code state}: jobs in each state, read from the database. */
    public static final String JOBS_BY_STATE = "sygnify.jobs.state";
    /** Gauge: jobs waiting in the persisted queue. */
    public static final String JOBS_QUEUE_DEPTH = "sygnify.jobs.queue.depth";
    /** Gauge: jobs being analysed on this instance. */
    public static final String JOBS_ACTIVE = "sygnify.jobs.active";
    /** Timer, tag {@code outcome}: from claim to terminal event. */
    public static final String JOBS_DURATION = "sygnify.jobs.duration";
    /** Timer, tag {@code stage}: time spent in each stage. */
    public static final String JOBS_STAGE_DURATION = "sygnify.jobs.stage.duration";
    /** Counter: data rows analysed. */
    public static final String JOBS_ROWS_PROCESSED = "sygnify.jobs.rows.processed";
    /** Counter, base unit bytes: file bytes analysed. */
    public static final String JOBS_BYTES_PROCESSED = "sygnify.jobs.processed";

    /** Gauge: open WebSocket connections. */
    public static final String WS_CONNECTIONS = "sygnify.ws.connections";
    /** Counter: frames handed to sockets. */
    public static final String WS_MESSAGES_SENT = "sygnify.ws.messages.sent";
    /** Counter: progress updates replaced by a newer one while the client lagged. */
    public static final String WS_MESSAGES_COALESCED = "sygnify.ws.messages.coalesced";
    /** Counter: frames not delivered because the client's queue overflowed and it was closed. */
    public static final String WS_MESSAGES_DROPPED = "sygnify.ws.messages.dropped";
    /** Counter, base unit bytes: payload bytes handed to sockets. */
    public static final String WS_BYTES_SENT = "sygnify.ws.outbound";

    /** Gauge, tag {@code rule}: 1 while an alert is raised. */
    public static final String ALERTS_ACTIVE = "sygnify.alerts.active";
}
