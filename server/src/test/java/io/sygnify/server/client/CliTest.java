package io.sygnify.server.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.sygnify.client.ReconnectPolicy;
import io.sygnify.client.cli.SygnifyCli;
import io.sygnify.server.support.Csv;
import io.sygnify.server.support.TempDataDir;
import io.sygnify.server.support.TestAccounts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The {@code sygnify} command against the real server, run in-process (and once as the packaged jar). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Timeout(120)
class CliTest {

    private static final Path DATA = TempDataDir.create("client-cli");
    private static final Path CLI_JAR = Path.of("..", "client", "target", "sygnify-cli.jar");
    private static final Path CLI_CLASS = Path.of("..", "client", "target", "classes", "io", "sygnify", "client",
            "cli", "SygnifyCli.class");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("sygnify.data-dir", DATA::toString);
        registry.add("sygnify.upload.max-size", () -> "1MB");
    }

    @Value("${local.server.port}")
    int port;
    String server;

    /** What one run printed and returned. */
    record Run(int exitCode, String out, String err) {
    }

    @BeforeEach
    void serverUrl() {
        server = "http://localhost:" + port;
    }

    @Test
    void analyzeOfAGoodFileShowsProgressAndFindingsAndExitsZero() throws Exception {
        Run run = cli("analyze", csv("sales.csv", Csv.sales(300)).toString(), "--server", server);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\r[##########] 100% insights_ready")
                .contains("Dataset: 300 rows × 4 columns")
                .contains("with header")
                .containsPattern("amount +decimal");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void analyzeWithJsonPrintsOnlyTheReportOnStdout() throws Exception {
        Run run = cli("analyze", "--json", csv("json.csv", Csv.sales(50)).toString(), "--server", server);

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = JsonMapper.builder().build().readTree(run.out());
        assertThat(report.path("dataset").path("rows").asLong()).isEqualTo(50);
        assertThat(run.err()).contains("100% insights_ready");
    }

    @Test
    void analyzeOfAHeaderOnlyFileReportsTheJobErrorAndExitsOne() throws Exception {
        Run run = cli("analyze", csv("header-only.csv", "a,b\n").toString(), "--server", server);

        assertThat(run.exitCode()).isEqualTo(SygnifyCli.JOB_FAILED);
        assertThat(run.err()).containsPattern("sygnify: job \\S+ failed \\(header_only\\): ");
    }

    @Test
    void badArgumentsExitTwoWithTheReason() throws Exception {
        assertThat(cli("analyse", "x.csv")).satisfies(run -> {
            assertThat(run.exitCode()).isEqualTo(SygnifyCli.USAGE);
            assertThat(run.err()).startsWith("sygnify: unknown command 'analyse'");
        });
        assertThat(cli("analyze", DATA.resolve("missing.csv").toString(), "--server", server)).satisfies(run -> {
            assertThat(run.exitCode()).isEqualTo(SygnifyCli.USAGE);
            assertThat(run.err()).startsWith("sygnify: cannot read file");
        });
        assertThat(cli("jobs", "--size", "500").exitCode()).isEqualTo(SygnifyCli.USAGE);
    }

    @Test
    void unreachableServerExitsThree() throws Exception {
        String nobody = "http://localhost:" + ConnectionRecoveryTest.freePort();

        Run run = cli("analyze", csv("unreachable.csv", Csv.sales(5)).toString(), "--server", nobody);

        assertThat(run.exitCode()).isEqualTo(SygnifyCli.UNAVAILABLE);
        assertThat(run.err()).contains("Cannot reach the Sygnify server at " + nobody);
    }

    @Test
    void uploadRefusedByTheServerPrintsTheProblemDetailAndExitsThree() throws Exception {
        Run run = cli("analyze", csv("big.csv", Csv.sales(100_000)).toString(), "--server", server);

        assertThat(run.exitCode()).isEqualTo(SygnifyCli.UNAVAILABLE);
        assertThat(run.err()).startsWith("sygnify: the server refused the request (HTTP 413, file_too_large): ");
    }

    @Test
    void watchingAnUnknownJobPrintsTheProblemDetailAndExitsThree() {
        Run run = cli("watch", "no-such-job", "--server", server);

        assertThat(run.exitCode()).isEqualTo(SygnifyCli.UNAVAILABLE);
        assertThat(run.err()).contains("(HTTP 404, job_not_found)").contains("no-such-job");
    }

    @Test
    void watchFollowsAJobToItsEnd() throws Exception {
        Run analyzed = cli("analyze", csv("watched.csv", Csv.sales(100)).toString(), "--server", server);
        String jobId = analyzed.out().lines().filter(l -> l.startsWith("Job ")).findFirst().orElseThrow().split(" ")[1];

        Run run = cli("watch", jobId, "--server", server);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("100% insights_ready").contains("Dataset: 100 rows");
    }

    @Test
    void deleteRemovesAFinishedJobWhichCanNoLongerBeCancelled() throws Exception {
        Run analyzed = cli("analyze", csv("deleted.csv", Csv.sales(10)).toString(), "--server", server);
        String jobId = analyzed.out().lines().filter(l -> l.startsWith("Job ")).findFirst().orElseThrow().split(" ")[1];

        Run cancel = cli("cancel", jobId, "--server", server);
        assertThat(cancel.exitCode()).isEqualTo(SygnifyCli.UNAVAILABLE);
        assertThat(cancel.err()).contains("(HTTP 409, job_finished)");

        Run delete = cli("delete", jobId, "--server", server);
        assertThat(delete.exitCode()).as(delete.err()).isZero();
        assertThat(delete.out()).contains("Job " + jobId + " deleted.");
        assertThat(cli("watch", jobId, "--server", server).err()).contains("(HTTP 404, job_not_found)");
    }

    @Test
    void jobsListsUploadedJobsInATable() throws Exception {
        cli("analyze", csv("listed.csv", Csv.sales(10)).toString(), "--server", server);

        Run run = cli("jobs", "--status", "insights_ready", "--size", "200", "--server", server);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().findFirst().orElseThrow()).containsPattern("ID +STATUS +PROGRESS +SIZE +CREATED +FILE");
        assertThat(run.out()).containsPattern("insights_ready +100% .*listed\\.csv");
    }

    @Test
    void packagedJarAnalyzesAFile() throws Exception {
        assumeTrue(Files.isRegularFile(CLI_JAR) && Files.isRegularFile(CLI_CLASS)
                        && !Files.getLastModifiedTime(CLI_JAR).toInstant().isBefore(
                                Files.getLastModifiedTime(CLI_CLASS).toInstant()),
                "client/target/sygnify-cli.jar not built (or older than the classes): run ./mvnw -pl client package");
        Path out = Files.createTempFile(DATA, "cli-", ".out");
        Path err = Files.createTempFile(DATA, "cli-", ".err");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", CLI_JAR.toString(), "analyze", csv("jar.csv", Csv.sales(20)).toString())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().put("SYGNIFY_URL", server); // as a user's shell would set it
        builder.environment().put("SYGNIFY_TOKEN", TestAccounts.ADMIN_TOKEN);

        Process process = builder.start();

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("jar finished").isTrue();
        assertThat(process.exitValue()).as(Files.readString(err)).isZero();
        assertThat(Files.readString(out)).contains("Dataset: 20 rows × 4 columns");
    }

    private Run cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new SygnifyCli(Map.of("SYGNIFY_TOKEN", TestAccounts.ADMIN_TOKEN), ReconnectPolicy.DEFAULT.withMaxAttempts(2)).run(args,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Path csv(String name, String content) throws Exception {
        Path file = Files.createTempFile(DATA, "cli-", "-" + name);
        Files.writeString(file, content);
        return file;
    }
}
