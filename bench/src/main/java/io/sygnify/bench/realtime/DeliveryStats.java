package io.sygnify.bench.realtime;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * What every watcher of a run observed, added up. Recorded from the client's event-loop threads, read by the
 * scenario when the run is over.
 */
final class DeliveryStats {

    private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(10);

    /** Receive time − event timestamp of events that happened after the watcher subscribed. */
    final Histogram latencyMicros = new ConcurrentHistogram(MAX_MICROS, 3);
    /** The same, of job_complete and job_error only: their frames carry the report and need a database read. */
    final Histogram terminalLatencyMicros = new ConcurrentHistogram(MAX_MICROS, 3);
    /** TCP connect + WebSocket handshake of each watcher's first connection. */
    final Histogram connectMicros = new ConcurrentHistogram(MAX_MICROS, 3);
    /** From sending subscribe_job to its {@code subscribed} answer. */
    final Histogram subscribeMicros = new ConcurrentHistogram(MAX_MICROS, 3);
    /** The same for reconnections. */
    final Histogram reconnectMicros = new ConcurrentHistogram(MAX_MICROS, 3);

    /** Per job event (job id + seq): the smallest and largest latency among the watchers it reached live. */
    private final Map<String, long[]> spreadByEvent = new ConcurrentHashMap<>();

    final LongAdder delivered = new LongAdder();
    /** UTF-8 bytes of the job events' JSON. */
    final LongAdder bytes = new LongAdder();
    final LongAdder live = new LongAdder();
    final LongAdder replayed = new LongAdder();
    /** Seqs a watcher never saw although a later seq of its job arrived. */
    final LongAdder missingSeqs = new LongAdder();
    final LongAdder duplicates = new LongAdder();
    final LongAdder failedAttempts = new LongAdder();
    final LongAdder gaveUp = new LongAdder();
    final Map<String, LongAdder> disconnects = new ConcurrentHashMap<>();
    /** Connection attempts that never completed a handshake, by cause. */
    final Map<String, LongAdder> failures = new ConcurrentHashMap<>();
    final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

    void delivered(String jobId, long seq, boolean isLive, boolean terminal, long latencyMicros) {
        delivered.increment();
        if (isLive) {
            live.increment();
            long clamped = Math.min(MAX_MICROS, Math.max(0, latencyMicros));
            long[] spread = spreadByEvent.computeIfAbsent(jobId + ":" + seq, k -> new long[] {clamped, clamped});
            synchronized (spread) {
                spread[0] = Math.min(spread[0], clamped);
                spread[1] = Math.max(spread[1], clamped);
            }
            this.latencyMicros.recordValue(clamped);
            if (terminal) {
                terminalLatencyMicros.recordValue(clamped);
            }
        } else {
            replayed.increment();
        }
    }

    /**
     * Latency of each job event to its first live recipient (the server's own path: commit, publish) and to its
     * last (plus the fan-out to every subscriber).
     */
    Histogram[] firstAndLastRecipient() {
        Histogram first = new Histogram(MAX_MICROS, 3);
        Histogram last = new Histogram(MAX_MICROS, 3);
        spreadByEvent.values().forEach(spread -> {
            synchronized (spread) {
                first.recordValue(spread[0]);
                last.recordValue(spread[1]);
            }
        });
        return new Histogram[] {first, last};
    }

    void disconnected(String cause) {
        disconnects.computeIfAbsent(cause, c -> new LongAdder()).increment();
    }

    void failedAttempt(Throwable cause) {
        failedAttempts.increment();
        String name = cause == null ? "closed" : cause.getClass().getSimpleName();
        failures.computeIfAbsent(name, c -> new LongAdder()).increment();
    }

    void error(String code) {
        errors.computeIfAbsent(String.valueOf(code), c -> new LongAdder()).increment();
    }

    static Map<String, Long> counts(Map<String, LongAdder> adders) {
        Map<String, Long> counts = new TreeMap<>();
        adders.forEach((key, adder) -> counts.put(key, adder.sum()));
        return counts;
    }

    static long epochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }
}
