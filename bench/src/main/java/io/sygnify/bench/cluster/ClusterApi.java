package io.sygnify.bench.cluster;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The HTTP surface the benchmark uses, through nginx or straight to one instance, with the admin token. */
final class ClusterApi {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    // HTTP/1.1: Java's default would offer an h2c upgrade on every plain-http request.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String base;
    private final String authorization;

    ClusterApi(int port, String token) {
        this.base = "http://127.0.0.1:" + port;
        this.authorization = "Bearer " + token;
    }

    String base() {
        return base;
    }

    boolean ready() throws InterruptedException {
        try {
            return http.send(get("/actuator/health/readiness"), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (IOException e) {
            return false; // refused or reset while starting
        }
    }

    /** A new job, and the instance that took the upload (its {@code X-Sygnify-Instance} header, if sent). */
    record Upload(String jobId, String instance) {
    }

    /** Uploads {@code csv} as a new job. */
    Upload upload(Path csv) throws IOException, InterruptedException {
        String boundary = "bench-" + UUID.randomUUID();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + csv.getFileName() + "\"\r\nContent-Type: text/csv\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/jobs")).timeout(TIMEOUT)
                .header("Authorization", authorization)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofString(head, StandardCharsets.UTF_8),
                        HttpRequest.BodyPublishers.ofFile(csv),
                        HttpRequest.BodyPublishers.ofString(tail, StandardCharsets.UTF_8)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Upload(parse(request, response, 202).path("job_id").asString(),
                response.headers().firstValue("X-Sygnify-Instance").orElse("unnamed"));
    }

    /** A job as GET /api/jobs/{id} reports it; the timestamps are the server's (null until reached). */
    record Job(String id, String status, String error, Instant createdAt, Instant startedAt, Instant finishedAt) {

        boolean succeeded() {
            return "insights_ready".equals(status);
        }

        boolean failed() {
            return "error".equals(status) || "cancelled".equals(status);
        }
    }

    Job job(String id) throws IOException, InterruptedException {
        JsonNode body = expectJson(get("/api/jobs/" + id), 200);
        return new Job(id, body.path("status").asString(), text(body.path("error")),
                instant(body.path("created_at")), instant(body.path("started_at")),
                instant(body.path("finished_at")));
    }

    /** GET /api/system/instances, or empty when this server does not have the endpoint yet (404). */
    Optional<JsonNode> instances() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(get("/api/system/instances"), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(parse(get("/api/system/instances"), response, 200));
    }

    /** The Prometheus exposition of this server. */
    String prometheus() throws IOException, InterruptedException {
        HttpRequest request = get("/actuator/prometheus");
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + request.uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response.body();
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .header("Authorization", authorization).GET().build();
    }

    private JsonNode expectJson(HttpRequest request, int status) throws IOException, InterruptedException {
        return parse(request, http.send(request, HttpResponse.BodyHandlers.ofString()), status);
    }

    private JsonNode parse(HttpRequest request, HttpResponse<String> response, int status) throws IOException {
        if (response.statusCode() != status) {
            throw new IOException(request.method() + " " + request.uri() + " answered " + response.statusCode()
                    + " (expected " + status + "): " + response.body());
        }
        return json.readTree(response.body());
    }

    private static String text(JsonNode node) {
        return node.isString() ? node.asString() : null;
    }

    private static Instant instant(JsonNode node) {
        String text = text(node);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
