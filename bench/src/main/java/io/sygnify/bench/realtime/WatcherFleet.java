package io.sygnify.bench.realtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.netty.channel.ChannelOption;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.resources.LoopResources;

/**
 * All simulated clients of a run: thousands of {@link Watcher}s sharing one Reactor Netty client on two
 * event-loop threads (not a thread per connection), and the statistics they add up.
 */
final class WatcherFleet implements AutoCloseable {

    static final int EVENT_LOOP_THREADS = 2;
    private static final long LAG_PROBE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final LoopResources loops = LoopResources.create("bench-ws", EVENT_LOOP_THREADS, true);
    private final DeliveryStats stats = new DeliveryStats();
    private final List<Watcher> watchers = new ArrayList<>();

    /** How late a task scheduled every 50 ms on the client's event loops ran: the generator's own backlog. */
    private final Histogram loopLagMicros = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3);
    private final List<ScheduledFuture<?>> lagProbes = new ArrayList<>();

    WatcherFleet(int port, int size, Deadline deadline) {
        HttpClient.WebsocketSender client = HttpClient.newConnection()
                .runOn(loops)
                .host("127.0.0.1")
                .port(port)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 10_000)
                .headers(h -> h.set("Authorization", BenchAccount.AUTHORIZATION))
                .responseTimeout(Duration.ofSeconds(20)) // bounds the handshake; removed once it is answered
                .websocket(WebsocketClientSpec.builder().maxFramePayloadLength(Watcher.MAX_FRAME_BYTES).build())
                .uri("/ws");
        for (int i = 0; i < size; i++) {
            watchers.add(new Watcher(client, stats, deadline));
        }
        startLagProbes();
    }

    /** On each client event loop (the group runOn uses: native when available), a task every 50 ms. */
    private void startLagProbes() {
        loops.onClient(true).forEach(loop -> {
            long[] expected = {System.nanoTime() + LAG_PROBE_NANOS};
            lagProbes.add(loop.scheduleAtFixedRate(() -> {
                long now = System.nanoTime();
                loopLagMicros.recordValue(Math.max(0, now - expected[0]) / 1_000);
                expected[0] = Math.max(expected[0] + LAG_PROBE_NANOS, now);
            }, LAG_PROBE_NANOS, LAG_PROBE_NANOS, TimeUnit.NANOSECONDS));
        });
    }

    Histogram loopLagMicros() {
        return loopLagMicros;
    }

    /**
     * Opens every watcher's first connection with at most {@code concurrency} handshakes in flight; returns how
     * long the whole ramp took.
     */
    Duration connectAll(int concurrency, Deadline deadline) {
        long start = System.nanoTime();
        Flux.fromIterable(watchers)
                .flatMap(w -> w.start().onErrorResume(e -> Mono.empty()), concurrency)
                .then()
                .block(deadline.remaining());
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Watcher i watches {@code jobIds[i mod M]}. */
    void subscribe(List<String> jobIds) {
        for (int i = 0; i < watchers.size(); i++) {
            watchers.get(i).subscribe(jobIds.get(i % jobIds.size()));
        }
    }

    /** Waits until every watcher meets {@code condition}; false if the deadline came first. */
    boolean awaitAll(Predicate<Watcher> condition, Deadline deadline) throws InterruptedException {
        return awaitAll(watchers, condition, deadline);
    }

    static boolean awaitAll(List<Watcher> watchers, Predicate<Watcher> condition, Deadline deadline)
            throws InterruptedException {
        while (!deadline.passed()) {
            if (watchers.stream().allMatch(condition)) {
                return true;
            }
            Thread.sleep(50);
        }
        return watchers.stream().allMatch(condition);
    }

    long count(Predicate<Watcher> condition) {
        return watchers.stream().filter(condition).count();
    }

    List<Watcher> watchers() {
        return watchers;
    }

    DeliveryStats stats() {
        return stats;
    }

    @Override
    public void close() {
        lagProbes.forEach(probe -> probe.cancel(false));
        watchers.forEach(Watcher::stop);
        try {
            loops.disposeLater(Duration.ZERO, Duration.ofSeconds(20)).block(Duration.ofSeconds(30));
        } catch (RuntimeException e) {
            // Daemon threads: whatever is still closing ends with the JVM.
            RealtimeBenchmark.log("client event loops not stopped: " + e.getMessage());
        }
    }
}
