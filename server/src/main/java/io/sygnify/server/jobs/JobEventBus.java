package io.sygnify.server.jobs;

import java.util.function.Consumer;

/**
 * Carries committed job events to whoever delivers them live. The embedded default is in-process;
 * a cluster adapter would carry them between instances.
 */
public interface JobEventBus {

    /** Called after the event is stored; delivery order per job follows seq. */
    void publish(JobEvent event);

    /** Every event of every job, wherever it was appended: for delivering events to people. */
    void subscribe(Consumer<JobEvent> listener);

    /**
     * Only events appended by this instance, so that across a cluster each event is seen exactly once: for
     * counting and logging. On a single node the same as {@link #subscribe}.
     */
    default void subscribeToLocal(Consumer<JobEvent> listener) {
        subscribe(listener);
    }
}
