package io.sygnify.server.jobs;

import java.util.function.Consumer;

/**
 * Carries committed job events to whoever delivers them live. The embedded default is in-process;
 * a cluster adapter would carry them between instances.
 */
public interface JobEventBus {

    /** Called after the event is stored; delivery order per job follows seq. */
    void publish(JobEvent event);

    void subscribe(Consumer<JobEvent> listener);
}
