package io.sygnify.bench.realtime;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** A snapshot of a process's CPU time in clock ticks, in total and per living thread (by thread id). */
record CpuTimes(long totalTicks, Map<Long, Thread> threads) {

    /** Linux's USER_HZ: /proc reports ticks of 1/100 s on every mainstream architecture. */
    static final double TICKS_PER_SECOND = 100;

    record Thread(String name, long ticks) {
    }

    /** CPU seconds of the process between {@code before} and this snapshot. */
    double secondsSince(CpuTimes before) {
        return (totalTicks - before.totalTicks) / TICKS_PER_SECOND;
    }

    /**
     * CPU seconds between {@code before} and this snapshot per thread family ("reactor-http-epoll-3" and
     * "reactor-http-epoll-4" are one family), largest first. Threads that ended meanwhile are not included.
     */
    Map<String, Double> secondsByFamilySince(CpuTimes before) {
        Map<String, Long> ticks = new TreeMap<>();
        threads.forEach((tid, thread) -> {
            Thread earlier = before.threads.get(tid);
            long delta = thread.ticks() - (earlier == null ? 0 : earlier.ticks());
            ticks.merge(family(thread.name()), delta, Long::sum);
        });
        Map<String, Double> seconds = new LinkedHashMap<>();
        ticks.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .forEach(e -> seconds.put(e.getKey(), e.getValue() / TICKS_PER_SECOND));
        return seconds;
    }

    /** CPU seconds this JVM (the benchmark) has used so far, every thread included. */
    static double ownSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    private static String family(String threadName) {
        String family = threadName.replaceAll("[-#_ ]*[0-9]+$", "");
        return family.isEmpty() ? threadName : family;
    }
}
