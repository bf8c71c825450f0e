package io.sygnify.server.jobs;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Delivers events on the publishing thread; listeners must not block. */
@Component
class InProcessJobEventBus implements JobEventBus {

    private static final Logger log = LoggerFactory.getLogger(InProcessJobEventBus.class);

    private final List<Consumer<JobEvent>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void publish(JobEvent event) {
        for (Consumer<JobEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                log.warn("Listener failed on event {} of job {}", event.seq(), event.jobId(), e);
            }
        }
    }

    @Override
    public void subscribe(Consumer<JobEvent> listener) {
        listeners.add(listener);
    }
}
