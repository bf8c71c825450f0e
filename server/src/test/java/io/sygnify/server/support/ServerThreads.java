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

    /**
     * Event-loop and blocking-scheduler threads that are not idle, and any other thread (but the caller) inside
     * Sygnify's, DuckDB's or a health check's code, each with its top frames.
     */
    public static String busy() {
        Thread caller = Thread.currentThread();
        String busy = Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey() != caller && !isIdle(e.getValue())
                        && (isServerThread(e.getKey().getName()) || inServerCode(e.getValue())))
                .map(ServerThreads::describe)
                .collect(Collectors.joining("\n"));
        return busy.isEmpty() ? "none: the event loops wait in epoll and the schedulers for work" : busy;
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

    private static String describe(Map.Entry<Thread, StackTraceElement[]> thread) {
        return thread.getKey().getName() + " " + thread.getKey().getState() + Arrays.stream(thread.getValue())
                .limit(FRAMES).map(frame -> "\n    at " + frame).collect(Collectors.joining());
    }
}
