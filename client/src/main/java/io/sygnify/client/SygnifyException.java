package io.sygnify.client;

/** Base of everything the client throws about the server: a refused request or an unreachable server. */
public abstract class SygnifyException extends RuntimeException {

    protected SygnifyException(String message, Throwable cause) {
        super(message, cause);
    }
}
