package io.sygnify.server.jobs;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import io.sygnify.analysis.CancellationToken;

import org.springframework.stereotype.Component;

/** The jobs this instance is analysing right now, so they can be stopped. */
@Component
class RunningJobs {

    record Handle(CancellationToken token, AtomicReference<StopReason> reason) {
        void stop(StopReason why) {
            reason.compareAndSet(null, why);
            token.cancel();
        }
    }

    private final Map<String, Handle> handles = new ConcurrentHashMap<>();

    Handle register(String jobId) {
        Handle handle = new Handle(new CancellationToken(), new AtomicReference<>());
        handles.put(jobId, handle);
        return handle;
    }

    void unregister(String jobId) {
        handles.remove(jobId);
    }

    /** True when the job was running here and has been told to stop. */
    boolean stop(String jobId, StopReason why) {
        Handle handle = handles.get(jobId);
        if (handle == null) {
            return false;
        }
        handle.stop(why);
        return true;
    }

    void stopAll(StopReason why) {
        handles.values().forEach(h -> h.stop(why));
    }

    int count() {
        return handles.size();
    }

    java.util.List<String> ids() {
        return java.util.List.copyOf(handles.keySet());
    }

    Optional<Handle> find(String jobId) {
        return Optional.ofNullable(handles.get(jobId));
    }
}
