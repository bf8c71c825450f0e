package io.sygnify.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import io.sygnify.server.support.Csv;
import io.sygnify.server.support.TempDataDir;
import io.sygnify.server.support.TestHttp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Timeout(120)
class JobApiTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Path DATA = TempDataDir.create("api");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("sygnify.data-dir", DATA::toString);
        registry.add("sygnify.upload.max-size", () -> "1MB");
    }

    @Value("${local.server.port}")
    int port;
    TestHttp http;

    @BeforeEach
    void client() {
        http = new TestHttp(port);
    }

    @Test
    void uploadAnswers202WithJobIdAndSocketUrl() {
        TestHttp.Response response = http.upload("sales.csv", Csv.sales(10));
        assertThat(response.status()).isEqualTo(202);
        JsonNode body = response.json();
        String id = body.path("job_id").asString();
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(body.path("status").asString()).isEqualTo("queued");
        assertThat(body.path("ws_url").asString()).isEqualTo("/ws/job/" + id);
    }

    @Test
    void finishedJobShowsItsStateAndInsights() {
        String id = http.createJob("../../etc/sales\u0007.csv", Csv.sales(10));
        JsonNode job = http.awaitTerminal(id, WAIT);
        assertThat(job.path("status").asString()).isEqualTo("insights_ready");
        assertThat(job.path("file_name").asString()).isEqualTo("sales.csv");
        assertThat(job.path("progress").asInt()).isEqualTo(100);
        assertThat(job.path("size_bytes").asLong()).isEqualTo(Csv.sales(10).getBytes(StandardCharsets.UTF_8).length);
        assertThat(job.path("created_at").asString()).isNotBlank();
        assertThat(job.path("started_at").asString()).isNotBlank();
        assertThat(job.path("finished_at").asString()).isNotBlank();

        TestHttp.Response insights = http.get("/api/jobs/" + id + "/insights");
        assertThat(insights.status()).isEqualTo(200);
        assertThat(insights.json().path("dataset").path("rows").asLong()).isEqualTo(10);
        assertThat(insights.json().path("schema_version").asString()).isNotBlank();
    }

    /** Summed in doubles, these amounts make 13.09999999999999; the report says 13.1 (at most 12 digits). */
    @Test
    void reportNumbersCarryNoFloatingPointNoise() {
        StringBuilder csv = new StringBuilder("region,amount\n");
        for (int i = 0; i < 40; i++) {
            csv.append(i % 2 == 0 ? "north" : "south").append(',').append(new String[] {"0.1", "0.2", "0.7"}[i % 3])
                    .append('\n');
        }
        String id = http.createJob("tenths.csv", csv.toString());
        http.awaitTerminal(id, WAIT);

        TestHttp.Response insights = http.get("/api/jobs/" + id + "/insights");
        String body = insights.body();
        JsonNode amountByRegion = insights.json().path("segments").path("breakdowns")
                .valueStream().filter(b -> b.path("measure").asString().equals("amount")).findFirst().orElseThrow();
        assertThat(amountByRegion.path("total").asString()).isEqualTo("13.1");
        java.util.regex.Matcher numbers = java.util.regex.Pattern.compile("(?<![\\w.\"])-?\\d+\\.\\d+(?:[eE][-+]?\\d+)?")
                .matcher(body);
        while (numbers.find()) {
            String digits = numbers.group().replaceAll("[eE].*", "").replaceAll("[-.]", "").replaceFirst("^0+", "");
            assertThat(digits.length()).as("significant digits of %s", numbers.group()).isLessThanOrEqualTo(12);
        }
    }

    @Test
    void finishedJobTellsItsStagesWithTimesAndMessages() {
        String id = http.createJob("sales.csv", Csv.sales(200));
        http.awaitTerminal(id, WAIT);

        TestHttp.Response response = http.get("/api/jobs/" + id + "/timeline");
        assertThat(response.status()).isEqualTo(200);
        JsonNode stages = response.json().path("stages");
        assertThat(stages).extracting(s -> s.path("stage").asString())
                .containsExactly("queued", "parsing", "profiling", "analyzing", "insights_ready");
        java.time.OffsetDateTime previous = null;
        for (JsonNode stage : stages) {
            java.time.OffsetDateTime started = java.time.OffsetDateTime.parse(stage.path("started_at").asString());
            assertThat(previous == null || !started.isBefore(previous)).as(stage.toString()).isTrue();
            previous = started;
        }
        // progress within a stage is thinned to four a second; a stage's first event and report sections never are
        assertThat(stages.get(1).path("messages")).extracting(JsonNode::asString)
                .startsWith("Reading sales.csv (5.2 KB)...").contains("Report section ready: rejects");
        assertThat(stages.get(4).path("messages")).extracting(JsonNode::asString).containsExactly("Analysis complete.");
        assertThat(response.body()).doesNotContain("\"insights\"");

        assertThat(http.get("/api/jobs/00000000-0000-0000-0000-000000000000/timeline").status()).isEqualTo(404);
    }

    @Test
    void jobListIsNewestFirstPaginatedAndFilteredByStatus() {
        String older = http.createJob("a.csv", Csv.sales(5));
        String newer = http.createJob("b.csv", Csv.sales(5));
        http.awaitTerminal(older, WAIT);
        http.awaitTerminal(newer, WAIT);

        JsonNode page = http.get("/api/jobs?page=0&size=2").json();
        assertThat(page.path("items")).extracting(j -> j.path("id").asString()).containsExactly(newer, older);
        assertThat(page.path("total").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(http.get("/api/jobs?page=0&size=1").json().path("items")).hasSize(1);

        JsonNode ready = http.get("/api/jobs?status=insights_ready&size=200").json();
        assertThat(ready.path("items")).allSatisfy(j -> assertThat(j.path("status").asString()).isEqualTo("insights_ready"));
        assertThat(http.get("/api/jobs?status=bogus").json().path("code").asString()).isEqualTo("invalid_status");
        assertThat(http.get("/api/jobs?size=0").status()).isEqualTo(400);
    }

    @Test
    void unknownJobIsProblem404() {
        TestHttp.Response response = http.get("/api/jobs/00000000-0000-0000-0000-000000000000");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().path("code").asString()).isEqualTo("job_not_found");
    }

    @Test
    void insightsOfAFailedJobAre409() {
        String id = http.createJob("header.csv", "a,b,c\n");
        http.awaitTerminal(id, WAIT);
        TestHttp.Response response = http.get("/api/jobs/" + id + "/insights");
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().path("code").asString()).isEqualTo("job_not_finished");
    }

    @Test
    void missingFileFieldIs400() {
        TestHttp.Response response = http.upload("document", "sales.csv", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("code").asString()).isEqualTo("missing_file");
    }

    @Test
    void emptyFileIs400() {
        TestHttp.Response response = http.upload("file", "empty.csv", new byte[0]);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("code").asString()).isEqualTo("empty_file");
    }

    @Test
    void binaryGarbageIs415() {
        byte[] garbage = new byte[4096];
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = (byte) (i * 31 + 7);
        }
        TestHttp.Response response = http.upload("file", "image.csv", garbage);
        assertThat(response.status()).isEqualTo(415);
        assertThat(response.json().path("code").asString()).isEqualTo("not_text");
        assertThat(response.json().path("detail").asString()).contains("NUL byte");
    }

    @Test
    void fileOverTheLimitIs413AndNothingIsKept() throws Exception {
        byte[] big = new byte[2 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'x');
        long uploadsBefore = countUploads();
        TestHttp.Response response = http.upload("file", "big.csv", big);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().path("code").asString()).isEqualTo("file_too_large");
        assertThat(countUploads()).isEqualTo(uploadsBefore);
    }

    @Test
    void headerOnlyFileEndsInJobErrorSayingSo() {
        String id = http.createJob("header.csv", "name,amount,day\n");
        JsonNode job = http.awaitTerminal(id, WAIT);
        assertThat(job.path("status").asString()).isEqualTo("error");
        assertThat(job.path("error_code").asString()).isEqualTo("header_only");
        assertThat(job.path("error").asString()).startsWith("Processing failed: ").contains("header");
    }

    @Test
    void malformedRowIsListedWithItsLineNumberAndTheRestIsAnalysed() {
        String id = http.createJob("bad.csv", "a,b,c\n1,2,3\n4,5,6\n7,8,9,10,11\n12,13,14\n");
        JsonNode job = http.awaitTerminal(id, WAIT);
        assertThat(job.path("status").asString()).isEqualTo("insights_ready");
        JsonNode rejects = http.get("/api/jobs/" + id + "/insights").json().path("rejects");
        assertThat(rejects.path("rows_present").asLong()).isEqualTo(4);
        assertThat(rejects.path("rows_read").asLong()).isEqualTo(3);
        assertThat(rejects.path("rows_rejected").asLong()).isEqualTo(1);
        assertThat(rejects.path("rows").get(0).path("line").asLong()).isEqualTo(4);
    }

    @Test
    void serverKeepsServingAfterBadInput() {
        http.upload("file", "empty.csv", new byte[0]);
        String id = http.createJob("header.csv", "a,b\n");
        http.awaitTerminal(id, WAIT);
        String good = http.createJob("good.csv", Csv.sales(3));
        assertThat(http.awaitTerminal(good, WAIT).path("status").asString()).isEqualTo("insights_ready");
    }

    @Test
    void cancellingAFinishedJobIs409() {
        String id = http.createJob("sales.csv", Csv.sales(3));
        http.awaitTerminal(id, WAIT);
        TestHttp.Response response = http.post("/api/jobs/" + id + "/cancel");
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().path("code").asString()).isEqualTo("job_finished");
    }

    @Test
    void openApiAndSwaggerUiAreServed() {
        JsonNode docs = http.get("/api-docs").json();
        assertThat(docs.path("paths").has("/api/jobs")).isTrue();
        assertThat(docs.path("paths").path("/api/jobs").path("post").path("requestBody").path("content")
                .has("multipart/form-data")).as("the upload form is documented").isTrue();
        assertThat(http.get("/docs").status()).isIn(200, 302, 301, 307);
    }

    @Test
    void everyResponseCarriesSafeSecurityHeaders() throws Exception {
        var client = TestHttp.http11();
        for (String path : new String[] {"/", "/jobs/x", "/api/jobs", "/api/jobs/nope"}) {
            var response = client.send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://localhost:" + port + path)).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            var headers = response.headers();
            assertThat(headers.firstValue("Content-Security-Policy").orElse("")).as(path)
                    .contains("script-src 'self';").contains("frame-ancestors 'none'")
                    .doesNotContain("script-src 'self' 'unsafe-inline'");
            assertThat(headers.firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(headers.firstValue("Referrer-Policy")).as(path).isPresent();
        }
    }

    @Test
    void corsIsClosedToOtherOrigins() throws Exception {
        var client = TestHttp.http11();
        var response = client.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/jobs"))
                .header("Origin", "https://evil.example").build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    private static long countUploads() throws java.io.IOException {
        try (var files = java.nio.file.Files.list(DATA.resolve("uploads"))) {
            return files.count();
        }
    }
}
