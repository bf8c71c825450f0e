package io.sygnify.server.realtime;

import java.time.Clock;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads one client message and acts on it. Protocol errors are answered with an {@code error}, never a close. */
@Component
class InboundMessages {

    private static final String KNOWN_TYPES = "subscribe_job, unsubscribe_job, subscribe_system, unsubscribe_system, ping";

    private final JsonMapper json;
    private final JobFanOut fanOut;
    private final MessageCodec codec;
    private final SystemFeed systemFeed;
    private final Clock clock;

    InboundMessages(JsonMapper json, JobFanOut fanOut, SystemFeed systemFeed, MessageCodec codec, Clock clock) {
        this.systemFeed = systemFeed;
        this.json = json;
        this.fanOut = fanOut;
        this.codec = codec;
        this.clock = clock;
    }

    Mono<Void> handle(ClientConnection connection, String text) {
        JsonNode message;
        try {
            message = json.readTree(text);
        } catch (JacksonException e) {
            return reply(connection, new ServerMessage.Error("invalid_json", "Message is not valid JSON: "
                    + e.getOriginalMessage(), null));
        }
        if (message == null || !message.isObject()) {
            return reply(connection, new ServerMessage.Error("invalid_message", "Message must be a JSON object.", null));
        }
        String type = message.path("type").asString("");
        return switch (type) {
            case "ping" -> reply(connection, new ServerMessage.Pong(clock.millis() / 1000.0));
            case "subscribe_job" -> withJobId(connection, message, jobId -> {
                JsonNode lastSeq = message.get("last_seq");
                if (lastSeq != null && !lastSeq.isNull() && !(lastSeq.canConvertToLong() && lastSeq.asLong() >= 0)) {
                    return reply(connection, new ServerMessage.Error("invalid_message",
                            "last_seq must be a non-negative integer.", jobId));
                }
                Long from = lastSeq == null || lastSeq.isNull() ? null : lastSeq.asLong();
                return subscribe(connection, jobId, from);
            });
            case "unsubscribe_job" -> withJobId(connection, message, jobId -> {
                fanOut.unsubscribe(connection, jobId);
                return reply(connection, new ServerMessage.Unsubscribed("job", jobId));
            });
            case "subscribe_system" -> connection.viewer() == null || !connection.viewer().isAdmin()
                    ? reply(connection, new ServerMessage.Error("forbidden",
                            "The system stream is for administrators only.", null))
                    : Mono.fromRunnable(() -> systemFeed.subscribe(connection))
                            .subscribeOn(Schedulers.boundedElastic()).then();
            case "unsubscribe_system" -> {
                systemFeed.unsubscribe(connection);
                yield reply(connection, new ServerMessage.Unsubscribed("system", null));
            }
            case "" -> reply(connection, new ServerMessage.Error("invalid_message",
                    "Message has no 'type'; expected one of " + KNOWN_TYPES + ".", null));
            default -> reply(connection, new ServerMessage.Error("unknown_type", "Unknown message type '" + type
                    + "'; expected one of " + KNOWN_TYPES + ".", null));
        };
    }

    Mono<Void> subscribe(ClientConnection connection, String jobId, Long lastSeq) {
        return Mono.fromRunnable(() -> fanOut.subscribe(connection, jobId, lastSeq))
                .subscribeOn(Schedulers.boundedElastic()).then();
    }

    private Mono<Void> withJobId(ClientConnection connection, JsonNode message,
                                 java.util.function.Function<String, Mono<Void>> action) {
        String jobId = message.path("job_id").asString("");
        if (jobId.isBlank()) {
            return reply(connection, new ServerMessage.Error("invalid_message",
                    "'" + message.path("type").asString() + "' needs a 'job_id'.", null));
        }
        return action.apply(jobId);
    }

    private Mono<Void> reply(ClientConnection connection, ServerMessage message) {
        connection.send(codec.frame(typeOf(message), message));
        return Mono.empty();
    }

    private static String typeOf(ServerMessage message) {
        return message.getClass().getAnnotation(com.fasterxml.jackson.annotation.JsonTypeName.class).value();
    }
}
