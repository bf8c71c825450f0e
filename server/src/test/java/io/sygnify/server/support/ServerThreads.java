package io.sygnify.server.support;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the server's own threads are doing, for failure messages: the tests run the server in their JVM, so a
 * request that never gets an answer can say whether an event loop or a blocking worker was stuck, and where.
 */
public final class ServerThreads {

    private static final int FRAMES = 12;

    private ServerThreads() {
    }

    /** Between the two looks at the threads: long enough to tell a thread stuck in one place from a busy one. */
    private static final long SECOND_LOOK_MILLIS = 500;

    /**
     * Event-loop and blocking-scheduler threads that are not idle, and any other thread (but the caller) inside
     * Sygnify's, DuckDB's or a health check's code, each with its top frames. The threads are looked at twice,
     * half a second apart; a thread with the same top frames both times is marked "stuck", so a spinning or
     * blocked thread is told from one that was merely caught at work.
     */
    public static String busy() {
        Map<Thread, StackTraceElement[]> first = Thread.getAllStackTraces();
        try {
            Thread.sleep(SECOND_LOOK_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Thread caller = Thread.currentThread();
        String busy = Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey() != caller && !isIdle(e.getValue())
                        && (isServerThread(e.getKey().getName()) || inServerCode(e.getValue())))
                .map(e -> describe(e, sameTop(first.get(e.getKey()), e.getValue())))
                .collect(Collectors.joining("\n"));
        return busy.isEmpty() ? "none: the event loops wait in epoll and the schedulers for work" : busy;
    }

    private static boolean sameTop(StackTraceElement[] before, StackTraceElement[] now) {
        return before != null && Arrays.equals(Arrays.copyOf(before, Math.min(before.length, FRAMES)),
                Arrays.copyOf(now, Math.min(now.length, FRAMES)));
    }

    /** A thread of another pool (a health check's, a worker's) stuck in the server's code would show here. */
    private static boolean inServerCode(StackTraceElement[] stack) {
        return Arrays.stream(stack).anyMatch(frame -> frame.getClassName().startsWith("io.sygnify.server.")
                && !frame.getClassName().startsWith("io.sygnify.server.support.")
                || frame.getClassName().startsWith("org.duckdb.")
                || frame.getClassName().contains(".health."));
    }

    private static boolean isServerThread(String name) {
        return name.startsWith("reactor-http") || name.startsWith("boundedElastic") || name.startsWith("parallel");
    }

    /** Parked in the selector or in a scheduler's queue: waiting for work, not stuck in it. */
    private static boolean isIdle(StackTraceElement[] stack) {
        return stack.length == 0 || Arrays.stream(stack).anyMatch(frame ->
                frame.getMethodName().startsWith("epollWait") || frame.getMethodName().equals("select")
                        || (frame.getMethodName().equals("take") && frame.getClassName().contains("Queue")));
    }

    private static String describe(Map.Entry<Thread, StackTraceElement[]> thread, boolean stuck) {
        return thread.getKey().getName() + " " + thread.getKey().getState()
                + (stuck ? " stuck (the same frames " + SECOND_LOOK_MILLIS + " ms earlier)" : "")
                + Arrays.stream(thread.getValue())
                .limit(FRAMES).map(frame -> "\n    at " + frame).collect(Collectors.joining());
    }
}
