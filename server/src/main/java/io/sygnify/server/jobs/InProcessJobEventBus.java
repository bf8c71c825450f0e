package io.sygnify.server.jobs;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Delivers events in publication order on one thread of its own, at normal priority: events are published while
 * {@link JobEventLog} holds the job's append lock, and fanning one out to thousands of sockets must delay neither
 * the next append nor a publisher that may run at a worker's lower priority ({@link WorkerPriority}). Listeners
 * must not block.
 */
@Component
@ConditionalOnProperty(name = "sygnify.cluster.enabled", havingValue = "false", matchIfMissing = true)
class InProcessJobEventBus implements JobEventBus, org.springframework.beans.factory.DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(InProcessJobEventBus.class);

    private final List<Consumer<JobEvent>> listeners = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.ExecutorService delivery = java.util.concurrent.Executors.newSingleThreadExecutor(
            task -> {
                Thread thread = new Thread(task, "sygnify-event-delivery");
                thread.setDaemon(true);
                return thread;
            });

    @Override
    public void publish(JobEvent event) {
        try {
            delivery.execute(() -> deliver(event));
        } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
            deliver(event);
        }
    }

    private void deliver(JobEvent event) {
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

    @Override
    public void destroy() {
        // what was published before the stop still goes out (e.g. "re-queued by the restart")
        delivery.shutdown();
        try {
            delivery.awaitTermination(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
