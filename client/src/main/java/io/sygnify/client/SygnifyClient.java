package io.sygnify.client;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The server's REST API. Thread-safe; one instance can serve a whole application.
 *
 * <p>Every method throws {@link SygnifyApiException} when the server answers with a problem detail, and
 * {@link SygnifyConnectionException} when it cannot be reached.
 */
public final class SygnifyClient {

    private final ClientConfig config;
    private final HttpClient http;

    public SygnifyClient(ClientConfig config) {
        this.config = config;
        // HTTP/1.1: the JDK would otherwise try an h2c upgrade on plain http, which proxies handle badly.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout()).build();
    }

    public ClientConfig config() {
        return config;
    }

    /**
     * Uploads a CSV file as a new job ({@code POST /api/jobs}), streaming it from disk.
     *
     * @throws IllegalArgumentException when {@code file} is not a readable regular file
     */
    public JobCreated upload(Path file) {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException("Not a readable file: " + file);
        }
        MultipartFileBody body;
        try {
            body = new MultipartFileBody("file", file);
        } catch (FileNotFoundException e) {
            throw new IllegalArgumentException("Not a readable file: " + file, e);
        }
        HttpRequest request = request("/api/jobs")
                .header("Content-Type", body.contentType())
                .POST(body.publisher())
                .build();
        return read(send(request), JobCreated.class);
    }

    /** {@code GET /api/jobs/{id}}. */
    public Job job(String id) {
        return read(send(request("/api/jobs/" + segment(id)).timeout(config.requestTimeout()).GET().build()), Job.class);
    }

    /**
     * {@code GET /api/jobs}, newest first.
     *
     * @param page   page number, from 0
     * @param size   jobs per page (the server allows 1–200)
     * @param status only jobs with this status, or null for all
     */
    public JobPage jobs(int page, int size, String status) {
        String query = "?page=" + page + "&size=" + size
                + (status == null || status.isBlank() ? "" : "&status=" + URLEncoder.encode(status, StandardCharsets.UTF_8));
        return read(send(request("/api/jobs" + query).timeout(config.requestTimeout()).GET().build()), JobPage.class);
    }

    /**
     * The finished job's report ({@code GET /api/jobs/{id}/insights}); see {@code docs/insights-schema.json}.
     * Throws {@link SygnifyApiException} with code {@code job_not_finished} while the job is still running.
     */
    public JsonNode insights(String id) {
        String body = send(request("/api/jobs/" + segment(id) + "/insights").timeout(config.requestTimeout())
                .GET().build());
        return parse(body);
    }

    /** Asks the server to cancel the job ({@code POST /api/jobs/{id}/cancel}); returns the job as it is now. */
    public Job cancel(String id) {
        return read(send(request("/api/jobs/" + segment(id) + "/cancel").timeout(config.requestTimeout())
                .POST(HttpRequest.BodyPublishers.noBody()).build()), Job.class);
    }

    /**
     * Deletes a finished job with its report, parsed rows and upload ({@code DELETE /api/jobs/{id}}). Throws
     * {@link SygnifyApiException} with code {@code job_running} while it runs: cancel it first.
     */
    public void delete(String id) {
        send(request("/api/jobs/" + segment(id)).timeout(config.requestTimeout()).DELETE().build());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(config.resolve(path)).header("Accept", "application/json");
        config.bearerToken().ifPresent(token -> builder.header("Authorization", "Bearer " + token));
        return builder;
    }

    private String send(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new SygnifyConnectionException("Cannot reach the Sygnify server at " + config.serverUrl() + " ("
                    + request.method() + " " + request.uri().getPath() + "): " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SygnifyConnectionException("Interrupted while waiting for " + request.method() + " "
                    + request.uri(), e);
        }
        if (response.statusCode() / 100 != 2) {
            throw SygnifyApiException.fromResponse(response.statusCode(), response.body());
        }
        return response.body();
    }

    private static <T> T read(String body, Class<T> type) {
        try {
            return Json.MAPPER.readValue(body, type);
        } catch (JacksonException e) {
            throw new SygnifyConnectionException("The server's answer is not a " + type.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            return Json.MAPPER.readTree(body);
        } catch (JacksonException e) {
            throw new SygnifyConnectionException("The server's answer is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String segment(String id) {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("job id must not be blank");
        }
        return URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The JDK client's ConnectException often has no message (its cause is a bare ClosedChannelException). */
    static String describe(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !cause.getMessage().isBlank()) {
                return cause.getClass().getSimpleName() + ": " + cause.getMessage();
            }
            if (cause instanceof java.net.ConnectException) {
                return "connection refused (nothing listening, or a firewall in the way)";
            }
        }
        return e.getClass().getSimpleName();
    }
}
