package io.sygnify.server.jobs;

/** Why a running job was asked to stop. */
enum StopReason {
    /** Its owner cancelled it. */
    CANCELLED_BY_USER,
    /** It ran past {@code sygnify.jobs.time-limit}. */
    TIME_LIMIT,
    /** The server is shutting down; the job goes back to the queue. */
    SHUTDOWN,
    /** Cluster mode: this instance could not renew its lease and another instance may run the job now. */
    LEASE_LOST,
    /** Cluster mode: the job ended without this run (cancelled through another instance). */
    ENDED_ELSEWHERE
}
