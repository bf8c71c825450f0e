package io.sygnify.server.realtime;

import java.nio.charset.StandardCharsets;

import io.sygnify.server.jobs.JobEvent;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/** The one place where server messages become bytes. A broadcast is encoded once and the bytes shared. */
@Component
public class MessageCodec {

    private final ObjectWriter writer;

    MessageCodec(JsonMapper json) {
        this.writer = json.writerFor(ServerMessage.class);
    }

    public byte[] encode(ServerMessage message) {
        return writer.writeValueAsBytes(message);
    }

    public String encodeToString(ServerMessage message) {
        return new String(encode(message), StandardCharsets.UTF_8);
    }

    /** An essential (never coalesced) frame of a non-job message. */
    OutboundFrame frame(String type, ServerMessage message) {
        return OutboundFrame.message(type, encode(message));
    }

    /** A job event, encoded once for every subscriber. */
    OutboundFrame jobFrame(JobEvent event, String insightsJson) {
        // A report section is not progress: it must not be replaced by a later update.
        OutboundFrame.Kind kind = event.type() == JobEvent.Type.UPDATE && event.partialJson() == null
                ? OutboundFrame.Kind.PROGRESS : OutboundFrame.Kind.ESSENTIAL;
        String type = switch (event.type()) {
            case UPDATE -> "job_update";
            case COMPLETE -> "job_complete";
            case ERROR -> "job_error";
        };
        return new OutboundFrame(kind, event.jobId(), event.seq(), type, encode(toMessage(event, insightsJson)));
    }

    /** @param insightsJson the job's result, needed for {@code COMPLETE} events only */
    public static ServerMessage toMessage(JobEvent event, String insightsJson) {
        double timestamp = event.epochMillis() / 1000.0;
        String stage = event.stage().wireName();
        return switch (event.type()) {
            case UPDATE -> new ServerMessage.JobUpdate(event.jobId(), event.seq(), stage, event.progress(),
                    event.message(), timestamp, event.partialJson());
            case COMPLETE -> new ServerMessage.JobComplete(event.jobId(), event.seq(), stage, event.progress(),
                    event.message(), timestamp, insightsJson);
            case ERROR -> new ServerMessage.JobError(event.jobId(), event.seq(), stage, event.progress(),
                    event.message(), event.errorCode(), timestamp);
        };
    }
}
