package io.sygnify.bench.realtime;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonFactory;

/**
 * The top-level fields of one server message the benchmark needs. A job event's payload ({@code partial},
 * {@code insights}) comes after its {@code timestamp} (docs/protocol.md), so reading stops there, as a client
 * that only follows progress would: the bytes still arrive in full, but are not parsed. Nested objects before
 * it are skipped: they contain fields named {@code type} and {@code timestamp} too.
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

    /**
     * Parses a stream of UTF-8 bytes, reading it only as far as the parser gets (in blocks of a few KB): a job
     * event's header is read without copying its payload out of the socket's buffer.
     */
    static ServerFrame parse(java.io.InputStream utf8) {
        return parse(JSON.createParser(utf8), null);
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
                if ("timestamp".equals(name) && isJobEvent(type)) {
                    break;
                }
            }
        }
        if (type == null) {
            throw new IllegalArgumentException("server frame has no type: " + abbreviate(textForErrors));
        }
        return new ServerFrame(type, jobId, seq, timestamp, code);
    }

    boolean isJobEvent() {
        return isJobEvent(type);
    }

    private static boolean isJobEvent(String type) {
        return "job_update".equals(type) || "job_complete".equals(type) || "job_error".equals(type);
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
