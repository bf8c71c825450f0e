package io.sygnify.bench.realtime;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The server's HTTP surface the benchmark uses: readiness, upload, job state and the server's own metrics. */
final class ServerApi {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    // HTTP/1.1: Java's default would offer an h2c upgrade on every new plain-http connection.
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String base;

    ServerApi(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    boolean ready() throws InterruptedException {
        try {
            return http.send(get("/actuator/health/readiness"), HttpResponse.BodyHandlers.discarding())
                    .statusCode() == 200;
        } catch (ConnectException e) {
            return false;
        } catch (IOException e) {
            return false; // reset while the server starts or stops
        }
    }

    /** Uploads {@code csv} as a new job; returns its id. */
    String upload(Path csv) throws IOException, InterruptedException {
        String boundary = "bench-" + UUID.randomUUID();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + csv.getFileName() + "\"\r\nContent-Type: text/csv\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/jobs")).timeout(TIMEOUT)
                .header("Authorization", BenchAccount.AUTHORIZATION)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofString(head, StandardCharsets.UTF_8),
                        HttpRequest.BodyPublishers.ofFile(csv),
                        HttpRequest.BodyPublishers.ofString(tail, StandardCharsets.UTF_8)))
                .build();
        JsonNode body = expectJson(request, 202);
        return body.path("job_id").asString();
    }

    record JobState(String status, int progress, long lastSeq) {
    }

    JobState job(String id) throws IOException, InterruptedException {
        JsonNode body = expectJson(get("/api/jobs/" + id), 200);
        return new JobState(body.path("status").asString(), body.path("progress").asInt(),
                body.path("last_seq").asLong());
    }

    /** Cancels a job (queued or running); a job that has already ended is left as it is. */
    void cancel(String id) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/jobs/" + id + "/cancel")).timeout(TIMEOUT)
                .header("Authorization", BenchAccount.AUTHORIZATION)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202 && response.statusCode() != 409) {
            throw new IOException("POST " + request.uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
    }

    /** The server's latest system sample: {@code heap_used_bytes}, {@code ws_connections}, … */
    /** WebSocket connections of every instance together (a single server's own on one node). */
    long connections() throws IOException, InterruptedException {
        return expectJson(get("/api/system/instances"), 200).path("totals").path("connections").asLong(-1);
    }

    JsonNode systemMetrics() throws IOException, InterruptedException {
        return expectJson(get("/api/system/metrics"), 200).path("current");
    }

    /** Prometheus samples whose name starts with {@code prefix}, summed over their labels. */
    Map<String, Double> prometheus(String prefix) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(get("/actuator/prometheus"), HttpResponse.BodyHandlers.ofString());
        Map<String, Double> sums = new TreeMap<>();
        for (String line : response.body().split("\n")) {
            if (!line.startsWith(prefix)) {
                continue;
            }
            int nameEnd = line.indexOf('{') > 0 ? line.indexOf('{') : line.indexOf(' ');
            String value = line.substring(line.lastIndexOf(' ') + 1);
            sums.merge(line.substring(0, nameEnd), Double.parseDouble(value), Double::sum);
        }
        return sums;
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
                .header("Authorization", BenchAccount.AUTHORIZATION).GET().build();
    }

    private JsonNode expectJson(HttpRequest request, int status) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != status) {
            throw new IOException(request.method() + " " + request.uri() + " answered " + response.statusCode()
                    + " (expected " + status + "): " + response.body());
        }
        return json.readTree(response.body());
    }
}
