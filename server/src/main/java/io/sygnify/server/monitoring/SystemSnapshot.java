package io.sygnify.server.monitoring;

/**
 * One sample of the system, every field measured at {@code timestamp} (epoch seconds).
 *
 * @param processCpu     this JVM's share of all CPUs, 0–1, or -1 when the OS does not say
 * @param systemCpu      the whole machine's CPU load, 0–1, or -1 when the OS does not say
 * @param heapUsedBytes  JVM heap in use
 * @param heapMaxBytes   JVM heap limit
 * @param rssBytes       resident memory of the process (from /proc), or -1 where unavailable
 * @param requestRate    HTTP requests per second since the previous sample
 * @param wsConnections  open WebSocket connections
 * @param messagesSentRate WebSocket frames sent per second since the previous sample
 * @param activeJobs     jobs being analysed on this instance
 * @param queuedJobs     jobs waiting in the persisted queue
 * @param storageFreeBytes free bytes under the data directory
 */
public record SystemSnapshot(double timestamp, double processCpu, double systemCpu, long heapUsedBytes,
                             long heapMaxBytes, long rssBytes, double requestRate, int wsConnections,
                             double messagesSentRate, int activeJobs, long queuedJobs, long storageFreeBytes) {
}
