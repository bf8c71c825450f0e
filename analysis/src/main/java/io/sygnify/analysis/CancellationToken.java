package io.sygnify.analysis;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Lets the caller stop a running analysis; the engine interrupts its current DuckDB query. */
public final class CancellationToken {

    private volatile boolean cancelled;
    private final List<Runnable> onCancel = new CopyOnWriteArrayList<>();

    public void cancel() {
        if (cancelled) {
            return;
        }
        cancelled = true;
        onCancel.forEach(Runnable::run);
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Runs {@code action} on cancel, or at once if already cancelled. */
    public void onCancel(Runnable action) {
        onCancel.add(action);
        if (cancelled) {
            action.run();
        }
    }
}
