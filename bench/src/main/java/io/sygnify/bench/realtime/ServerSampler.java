package io.sygnify.bench.realtime;

import tools.jackson.databind.JsonNode;

/**
 * Samples the server once a second while a run is measured: heap used (its own metrics endpoint), resident memory
 * and the bytes waiting in the kernel's socket queues of all its connections ({@code /proc}), keeping the peaks.
 * Stops by itself at the run's deadline.
 */
final class ServerSampler implements AutoCloseable {

    private final ServerProcess server;
    private final ServerApi api;
    private final int port;
    private final Deadline deadline;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peakHeapBytes = -1;
    private volatile long peakRssBytes = -1;
    private volatile long peakConnections = -1;
    private volatile long heapMaxBytes = -1;
    private volatile long peakServerSendQueue = -1;
    private volatile long peakClientReceiveQueue = -1;

    ServerSampler(ServerProcess server, ServerApi api, int port, Deadline deadline) {
        this.port = port;
        this.server = server;
        this.api = api;
        this.deadline = deadline;
        this.thread = new Thread(this::run, "bench-server-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (running && !deadline.passed()) {
            try {
                JsonNode metrics = api.systemMetrics();
                peakHeapBytes = Math.max(peakHeapBytes, metrics.path("heap_used_bytes").asLong(-1));
                heapMaxBytes = metrics.path("heap_max_bytes").asLong(-1);
                peakConnections = Math.max(peakConnections, api.connections());
                peakRssBytes = Math.max(peakRssBytes, server.memory().rssBytes());
                long[] queues = KernelSocketQueues.measureAll(port);
                peakServerSendQueue = Math.max(peakServerSendQueue, queues[0]);
                peakClientReceiveQueue = Math.max(peakClientReceiveQueue, queues[1]);
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                // the server is restarting or busy; the next sample will tell
                sleepQuietly();
            }
        }
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    long peakHeapBytes() {
        return peakHeapBytes;
    }

    long peakRssBytes() {
        return peakRssBytes;
    }

    long peakConnections() {
        return peakConnections;
    }

    /** The most bytes seen waiting in the server's socket send queues, all connections together. */
    long peakServerSendQueue() {
        return peakServerSendQueue;
    }

    /** The most bytes seen waiting unread in the clients' socket receive queues, all connections together. */
    long peakClientReceiveQueue() {
        return peakClientReceiveQueue;
    }

    long heapMaxBytes() {
        return heapMaxBytes;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5_000);
    }
}
