package io.sygnify.client;

/** The server could not be reached, or the connection to it was lost for good. */
public class SygnifyConnectionException extends SygnifyException {

    public SygnifyConnectionException(String message, Throwable cause) {
        super(message, cause);
    }

    public SygnifyConnectionException(String message) {
        super(message, null);
    }
}
