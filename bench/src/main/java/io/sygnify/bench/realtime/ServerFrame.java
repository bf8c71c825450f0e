package io.sygnify.bench.realtime;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonFactory;

/**
 * The top-level fields of one server message the benchmark needs. Nested objects ({@code insights},
 * {@code partial}) are skipped unread: they contain fields named {@code type} and {@code timestamp} too.
 *
 * @param seq       the job event's seq, or -1
 * @param timestamp the event's epoch seconds (millisecond fraction), or NaN
 * @param code      an {@code error}'s code, or null
 */
record ServerFrame(String type, String jobId, long seq, double timestamp, String code) {

    private static final JsonFactory JSON = new JsonFactory();

    static ServerFrame parse(String text) {
        return parse(JSON.createParser(text), text);
    }

    /** Parses UTF-8 bytes as they came off the socket, without decoding them to a String first. */
    static ServerFrame parse(byte[] utf8, int offset, int length) {
        return parse(JSON.createParser(utf8, offset, length), null);
    }

    private static ServerFrame parse(JsonParser created, String textForErrors) {
        String type = null;
        String jobId = null;
        String code = null;
        long seq = -1;
        double timestamp = Double.NaN;
        try (JsonParser parser = created) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("server frame is not a JSON object: " + abbreviate(textForErrors));
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "type" -> type = parser.getString();
                    case "job_id" -> jobId = parser.getString();
                    case "code" -> code = parser.getString();
                    case "seq" -> seq = parser.getLongValue();
                    case "timestamp" -> timestamp = parser.getDoubleValue();
                    default -> {
                        if (value.isStructStart()) {
                            parser.skipChildren();
                        }
                    }
                }
            }
        }
        if (type == null) {
            throw new IllegalArgumentException("server frame has no type: " + abbreviate(textForErrors));
        }
        return new ServerFrame(type, jobId, seq, timestamp, code);
    }

    boolean isJobEvent() {
        return "job_update".equals(type) || isTerminal();
    }

    boolean isTerminal() {
        return "job_complete".equals(type) || "job_error".equals(type);
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "(bytes)";
        }
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
