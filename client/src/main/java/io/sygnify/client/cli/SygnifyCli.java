package io.sygnify.client.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;

import io.sygnify.client.ClientConfig;
import io.sygnify.client.Job;
import io.sygnify.client.JobCreated;
import io.sygnify.client.JobEvent;
import io.sygnify.client.JobEventType;
import io.sygnify.client.RealtimeConnection;
import io.sygnify.client.ReconnectPolicy;
import io.sygnify.client.SygnifyApiException;
import io.sygnify.client.SygnifyClient;
import io.sygnify.client.SygnifyConnectionException;
import io.sygnify.client.SygnifyProtocolException;
import tools.jackson.databind.JsonNode;

/**
 * The {@code sygnify} command: {@code analyze FILE}, {@code watch JOB_ID}, {@code jobs}. Run {@code sygnify --help}
 * for the options.
 *
 * <p>Exit codes: {@value #OK} job complete, {@value #JOB_FAILED} job failed or cancelled, {@value #USAGE} bad
 * arguments, {@value #UNAVAILABLE} server unreachable or request refused.
 */
public final class SygnifyCli {

    public static final int OK = 0;
    public static final int JOB_FAILED = 1;
    public static final int USAGE = 2;
    public static final int UNAVAILABLE = 3;

    private final Map<String, String> env;
    private final ReconnectPolicy policy;

    /** @param env environment variables ({@code SYGNIFY_URL}, {@code SYGNIFY_TOKEN}) */
    public SygnifyCli(Map<String, String> env) {
        this(env, ReconnectPolicy.DEFAULT);
    }

    /** @param policy how the live connection reconnects (tests use short delays) */
    public SygnifyCli(Map<String, String> env, ReconnectPolicy policy) {
        this.env = Map.copyOf(env);
        this.policy = policy;
    }

    public static void main(String[] args) {
        // UTF-8 whatever the platform default, for the bar's "—" and the summary's "×" and "•".
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        System.exit(new SygnifyCli(System.getenv()).run(args, out, err));
    }

    /** Runs one command line and returns its exit code; never calls {@code System.exit}. */
    public int run(String[] args, PrintStream out, PrintStream err) {
        CliRequest request;
        try {
            request = CliArguments.parse(args, env);
        } catch (UsageException e) {
            return usageError(e.getMessage(), err);
        }
        try {
            CliCommand command = request.command();
            if (command instanceof CliCommand.Analyze analyze) {
                return analyze(analyze, request.config(), out, err);
            }
            if (command instanceof CliCommand.Watch watch) {
                return watch(watch, request.config(), out, err);
            }
            if (command instanceof CliCommand.Cancel cancel) {
                Job job = new SygnifyClient(request.config()).cancel(cancel.jobId());
                out.println("Job " + job.id() + ": cancel requested (" + job.status() + ").");
                return OK;
            }
            if (command instanceof CliCommand.Delete delete) {
                new SygnifyClient(request.config()).delete(delete.jobId());
                out.println("Job " + delete.jobId() + " deleted.");
                return OK;
            }
            if (command instanceof CliCommand.ListJobs list) {
                return jobs(list, request.config(), out);
            }
            out.print(CliArguments.USAGE);
            return OK;
        } catch (SygnifyApiException e) {
            err.println("sygnify: the server refused the request (HTTP " + e.status() + ", " + e.code() + "): "
                    + e.detail());
            return UNAVAILABLE;
        } catch (SygnifyConnectionException e) {
            err.println("sygnify: " + e.getMessage());
            return UNAVAILABLE;
        } catch (SygnifyProtocolException e) {
            err.println("sygnify: the server refused to stream the job (" + e.error().code() + "): "
                    + e.error().message());
            return UNAVAILABLE;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int analyze(CliCommand.Analyze command, ClientConfig config, PrintStream out, PrintStream err) {
        Path file = command.file();
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            return usageError("cannot read file '" + file + "'" + (Files.isDirectory(file) ? " (it is a directory)" : ""),
                    err);
        }
        PrintStream progress = command.json() ? err : out;
        SygnifyClient client = new SygnifyClient(config);
        long size = sizeOf(file);
        progress.println("Uploading " + file.getFileName() + " (" + HumanBytes.format(size) + ") to "
                + config.serverUrl() + " …");
        JobCreated created = client.upload(file);
        progress.println("Job " + created.jobId() + " " + created.status() + ".");
        return follow(client, created.jobId(), 0L, command.json(), out, err);
    }

    private int watch(CliCommand.Watch command, ClientConfig config, PrintStream out, PrintStream err) {
        SygnifyClient client = new SygnifyClient(config);
        String jobId = client.job(command.jobId()).id(); // a wrong id fails here with the server's problem detail
        (command.json() ? err : out).println("Watching job " + jobId + " on " + config.serverUrl() + " …");
        return follow(client, jobId, null, command.json(), out, err);
    }

    private int jobs(CliCommand.ListJobs command, ClientConfig config, PrintStream out) {
        out.print(JobTable.render(new SygnifyClient(config).jobs(command.page(), command.size(), command.status()),
                ZoneId.systemDefault()));
        return OK;
    }

    private int follow(SygnifyClient client, String jobId, Long lastSeq, boolean json, PrintStream out,
                       PrintStream err) {
        JobEvent end;
        try (RealtimeConnection connection = new RealtimeConnection(client.config(), policy)) {
            end = new JobFollower(connection, new ProgressBar(json ? err : out), policy.maxAttempts())
                    .follow(jobId, lastSeq);
        }
        if (end.type() == JobEventType.ERROR) {
            String what = "cancelled".equals(end.stage()) ? "was cancelled" : "failed";
            err.println("sygnify: job " + jobId + " " + what + (end.code() == null ? "" : " (" + end.code() + ")")
                    + ": " + end.message());
            return JOB_FAILED;
        }
        JsonNode report = end.insights() != null ? end.insights() : client.insights(jobId);
        if (json) {
            out.println(report.toPrettyString());
        } else {
            out.println();
            out.print(ReportSummary.render(report));
        }
        return OK;
    }

    private static int usageError(String message, PrintStream err) {
        err.println("sygnify: " + message);
        err.println("Run 'sygnify --help' for usage.");
        return USAGE;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
