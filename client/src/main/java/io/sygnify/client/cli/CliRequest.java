package io.sygnify.client.cli;

import io.sygnify.client.ClientConfig;

/**
 * A parsed command line.
 *
 * @param config server URL ({@code --server}, else {@code SYGNIFY_URL}, else the default) and token
 *               ({@code --token}, else {@code SYGNIFY_TOKEN}); null for {@link CliCommand.Help}
 */
record CliRequest(CliCommand command, ClientConfig config) {
}
