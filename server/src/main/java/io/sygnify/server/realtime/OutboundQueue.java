package io.sygnify.server.realtime;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * One connection's frames waiting for the socket, bounded in bytes.
 *
 * <p>While more than {@code lagThreshold} bytes wait, a new progress update of a job replaces that job's newest
 * waiting update instead of queueing behind it (it was already the newest event of that job, so the order of
 * the job's events is kept). A frame that would push the queue past {@code maxBytes} is refused, and the caller
 * closes the connection; an essential frame is still accepted when the queue was under the limit before it, so a
 * large final report never closes an otherwise healthy client.
 *
 * <p>Threading: every method is {@code synchronized}; producers (event publication) and the consumer (the socket's
 * demand) meet only here. Methods are O(1).
 */
final class OutboundQueue {

    enum Offer { QUEUED, COALESCED, OVERFLOW }

    private static final class Slot {
        OutboundFrame frame;

        Slot(OutboundFrame frame) {
            this.frame = frame;
        }
    }

    private final long maxBytes;
    private final long lagThreshold;
    private final ArrayDeque<Slot> slots = new ArrayDeque<>();
    /** The newest waiting slot of each job, when that slot holds a progress update. */
    private final Map<String, Slot> replaceableByJob = new HashMap<>();
    private long bytes;

    OutboundQueue(long maxBytes, long lagThreshold) {
        this.maxBytes = maxBytes;
        this.lagThreshold = lagThreshold;
    }

    synchronized Offer offer(OutboundFrame frame) {
        if (frame.kind() == OutboundFrame.Kind.PROGRESS && bytes > lagThreshold) {
            Slot slot = replaceableByJob.get(frame.jobId());
            if (slot != null) {
                bytes += frame.size() - slot.frame.size();
                slot.frame = frame;
                return Offer.COALESCED;
            }
        }
        boolean fits = bytes + frame.size() <= maxBytes;
        boolean essentialUnderLimit = frame.kind() != OutboundFrame.Kind.PROGRESS && bytes < maxBytes;
        if (!fits && !essentialUnderLimit) {
            return Offer.OVERFLOW;
        }
        Slot slot = new Slot(frame);
        slots.addLast(slot);
        bytes += frame.size();
        if (frame.jobId() != null) {
            if (frame.kind() == OutboundFrame.Kind.PROGRESS) {
                replaceableByJob.put(frame.jobId(), slot);
            } else {
                replaceableByJob.remove(frame.jobId());
            }
        }
        return Offer.QUEUED;
    }

    synchronized OutboundFrame poll() {
        Slot slot = slots.pollFirst();
        if (slot == null) {
            return null;
        }
        bytes -= slot.frame.size();
        if (slot.frame.jobId() != null && replaceableByJob.get(slot.frame.jobId()) == slot) {
            replaceableByJob.remove(slot.frame.jobId());
        }
        return slot.frame;
    }

    synchronized int size() {
        return slots.size();
    }

    synchronized long bytes() {
        return bytes;
    }

    /** Empties the queue; returns how many frames were discarded. */
    synchronized int clear() {
        int discarded = slots.size();
        slots.clear();
        replaceableByJob.clear();
        bytes = 0;
        return discarded;
    }
}
