package io.sygnify.client.cli;

import java.nio.file.Path;

/** What the user asked for, after parsing. */
sealed interface CliCommand {

    /** Upload {@code file} and follow its job. */
    record Analyze(Path file, boolean json) implements CliCommand {
    }

    /** Follow an existing job. */
    record Watch(String jobId, boolean json) implements CliCommand {
    }

    /** Ask the server to stop a running job. */
    record Cancel(String jobId) implements CliCommand {
    }

    /** Delete a finished job with its report, parsed rows and upload. */
    record Delete(String jobId) implements CliCommand {
    }

    /** One page of the job list; {@code status} may be null. */
    record ListJobs(String status, int page, int size) implements CliCommand {
    }

    /** Print the usage text. */
    record Help() implements CliCommand {
    }
}
