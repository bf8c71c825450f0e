package io.sygnify.server.support;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real HTTP client for the server under test. */
public final class TestHttp {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public record Response(int status, String contentType, String body) {
        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public TestHttp(int port) {
        this.base = "http://localhost:" + port;
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    public Response post(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /** multipart/form-data with one part named {@code field}. */
    public Response upload(String field, String fileName, byte[] content) {
        String boundary = "----sygnify" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + fileName + "\"\r\nContent-Type: text/csv\r\n\r\n";
        body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + "/api/jobs"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build());
    }

    public Response upload(String fileName, String csv) {
        return upload("file", fileName, csv.getBytes(StandardCharsets.UTF_8));
    }

    /** Uploads and returns the new job's id, failing unless the server accepted it. */
    public String createJob(String fileName, String csv) {
        Response response = upload(fileName, csv);
        if (response.status() != 202) {
            throw new AssertionError("Upload refused: " + response);
        }
        return response.json().path("job_id").asString();
    }

    /** Polls the job until {@code condition} holds on its JSON. */
    public JsonNode awaitJob(String jobId, Predicate<JsonNode> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode job = null;
        while (System.nanoTime() < deadline) {
            job = get("/api/jobs/" + jobId).json();
            if (condition.test(job)) {
                return job;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("Job " + jobId + " did not reach the condition within " + timeout + ": " + job);
    }

    public JsonNode awaitTerminal(String jobId, Duration timeout) {
        return awaitJob(jobId, j -> j.path("status").asString().matches("insights_ready|error|cancelled"), timeout);
    }

    /** No request of a test may hang: a server that does not answer fails the test with a clear error. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private Response send(HttpRequest request) {
        try {
            HttpRequest bounded = HttpRequest.newBuilder(request, (name, value) -> true)
                    .timeout(REQUEST_TIMEOUT).build();
            HttpResponse<String> response = client.send(bounded, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
