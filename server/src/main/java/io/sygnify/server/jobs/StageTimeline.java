package io.sygnify.server.jobs;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The stages a job went through, from its event log: when each began and what it said. The live stream tells the
 * same to whoever watched; this is for whoever opens the job afterwards ({@code GET /api/jobs/{id}/timeline}).
 *
 * @param stages in the order the job entered them
 */
public record StageTimeline(List<Stage> stages) {

    /** Messages kept per stage, the latest ones, as the web app keeps them live. */
    static final int MESSAGES_PER_STAGE = 50;

    /**
     * @param stage     the stage's wire name (queued … insights_ready, error, cancelled)
     * @param startedAt when its first event was written
     * @param messages  its distinct messages in order (consecutive repeats once), the latest {@value #MESSAGES_PER_STAGE}
     */
    public record Stage(String stage, OffsetDateTime startedAt, List<String> messages) {
    }

    /** One logged event, as much as a timeline needs. */
    record Entry(String stage, long epochMillis, String message) {
    }

    static StageTimeline of(List<Entry> entries) {
        List<Stage> stages = new ArrayList<>();
        String current = null;
        List<String> messages = null;
        for (Entry entry : entries) {
            if (!entry.stage().equals(current)) {
                current = entry.stage();
                messages = new ArrayList<>();
                stages.add(new Stage(current, OffsetDateTime.ofInstant(Instant.ofEpochMilli(entry.epochMillis()),
                        ZoneOffset.UTC), messages));
            }
            boolean repeat = !messages.isEmpty() && messages.get(messages.size() - 1).equals(entry.message());
            if (!entry.message().isEmpty() && !repeat) {
                messages.add(entry.message());
                if (messages.size() > MESSAGES_PER_STAGE) {
                    messages.remove(0);
                }
            }
        }
        return new StageTimeline(List.copyOf(stages));
    }
}
