package io.sygnify.server.jobs;

/**
 * One step of a job, as stored and as broadcast. {@code seq} is 1, 2, 3 … per job, without gaps.
 *
 * @param errorCode   stable reason for {@link Type#ERROR} events, null otherwise
 * @param partialJson report sections ready before the whole report, as a JSON object; null on most events
 */
public record JobEvent(String jobId, long seq, Type type, JobStage stage, int progress, String message,
                       String errorCode, long epochMillis, String partialJson) {

    public enum Type { UPDATE, COMPLETE, ERROR }

    public boolean isTerminal() {
        return type != Type.UPDATE;
    }
}
