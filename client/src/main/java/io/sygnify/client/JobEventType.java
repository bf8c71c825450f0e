package io.sygnify.client;

import java.util.Locale;

/** The three kinds of job event, by the names listeners are registered with. */
public enum JobEventType {
    /** {@code job_update}: stage or progress changed. */
    UPDATE("update", "job_update"),
    /** {@code job_complete}: the job ended with its report. */
    COMPLETE("complete", "job_complete"),
    /** {@code job_error}: the job ended without a report (failed or cancelled). */
    ERROR("error", "job_error");

    private final String listenerName;
    private final String wireType;

    JobEventType(String listenerName, String wireType) {
        this.listenerName = listenerName;
        this.wireType = wireType;
    }

    /** {@code update}, {@code complete} or {@code error}. */
    public String listenerName() {
        return listenerName;
    }

    /** The message {@code type} on the wire, e.g. {@code job_update}. */
    public String wireType() {
        return wireType;
    }

    /** Whether the job ends with this event. */
    public boolean terminal() {
        return this != UPDATE;
    }

    /** Accepts the listener name ({@code "update"}) or the wire type ({@code "job_update"}). */
    public static JobEventType of(String name) {
        String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (JobEventType type : values()) {
            if (type.listenerName.equals(key) || type.wireType.equals(key)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown job event type '" + name + "'; use update, complete or error");
    }

    static JobEventType ofWireType(String wireType) {
        for (JobEventType type : values()) {
            if (type.wireType.equals(wireType)) {
                return type;
            }
        }
        return null;
    }
}
