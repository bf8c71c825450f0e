package io.sygnify.client.cli;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.sygnify.client.ConnectionState;
import io.sygnify.client.JobEvent;
import io.sygnify.client.RealtimeConnection;
import io.sygnify.client.SygnifyConnectionException;
import io.sygnify.client.SygnifyException;
import io.sygnify.client.SygnifyProtocolException;

/** Follows one job over a {@link RealtimeConnection}, drawing its progress, until it ends. */
final class JobFollower {

    private final RealtimeConnection connection;
    private final ProgressBar bar;
    private final int maxAttempts;

    JobFollower(RealtimeConnection connection, ProgressBar bar, int maxAttempts) {
        this.connection = connection;
        this.bar = bar;
        this.maxAttempts = maxAttempts;
    }

    /**
     * Blocks until the job's {@code job_complete} or {@code job_error} and returns it.
     *
     * @param lastSeq replay every event after this seq, or null to start from the job's current state
     * @throws SygnifyException when the connection is lost for good or the server refuses the subscription
     */
    JobEvent follow(String jobId, Long lastSeq) {
        CompletableFuture<JobEvent> end = new CompletableFuture<>();
        connection.addJobEventListener(jobId, event -> {
            bar.show(event);
            if (event.type().terminal()) {
                end.complete(event);
            }
        });
        connection.addConnectionStateListener(state -> {
            if (state instanceof ConnectionState.Reconnecting r) {
                bar.note(String.format(java.util.Locale.ROOT, "Connection lost (%s); reconnecting in %.1f s, attempt %d of %d",
                        r.cause(), r.delay().toMillis() / 1000.0, r.attempt(), maxAttempts));
            } else if (state instanceof ConnectionState.Closed closed) {
                end.completeExceptionally(new SygnifyConnectionException(closed.reason()));
            }
        });
        connection.addProtocolErrorListener(error -> {
            if (error.jobId() == null || error.jobId().equals(jobId)) {
                end.completeExceptionally(new SygnifyProtocolException(error));
            }
        });
        if (lastSeq == null) {
            connection.subscribeToJob(jobId);
        } else {
            connection.subscribeToJob(jobId, lastSeq);
        }
        connection.connect();
        try {
            return end.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof SygnifyException cause) {
                throw cause;
            }
            throw e;
        } finally {
            bar.finish();
        }
    }
}
