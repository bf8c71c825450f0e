package io.sygnify.server.support;

import java.io.ByteArrayOutputStream;
import java.net.CookieManager;
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

    public record Response(int status, String contentType, String body,
                           java.util.Map<String, java.util.List<String>> headers) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }

        @Override
        public String toString() {
            return "Response[" + status + " " + contentType + " " + body + "]";
        }
    }

    private final CookieManager cookies;
    private final HttpClient client;
    private final String base;
    /** Sent as {@code Authorization: Bearer}; null to rely on the session cookie (or nothing). */
    private final String token;

    /** A client acting as the seeded administrator (bearer token). */
    public TestHttp(int port) {
        this("http://localhost:" + port, TestAccounts.ADMIN_TOKEN);
    }

    private boolean sendCsrfHeader = true;

    private TestHttp(String base, String token) {
        this(base, token, new CookieManager());
    }

    /** The same session (cookies shared) that forgets the CSRF header, like a forged cross-site request. */
    public TestHttp withoutCsrfHeader() {
        TestHttp forged = new TestHttp(base, token, cookies);
        forged.sendCsrfHeader = false;
        return forged;
    }

    private TestHttp(String base, String token, CookieManager cookies) {
        this.base = base;
        this.token = token;
        this.cookies = cookies;
        // HTTP/1.1, as browsers and the sygnify client speak it: the JDK's default offers an h2c upgrade on the first
        // request of every plain-http connection, a path no real client of this server takes.
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).cookieHandler(cookies).build();
    }

    /** A bare JDK client speaking HTTP/1.1 (see the constructor), for tests that build their own requests. */
    public static HttpClient http11() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** A client acting as the holder of {@code token}. */
    public TestHttp as(String token) {
        return new TestHttp(base, token);
    }

    /** A client with no credential, with its own cookie jar (see {@link #signIn}). */
    public TestHttp anonymous() {
        return new TestHttp(base, null);
    }

    public String baseUrl() {
        return base;
    }

    /** Signs in with a password; later requests carry the session cookie and, on changes, the CSRF header. */
    public Response signIn(String username, String password) {
        return postJson("/api/auth/login", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
    }

    /** The value of a cookie this client holds, or null. */
    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response post(String path) {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public Response postJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response patchJson(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    /** Any request, with extra headers, exactly as given (no CSRF header added). */
    public Response raw(String method, String path, java.util.Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        headers.forEach(builder::header);
        return sendAsIs(builder);
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
        return send(request("/api/jobs")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
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

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    /** Like the web app: a change made with the session cookie echoes the XSRF-TOKEN cookie in a header. */
    private Response send(HttpRequest.Builder builder) {
        HttpRequest probe = builder.copy().build();
        if (token == null && !probe.method().equals("GET") && cookie("XSRF-TOKEN") == null
                && cookie("SYGNIFY_SESSION") != null) {
            get("/api/auth/me");
        }
        String csrf = cookie("XSRF-TOKEN");
        if (token == null && csrf != null && sendCsrfHeader && !probe.method().equals("GET")) {
            builder.header("X-XSRF-TOKEN", csrf);
        }
        return sendAsIs(builder);
    }

    private Response sendAsIs(HttpRequest.Builder builder) {
        try {
            HttpRequest bounded = builder.timeout(REQUEST_TIMEOUT).build();
            HttpResponse<String> response = client.send(bounded, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), response.headers().map());
        } catch (java.net.http.HttpTimeoutException e) {
            HttpRequest request = builder.build();
            throw new AssertionError(request.method() + " " + request.uri() + " got no answer within "
                    + REQUEST_TIMEOUT + "; the server's busy threads:\n" + ServerThreads.busy(), e);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
