package io.sygnify.client;

/** The server answered a WebSocket request with an {@code error} message, e.g. {@code job_not_found}. */
public class SygnifyProtocolException extends SygnifyException {

    private final ProtocolError error;

    public SygnifyProtocolException(ProtocolError error) {
        super(error.code() + ": " + error.message(), null);
        this.error = error;
    }

    public ProtocolError error() {
        return error;
    }
}
