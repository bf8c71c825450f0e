package io.sygnify.client;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The listeners of one {@link RealtimeConnection}, called one at a time, in the order things happened, on a
 * single dedicated thread ({@code sygnify-realtime-listeners}). A listener that throws is logged and skipped;
 * the others still run.
 */
final class RealtimeListeners {

    private static final System.Logger log = System.getLogger(RealtimeListeners.class.getName());

    private final Map<String, Map<JobEventType, List<Consumer<JobEvent>>>> jobListeners = new ConcurrentHashMap<>();
    private final List<Consumer<ConnectionState>> stateListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<ProtocolError>> errorListeners = new CopyOnWriteArrayList<>();
    private volatile Thread listenerThread;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread t = new Thread(runnable, "sygnify-realtime-listeners");
        t.setDaemon(true);
        listenerThread = t;
        return t;
    });

    void add(String jobId, JobEventType type, Consumer<JobEvent> listener) {
        jobListeners.computeIfAbsent(jobId, id -> new ConcurrentHashMap<>())
                .computeIfAbsent(type, t -> new CopyOnWriteArrayList<>())
                .add(listener);
    }

    boolean remove(String jobId, JobEventType type, Consumer<JobEvent> listener) {
        Map<JobEventType, List<Consumer<JobEvent>>> byType = jobListeners.get(jobId);
        return byType != null && byType.getOrDefault(type, List.of()).remove(listener);
    }

    void addStateListener(Consumer<ConnectionState> listener) {
        stateListeners.add(listener);
    }

    boolean removeStateListener(Consumer<ConnectionState> listener) {
        return stateListeners.remove(listener);
    }

    void addErrorListener(Consumer<ProtocolError> listener) {
        errorListeners.add(listener);
    }

    boolean removeErrorListener(Consumer<ProtocolError> listener) {
        return errorListeners.remove(listener);
    }

    void jobEvent(JobEvent event) {
        run(() -> {
            Map<JobEventType, List<Consumer<JobEvent>>> byType = jobListeners.getOrDefault(event.jobId(), Map.of());
            callAll(byType.getOrDefault(event.type(), List.of()), event);
        });
    }

    void stateChanged(ConnectionState state) {
        run(() -> callAll(stateListeners, state));
    }

    void protocolError(ProtocolError error) {
        run(() -> callAll(errorListeners, error));
    }

    /** Runs what is already queued, then stops the thread (waiting for it, unless called by a listener). */
    void shutdown(long timeoutMillis) {
        thread.shutdown();
        if (Thread.currentThread() == listenerThread) {
            return;
        }
        try {
            thread.awaitTermination(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run(Runnable task) {
        if (!thread.isShutdown()) {
            try {
                thread.execute(task);
            } catch (java.util.concurrent.RejectedExecutionException closedMeanwhile) {
                // close() raced with this event; nobody is listening any more
            }
        }
    }

    private static <T> void callAll(List<Consumer<T>> listeners, T value) {
        for (Consumer<T> listener : listeners) {
            try {
                listener.accept(value);
            } catch (RuntimeException e) {
                log.log(Level.WARNING, "Listener " + listener + " failed on " + value, e);
            }
        }
    }
}
