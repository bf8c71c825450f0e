package io.sygnify.server.realtime;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.sygnify.server.jobs.JobView;
import io.sygnify.server.monitoring.Activity;
import io.sygnify.server.monitoring.SystemSnapshot;

/**
 * Every message the server sends over WebSocket (see docs/protocol.md). {@link MessageCodec} writes them with a
 * {@code type} discriminator and snake_case fields.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(ServerMessage.JobUpdate.class),
        @JsonSubTypes.Type(ServerMessage.JobComplete.class),
        @JsonSubTypes.Type(ServerMessage.JobError.class),
        @JsonSubTypes.Type(ServerMessage.Subscribed.class),
        @JsonSubTypes.Type(ServerMessage.Unsubscribed.class),
        @JsonSubTypes.Type(ServerMessage.Pong.class),
        @JsonSubTypes.Type(ServerMessage.Error.class),
        @JsonSubTypes.Type(ServerMessage.SystemMetrics.class),
        @JsonSubTypes.Type(ServerMessage.ActivityEntry.class),
        @JsonSubTypes.Type(ServerMessage.JobsSnapshot.class),
        @JsonSubTypes.Type(ServerMessage.Presence.class),
        @JsonSubTypes.Type(ServerMessage.Welcome.class)
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface ServerMessage {

    /*
     * Job events put their payload (partial, insights) last, after the timestamp: a client that only needs the
     * header (seq, stage, progress) can stop reading there (docs/protocol.md, "Job events").
     */

    /** {@code partial}: report sections ready ahead of the report (raw JSON object), or null. */
    @JsonTypeName("job_update")
    record JobUpdate(String jobId, long seq, String stage, int progress, String message, double timestamp,
                     @JsonRawValue String partial) implements ServerMessage {
    }

    @JsonTypeName("job_complete")
    record JobComplete(String jobId, long seq, String stage, int progress, String message, double timestamp,
                       @JsonRawValue String insights) implements ServerMessage {
    }

    @JsonTypeName("job_error")
    record JobError(String jobId, long seq, String stage, int progress, String message, String code,
                    double timestamp) implements ServerMessage {
    }

    /**
     * {@code channel}: {@code job} or {@code system}; {@code lastSeq}: the seq the client resumed from, when it
     * asked to resume.
     */
    @JsonTypeName("subscribed")
    record Subscribed(String channel, String jobId, Long lastSeq) implements ServerMessage {
        static Subscribed job(String jobId, Long lastSeq) {
            return new Subscribed("job", jobId, lastSeq);
        }
    }

    /** {@code reason}: null when the client asked, {@code access_revoked} when its access to the job ended. */
    @JsonTypeName("unsubscribed")
    record Unsubscribed(String channel, String jobId, String reason) implements ServerMessage {
        Unsubscribed(String channel, String jobId) {
            this(channel, jobId, null);
        }
    }

    /** Who is watching a job right now, each signed-in person once, sorted by name. */
    @JsonTypeName("presence")
    record Presence(String jobId, List<PresentViewer> viewers) implements ServerMessage {
    }

    record PresentViewer(String username) {
    }

    @JsonTypeName("system_metrics")
    record SystemMetrics(SystemSnapshot metrics, double timestamp) implements ServerMessage {
    }

    @JsonTypeName("activity")
    record ActivityEntry(long id, String kind, String severity, String message, String jobId, double timestamp)
            implements ServerMessage {
        static ActivityEntry of(Activity a) {
            return new ActivityEntry(a.id(), a.kind(), a.severity(), a.message(), a.jobId(), a.timestamp());
        }
    }

    /** Every job not yet ended, sent once on {@code subscribe_system}. */
    @JsonTypeName("jobs_snapshot")
    record JobsSnapshot(List<JobView> jobs, double timestamp) implements ServerMessage {
    }

    @JsonTypeName("pong")
    record Pong(double timestamp) implements ServerMessage {
    }

    /**
     * The first message on every socket: the server is ready to read. A client that sends before it may lose that
     * first message to a race in the WebSocket upgrade (docs/protocol.md).
     */
    @JsonTypeName("welcome")
    record Welcome(String protocolVersion, String username, double heartbeatIntervalSeconds) implements ServerMessage {
        static final String PROTOCOL_VERSION = "1.6";
    }

    /** A protocol error; the connection stays open. */
    @JsonTypeName("error")
    record Error(String code, String message, String jobId) implements ServerMessage {
    }
}
