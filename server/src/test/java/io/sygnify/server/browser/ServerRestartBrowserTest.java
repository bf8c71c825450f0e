package io.sygnify.server.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import io.sygnify.server.SygnifyApplication;
import io.sygnify.server.support.Browser;
import io.sygnify.server.support.Csv;
import io.sygnify.server.support.TempDataDir;
import io.sygnify.server.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The server is stopped while the job page watches a running job and started again on the same port and data
 * directory: the page says it is reconnecting, then shows the completed report, with no reload and no navigation.
 */
@Timeout(300)
class ServerRestartBrowserTest {

    /** Large enough to be still running when the server stops (the same file as ResumeAcrossRestartTest). */
    private static final int ROWS = 1_500_000;
    private static final String RUNNING_STAGE = "[data-testid=stage-parsing][data-state=active],"
            + "[data-testid=stage-profiling][data-state=active],[data-testid=stage-analyzing][data-state=active]";

    /**
     * The page retries 5 times after delays drawn uniformly from [0, 1], [0, 2], [0, 4], [0, 8] and [0, 16] s
     * (lib/realtime/backoff.ts, full jitter), so it gives up and offers Retry anywhere from 0 to 31 s after the
     * server goes: a restart of 10 s outlasts about one draw in six. Each draw is pinned to the top 5 % of its
     * range, giving a window of at least 29 s, so the test checks reconnection and not luck; the backoff code
     * itself runs unchanged.
     */
    private static final String PIN_JITTER_HIGH =
            "(() => { const draw = Math.random.bind(Math); Math.random = () => 0.95 + 0.05 * draw(); })();";

    /** Every connection state the indicator shows, in order, recorded in the page. */
    private static final String RECORD_CONNECTION_STATES = """
            () => {
              window.__pageLoadedBeforeRestart = true;
              window.__connectionStates = [];
              const record = () => {
                const status = document.querySelector('[data-testid=connection-status]');
                const entry = status ? status.dataset.state + ': ' + status.textContent : 'none';
                if (window.__connectionStates.at(-1) !== entry) window.__connectionStates.push(entry);
              };
              record();
              new MutationObserver(record).observe(document.body,
                  { subtree: true, childList: true, characterData: true, attributes: true });
            }""";

    @Test
    void jobPageShowsReconnectingWhileTheServerRestartsThenTheCompletedReportWithoutAReload() throws Exception {
        Path data = TempDataDir.create("browser-restart");
        Path large = Csv.largeSales(data, ROWS);
        int port = io.sygnify.server.support.ClusterNode.freePort();
        String base = "http://localhost:" + port;

        ConfigurableApplicationContext server = start(port, data);
        try (Browser browser = Browser.launch();
             BrowserContext context = browser.signedIn(base, new NewContextOptions().setViewportSize(Browser.WIDE, 900))) {
            TestHttp.Response upload = new TestHttp(port).upload("file", large.getFileName().toString(),
                    Files.readAllBytes(large));
            assertThat(upload.status()).as("upload %s", upload).isEqualTo(202);
            String jobId = upload.json().path("job_id").asString();

            Page page = context.newPage();
            page.addInitScript(PIN_JITTER_HIGH);
            page.navigate(base + "/jobs/" + jobId);
            Locator connection = page.getByTestId("connection-status");
            assertThat(connection).hasAttribute("data-state", "connected");
            assertThat(page.locator(RUNNING_STAGE)).hasCount(1);

            // From here on the page must not load again or move: a reload loses the marker, a move is a navigation.
            page.evaluate(RECORD_CONNECTION_STATES);
            List<String> navigations = new CopyOnWriteArrayList<>();
            page.onFrameNavigated(frame -> {
                if (frame == page.mainFrame()) {
                    navigations.add(frame.url());
                }
            });

            long stopAt = System.nanoTime();
            server.close();
            long closedAt = System.nanoTime();
            assertThat(connection).hasText(Pattern.compile("^Reconnecting"));
            assertThat(connection).hasAttribute("data-state", Pattern.compile("reconnecting|connecting"));
            assertThat(page.getByTestId("job-report")).hasCount(0);
            Browser.screenshots(page, "restart-reconnecting");
            long startAt = System.nanoTime();
            server = start(port, data);
            long upAt = System.nanoTime();
            System.out.printf("Server restart: stop took %d ms, start took %d ms, down for %d ms%n",
                    (closedAt - stopAt) / 1_000_000, (upAt - startAt) / 1_000_000, (upAt - stopAt) / 1_000_000);

            assertThat(connection).hasText("Connected");
            assertThat(page.getByTestId("stage-insights_ready")).hasAttribute("data-state", "done",
                    new LocatorAssertions.HasAttributeOptions().setTimeout(180_000));
            assertThat(page.getByTestId("job-status")).hasAttribute("data-status", "insights_ready");
            assertThat(page.getByTestId("job-report")).isVisible();
            assertThat(page.getByTestId("dataset-summary")).containsText("1,500,000");
            assertThat(page.getByTestId("report-findings")).isVisible();
            assertThat(page.getByTestId("column-detail").first()).isVisible();
            assertThat(page.getByTestId("section-unreadable")).hasCount(0);

            assertThat(page.evaluate("() => window.__pageLoadedBeforeRestart === true"))
                    .as("the page was not reloaded").isEqualTo(true);
            assertThat(navigations).as("main-frame navigations after the first load").isEmpty();
            assertThat(page.url()).isEqualTo(base + "/jobs/" + jobId);
            @SuppressWarnings("unchecked")
            List<String> states = (List<String>) page.evaluate("() => window.__connectionStates");
            System.out.println("Connection states the page showed: " + states);
            assertThat(states).first().asString().startsWith("connected");
            assertThat(states).anyMatch(s -> s.startsWith("reconnecting: Reconnecting in"));
            assertThat(states).last().asString().startsWith("connected");
            assertThat(states).as("the page never gave up (no Retry button)").noneMatch(s -> s.startsWith("offline"));
            Browser.screenshots(page, "restart-completed");
        } finally {
            server.close();
        }
    }

    private static ConfigurableApplicationContext start(int port, Path data) {
        return new SpringApplicationBuilder(SygnifyApplication.class).run("--server.port=" + port,
                "--sygnify.data-dir=" + data, "--sygnify.jobs.workers=1", "--sygnify.engine.threads=1");
    }
}
