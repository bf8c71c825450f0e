package io.sygnify.server.support;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the server's own threads are doing, for failure messages: the tests run the server in their JVM, so a
 * request that never gets an answer can say whether an event loop or a blocking worker was stuck, and where.
 */
public final class ServerThreads {

    private static final int FRAMES = 6;

    private ServerThreads() {
    }

    /** Event-loop and blocking-scheduler threads that are not idle, each with its top frames. */
    public static String busy() {
        String busy = Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> isServerThread(e.getKey().getName()) && !isIdle(e.getValue()))
                .map(ServerThreads::describe)
                .collect(Collectors.joining("\n"));
        return busy.isEmpty() ? "none: the event loops wait in epoll and the schedulers for work" : busy;
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
