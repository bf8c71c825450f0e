package io.sygnify.client.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.sygnify.client.ClientConfig;

/** Parses {@code sygnify COMMAND [ARG] [OPTIONS]}; options may come before or after the command. */
final class CliArguments {

    static final String USAGE = """
            Usage: sygnify COMMAND [OPTIONS]

            Commands:
              analyze FILE [--json]    Upload a CSV file, show the analysis live, print the key findings.
                                       --json prints the report as JSON on stdout (progress on stderr).
              watch JOB_ID [--json]    Follow a job live to its end.
              cancel JOB_ID            Stop a running job.
              delete JOB_ID            Delete a finished job with its report, parsed rows and uploaded file.
              jobs [--status S] [--page N] [--size N]
                                       List jobs, newest first. Pages count from 0; size 1-200 (default 20).
                                       S: queued, parsing, profiling, analyzing, insights_ready, error, cancelled.

            Options:
              --server URL    Server to talk to (default: $SYGNIFY_URL, else http://localhost:8000)
              --token TOKEN   Bearer token, if the server needs one (default: $SYGNIFY_TOKEN)
              -h, --help      Show this help

            Exit codes: 0 job complete, 1 job failed or cancelled, 2 bad arguments,
                        3 server unreachable or request refused.
            """;

    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 200;

    private static final Set<String> WITH_VALUE = Set.of("--server", "--token", "--status", "--page", "--size");
    private static final Set<String> FLAGS = Set.of("--json", "--help");
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "analyze", Set.of("--server", "--token", "--json"),
            "watch", Set.of("--server", "--token", "--json"),
            "cancel", Set.of("--server", "--token"),
            "delete", Set.of("--server", "--token"),
            "jobs", Set.of("--server", "--token", "--status", "--page", "--size"));

    private CliArguments() {
    }

    static CliRequest parse(String[] args, Map<String, String> env) throws UsageException {
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        boolean onlyPositional = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (onlyPositional || !arg.startsWith("-") || arg.equals("-")) {
                positional.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                onlyPositional = true;
                continue;
            }
            String name = arg.equals("-h") ? "--help" : arg;
            String value = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                name = arg.substring(0, equals);
                value = arg.substring(equals + 1);
            }
            if (FLAGS.contains(name)) {
                if (value != null) {
                    throw new UsageException("option " + name + " takes no value");
                }
                value = "true";
            } else if (WITH_VALUE.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.length) {
                        throw new UsageException("option " + name + " needs a value");
                    }
                    value = args[++i];
                }
            } else {
                throw new UsageException("unknown option '" + arg + "'");
            }
            if (options.put(name, value) != null) {
                throw new UsageException("option " + name + " is given twice");
            }
        }
        if (options.containsKey("--help")) {
            return new CliRequest(new CliCommand.Help(), null);
        }
        if (positional.isEmpty()) {
            throw new UsageException("no command given");
        }
        String command = positional.get(0);
        Set<String> allowed = ALLOWED.get(command);
        if (allowed == null) {
            throw new UsageException("unknown command '" + command + "'");
        }
        for (String option : options.keySet()) {
            if (!allowed.contains(option)) {
                throw new UsageException("option " + option + " does not apply to '" + command + "'");
            }
        }
        List<String> operands = positional.subList(1, positional.size());
        CliCommand parsed = switch (command) {
            case "analyze" -> new CliCommand.Analyze(Path.of(single(operands, command, "FILE")),
                    options.containsKey("--json"));
            case "watch" -> new CliCommand.Watch(single(operands, command, "JOB_ID"), options.containsKey("--json"));
            case "cancel" -> new CliCommand.Cancel(single(operands, command, "JOB_ID"));
            case "delete" -> new CliCommand.Delete(single(operands, command, "JOB_ID"));
            default -> listJobs(operands, options);
        };
        return new CliRequest(parsed, config(options, env));
    }

    private static CliCommand listJobs(List<String> operands, Map<String, String> options) throws UsageException {
        if (!operands.isEmpty()) {
            throw new UsageException("unexpected argument '" + operands.get(0) + "' for 'jobs'");
        }
        String status = options.get("--status");
        if (status != null && status.isBlank()) {
            throw new UsageException("--status must not be empty");
        }
        int page = number(options, "--page", 0);
        int size = number(options, "--size", DEFAULT_PAGE_SIZE);
        if (page < 0) {
            throw new UsageException("--page must be 0 or more, got " + page);
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new UsageException("--size must be between 1 and " + MAX_PAGE_SIZE + ", got " + size);
        }
        return new CliCommand.ListJobs(status, page, size);
    }

    private static String single(List<String> operands, String command, String what) throws UsageException {
        if (operands.isEmpty()) {
            throw new UsageException("'" + command + "' needs a " + what);
        }
        if (operands.size() > 1) {
            throw new UsageException("'" + command + "' takes one " + what + ", got " + operands.size() + ": "
                    + String.join(" ", operands));
        }
        if (operands.get(0).isBlank()) {
            throw new UsageException(what + " must not be empty");
        }
        return operands.get(0);
    }

    private static int number(Map<String, String> options, String name, int fallback) throws UsageException {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be a whole number, got '" + value + "'");
        }
    }

    /** The option wins over the environment; an option given empty is an error, not a fall-back to the default. */
    private static ClientConfig config(Map<String, String> options, Map<String, String> env) throws UsageException {
        String url = setting(options, "--server", env, "SYGNIFY_URL");
        String token = setting(options, "--token", env, "SYGNIFY_TOKEN");
        ClientConfig config;
        try {
            config = ClientConfig.of(url == null ? ClientConfig.DEFAULT_URL : url);
        } catch (IllegalArgumentException e) {
            throw new UsageException((options.containsKey("--server") ? "--server" : "SYGNIFY_URL") + ": "
                    + e.getMessage());
        }
        try {
            return config.withToken(token);
        } catch (IllegalArgumentException e) {
            throw new UsageException((options.containsKey("--token") ? "--token" : "SYGNIFY_TOKEN") + ": "
                    + e.getMessage());
        }
    }

    private static String setting(Map<String, String> options, String option, Map<String, String> env, String variable)
            throws UsageException {
        String value = options.get(option);
        if (value != null) {
            if (value.isBlank()) {
                throw new UsageException(option + " must not be empty");
            }
            return value;
        }
        String fromEnv = env.get(variable);
        return fromEnv == null || fromEnv.isBlank() ? null : fromEnv;
    }
}
