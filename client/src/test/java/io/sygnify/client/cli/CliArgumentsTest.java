package io.sygnify.client.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CliArgumentsTest {

    private static CliRequest parse(Map<String, String> env, String... args) throws UsageException {
        return CliArguments.parse(args, env);
    }

    private static CliRequest parse(String... args) throws UsageException {
        return parse(Map.of(), args);
    }

    @Test
    void analyzeTakesAFileAndJsonFlagInAnyOrder() throws Exception {
        CliRequest request = parse("--json", "analyze", "data.csv", "--server", "http://h:9000");
        assertThat(request.command()).isEqualTo(new CliCommand.Analyze(Path.of("data.csv"), true));
        assertThat(request.config().serverUrl()).isEqualTo(URI.create("http://h:9000"));
    }

    @Test
    void serverComesFromTheOptionThenTheEnvironmentThenTheDefault() throws Exception {
        Map<String, String> env = Map.of("SYGNIFY_URL", "http://env:1");
        assertThat(parse(env, "jobs", "--server=http://opt:2").config().serverUrl()).isEqualTo(URI.create("http://opt:2"));
        assertThat(parse(env, "jobs").config().serverUrl()).isEqualTo(URI.create("http://env:1"));
        assertThat(parse("jobs").config().serverUrl()).isEqualTo(URI.create("http://localhost:8000"));
    }

    @Test
    void tokenComesFromTheOptionOrTheEnvironment() throws Exception {
        assertThat(parse(Map.of("SYGNIFY_TOKEN", "env-token"), "jobs").config().bearerToken()).contains("env-token");
        assertThat(parse(Map.of("SYGNIFY_TOKEN", "env-token"), "jobs", "--token", "opt").config().bearerToken())
                .contains("opt");
        assertThat(parse("jobs").config().bearerToken()).isEmpty();
    }

    @Test
    void jobsTakesStatusPageAndSize() throws Exception {
        assertThat(parse("jobs", "--status", "error", "--page", "2", "--size=50").command())
                .isEqualTo(new CliCommand.ListJobs("error", 2, 50));
        assertThat(parse("jobs").command()).isEqualTo(new CliCommand.ListJobs(null, 0, 20));
    }

    @Test
    void cancelAndDeleteTakeOneJobIdAndNoJsonFlag() throws Exception {
        assertThat(parse("cancel", "job-1").command()).isEqualTo(new CliCommand.Cancel("job-1"));
        assertThat(parse("delete", "job-2", "--token", "t").command()).isEqualTo(new CliCommand.Delete("job-2"));
        assertThatThrownBy(() -> parse("delete")).isInstanceOf(UsageException.class).hasMessageContaining("JOB_ID");
        assertThatThrownBy(() -> parse("cancel", "job-1", "--json")).isInstanceOf(UsageException.class)
                .hasMessageContaining("--json does not apply to 'cancel'");
    }

    @Test
    void doubleDashLetsAFileNameStartWithADash() throws Exception {
        assertThat(parse("analyze", "--", "-odd.csv").command())
                .isEqualTo(new CliCommand.Analyze(Path.of("-odd.csv"), false));
    }

    @Test
    void helpWinsOverEverythingElse() throws Exception {
        assertThat(parse("analyze", "-h").command()).isEqualTo(new CliCommand.Help());
        assertThat(parse("--help").command()).isEqualTo(new CliCommand.Help());
    }

    @Test
    void mistakesAreNamedInTheMessage() {
        assertThatThrownBy(() -> parse()).hasMessage("no command given");
        assertThatThrownBy(() -> parse("analyse", "x.csv")).hasMessage("unknown command 'analyse'");
        assertThatThrownBy(() -> parse("analyze")).hasMessage("'analyze' needs a FILE");
        assertThatThrownBy(() -> parse("analyze", "a.csv", "b.csv")).hasMessage("'analyze' takes one FILE, got 2: a.csv b.csv");
        assertThatThrownBy(() -> parse("watch", "j", "--verbose")).hasMessage("unknown option '--verbose'");
        assertThatThrownBy(() -> parse("jobs", "--json")).hasMessage("option --json does not apply to 'jobs'");
        assertThatThrownBy(() -> parse("jobs", "--page")).hasMessage("option --page needs a value");
        assertThatThrownBy(() -> parse("jobs", "--page", "two")).hasMessage("--page must be a whole number, got 'two'");
        assertThatThrownBy(() -> parse("jobs", "--size", "0")).hasMessage("--size must be between 1 and 200, got 0");
        assertThatThrownBy(() -> parse("jobs", "--size", "1", "--size", "2")).hasMessage("option --size is given twice");
        assertThatThrownBy(() -> parse("jobs", "--json=yes")).hasMessage("option --json takes no value");
    }

    @Test
    void badServerUrlsAreUsageErrorsNotSilentlyDefaulted() {
        assertThatThrownBy(() -> parse("jobs", "--server", "localhost:8000"))
                .hasMessageStartingWith("--server: Server URL must look like http://host:port");
        assertThatThrownBy(() -> parse("jobs", "--server", "")).hasMessage("--server must not be empty");
        assertThatThrownBy(() -> parse(Map.of("SYGNIFY_URL", "nonsense"), "jobs"))
                .hasMessageStartingWith("SYGNIFY_URL: ");
    }
}
