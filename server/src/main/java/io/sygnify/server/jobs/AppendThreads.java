package io.sygnify.server.jobs;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads of normal priority that store job events, while the caller waits or, for progress, goes on. Most
 * events come from job workers, which run at a lower CPU priority ({@link WorkerPriority}); an event is stamped
 * before it is stored, so storing it at the worker's priority on a busy machine made live delivery wait behind
 * analysis.
 */
final class AppendThreads implements java.util.concurrent.Executor, AutoCloseable {

    private final AtomicInteger count = new AtomicInteger();
    private final ExecutorService threads = Executors.newFixedThreadPool(2, task -> {
        Thread thread = new Thread(task, "sygnify-event-append-" + count.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    /**
     * Runs {@code task} on one of these threads and returns its result. A worker interrupted by a cancel still
     * needs to know whether its event was stored, so the wait is not cut short; the interrupt is kept for the
     * caller. Once closed (the server stops), the caller runs the task itself.
     */
    <T> T call(Callable<T> task) {
        Future<T> future;
        try {
            future = threads.submit(task);
        } catch (RejectedExecutionException stopping) {
            return callHere(task);
        }
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return future.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw rethrow(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Runs {@code task} on one of these threads, or on the caller's once they are closed (the server stops). */
    @Override
    public void execute(Runnable task) {
        try {
            threads.execute(task);
        } catch (RejectedExecutionException stopping) {
            task.run();
        }
    }

    static <T> T callHere(Callable<T> task) {
        try {
            return task.call();
        } catch (Exception e) {
            throw rethrow(e);
        }
    }

    private static RuntimeException rethrow(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(failure);
    }

    @Override
    public void close() {
        threads.shutdown();
    }
}
