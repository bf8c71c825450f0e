package io.sygnify.server.realtime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One client's subscription to one job. Live events that arrive while the history is still being read are held
 * back, then merged with the history by seq, so the client sees every event once and in order.
 */
final class JobSubscription {

    private final ClientConnection connection;
    private final String jobId;
    private List<OutboundFrame> heldBack = new ArrayList<>();
    private long lastSentSeq;

    /**
     * {@code resumedAfter}: the seq the client already has (0 when it has none). A live event at or below it can
     * still be on its way here when the client resubscribes (in a cluster, Redis delivers late), and is not sent
     * twice.
     */
    JobSubscription(ClientConnection connection, String jobId, long resumedAfter) {
        this.connection = connection;
        this.jobId = jobId;
        this.lastSentSeq = resumedAfter;
    }

    ClientConnection connection() {
        return connection;
    }

    String jobId() {
        return jobId;
    }

    synchronized void offerLive(OutboundFrame frame) {
        if (heldBack != null) {
            heldBack.add(frame);
        } else {
            sendIfNew(frame);
        }
    }

    /** Sends the history (or current state), then whatever arrived live meanwhile. */
    synchronized void start(List<OutboundFrame> history) {
        history.forEach(this::sendIfNew);
        heldBack.sort(Comparator.comparingLong(OutboundFrame::seq));
        heldBack.forEach(this::sendIfNew);
        heldBack = null;
    }

    private void sendIfNew(OutboundFrame frame) {
        if (frame.seq() > lastSentSeq) {
            lastSentSeq = frame.seq();
            connection.send(frame);
        }
    }
}
