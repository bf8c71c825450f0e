package io.sygnify.client.cli;

/** The command line cannot be run as given; the message says why in one line. */
final class UsageException extends Exception {

    UsageException(String message) {
        super(message);
    }
}
