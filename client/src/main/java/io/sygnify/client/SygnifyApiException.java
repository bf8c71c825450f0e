package io.sygnify.client;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The server answered with an error: an RFC 9457 problem detail. {@link #code()} is the stable reason to switch
 * on, e.g. {@code job_not_found}, {@code job_not_finished}, {@code file_too_large}.
 */
public class SygnifyApiException extends SygnifyException {

    private static final int MAX_DETAIL_CHARS = 300;

    private final int status;
    private final String code;
    private final String detail;

    public SygnifyApiException(int status, String code, String detail) {
        super("HTTP " + status + " " + code + ": " + detail, null);
        this.status = status;
        this.code = code;
        this.detail = detail;
    }

    /** Reads a problem body; a body that is not one still gives a code ({@code http_<status>}) and a detail. */
    static SygnifyApiException fromResponse(int status, String body) {
        try {
            JsonNode problem = Json.MAPPER.readTree(body);
            if (problem != null && problem.isObject()) {
                String code = Json.text(problem, "code");
                String detail = Json.text(problem, "detail");
                if (detail == null) {
                    detail = Json.text(problem, "title");
                }
                return new SygnifyApiException(status, code == null ? "http_" + status : code,
                        detail == null ? "(no detail)" : detail);
            }
        } catch (JacksonException notJson) {
            // fall through: proxies and servlet containers answer with HTML or plain text
        }
        String text = body == null || body.isBlank() ? "(empty body)" : body.strip();
        if (text.length() > MAX_DETAIL_CHARS) {
            text = text.substring(0, MAX_DETAIL_CHARS) + "…";
        }
        return new SygnifyApiException(status, "http_" + status, text);
    }

    /** HTTP status, e.g. 404. */
    public int status() {
        return status;
    }

    /** The problem's {@code code}, or {@code http_<status>} when the body had none. */
    public String code() {
        return code;
    }

    /** The problem's human-readable {@code detail}. */
    public String detail() {
        return detail;
    }
}
