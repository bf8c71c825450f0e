package io.sygnify.server.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.sygnify.server.support.Browser;
import io.sygnify.server.support.Csv;
import io.sygnify.server.support.TempDataDir;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A real Chromium on the real pages: several uploads followed on the jobs page, a cancelled job, a file the server
 * rejects after upload, and the Real-Time Monitor following a job. Saves screenshots of every page at desktop and
 * phone widths under target/screenshots.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Timeout(180)
class JobsAndMonitorBrowserTest {

    private static final Path DATA = TempDataDir.create("browser-pages");
    private static Browser browser;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("sygnify.data-dir", DATA::toString);
        // One engine thread makes the large file slow enough to watch and cancel.
        registry.add("sygnify.engine.threads", () -> "1");
    }

    @Value("${local.server.port}")
    int port;

    @BeforeAll
    static void launch() throws Exception {
        browser = Browser.launch();
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private BrowserContext context(int width) {
        return browser.signedIn(url(""), new NewContextOptions().setViewportSize(width, Browser.heightFor(width)));
    }

    private static Locator rowOf(Page page, String fileName) {
        return page.getByTestId("job-row").filter(new Locator.FilterOptions().setHasText(fileName));
    }

    @Test
    void twoFilesUploadedTogetherBothReachInsightsReadyOnTheJobsPage() {
        Path first = Csv.largeSales(DATA, 200_000);
        Path second = Csv.largeSales(DATA, 250_000);
        try (BrowserContext context = context(Browser.WIDE)) {
            Page page = context.newPage();
            page.navigate(url("/"));
            page.setInputFiles("[data-testid=file-input]", new Path[] {first, second});

            // Several files: the page stays, each upload becomes its own job with a live status.
            assertThat(page.locator("[data-testid=upload-item][data-phase=accepted]")).hasCount(2);
            assertThat(page).hasURL(Pattern.compile("/$"));
            Browser.screenshots(page, "upload");

            page.getByRole(AriaRole.LINK,
                    new Page.GetByRoleOptions().setName("Jobs").setExact(true)).click();
            for (Path file : new Path[] {first, second}) {
                assertThat(rowOf(page, file.getFileName().toString()).getByTestId("job-status"))
                        .hasAttribute("data-status", "insights_ready",
                                new LocatorAssertions.HasAttributeOptions()
                                        .setTimeout(120_000));
            }
            assertThat(page.getByTestId("job-row")).hasCount(2);

            rowOf(page, first.getFileName().toString()).getByRole(AriaRole.LINK)
                    .click();
            assertThat(page.getByTestId("job-report")).isVisible();
            // Opened after it ran: the stages' durations come from the job's event log.
            for (String stage : new String[] {"parsing", "profiling", "analyzing"}) {
                assertThat(page.getByTestId("stage-" + stage).getByTestId("stage-duration")).isVisible();
            }
            assertThat(page.getByTestId("dataset-summary")).containsText("200,000");
            assertThat(page.getByTestId("column-detail").first()).isVisible();
            assertThat(page.getByTestId("report-downloads")).isVisible();
            // Every section the real engine sent is one this page can read.
            assertThat(page.getByTestId("section-unreadable")).hasCount(0);
            Browser.screenshots(page, "report");
        }
    }

    @Test
    void cancellingARunningLargeJobShowsItCancelledAndTheMonitorFollowsIt() {
        Path large = Csv.largeSales(DATA, 2_000_000);
        String fileName = large.getFileName().toString();
        try (BrowserContext context = context(Browser.WIDE)) {
            Page monitor = context.newPage();
            monitor.navigate(url("/monitor"));
            assertThat(monitor.getByTestId("connection-status")).hasText("Connected");
            assertThat(monitor.getByTestId("metric-active_jobs")).hasText("0");
            assertThat(monitor.getByTestId("health-component").first()).isVisible();

            Page job = context.newPage();
            job.navigate(url("/"));
            job.setInputFiles("[data-testid=file-input]", large);
            job.waitForURL("**/jobs/*");
            String jobId = job.url().substring(job.url().lastIndexOf('/') + 1);
            assertThat(job.getByTestId("stage-parsing")).hasAttribute("data-state", "active");

            // The monitor sees the job: in the server's figures, in its list of jobs and in the activity feed.
            assertThat(monitor.getByTestId("metric-active_jobs")).hasText("1");
            assertThat(monitor.getByTestId("metric-ws_connections")).hasText(Pattern.compile("^([2-9]|\\d\\d+)$"));
            assertThat(monitor.locator("[data-testid=monitor-job][data-job-id='" + jobId + "']")).containsText(fileName);
            assertThat(monitor.locator("[data-testid=activity-entry][data-kind=job_created]").first()).isVisible();
            // Cancel at once: on a fast machine the job would finish while screenshots are taken.
            job.getByTestId("cancel-job").click();

            assertThat(job.getByTestId("job-cancelled")).isVisible();
            assertThat(job.getByTestId("job-status")).hasAttribute("data-status", "cancelled");
            assertThat(job.getByTestId("cancel-job")).hasCount(0);
            assertThat(monitor.locator("[data-testid=monitor-job][data-job-id='" + jobId + "']"))
                    .hasAttribute("data-status", "cancelled");
            assertThat(monitor.locator("[data-testid=activity-entry][data-kind=job_cancelled]").first()).isVisible();
            assertThat(monitor.getByTestId("metric-active_jobs")).hasText("0");
            Browser.screenshots(monitor, "monitor");
            Browser.screenshots(job, "job");

            assertThat(monitor.locator("a[href='/jobs/" + jobId + "']").first()).isVisible();

            // Ended, it can be deleted: after a confirmation, the job list no longer has it.
            job.getByTestId("delete-job").click();
            Browser.screenshots(job, "delete-confirm");
            job.getByTestId("confirm-delete").click();
            job.waitForURL("**/jobs");
            assertThat(job.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Jobs"))).isVisible();
            assertThat(rowOf(job, fileName)).hasCount(0);
            // The open monitor hears of it: the job leaves its list and no activity entry links to it any more.
            assertThat(monitor.locator("[data-testid=activity-entry][data-kind=job_deleted]").first()).isVisible();
            assertThat(monitor.locator("[data-testid=monitor-job][data-job-id='" + jobId + "']")).hasCount(0);
            assertThat(monitor.locator("a[href='/jobs/" + jobId + "']")).hasCount(0);
            job.navigate(url("/jobs/" + jobId));
            assertThat(job.getByText(Pattern.compile("not found|does not exist", Pattern.CASE_INSENSITIVE)).first())
                    .isVisible();
        }
    }

    @Test
    void aFileWithOnlyAHeaderShowsWhyItFailedAndWhatToDo() throws Exception {
        Path headerOnly = DATA.resolve("header-only.csv");
        Files.writeString(headerOnly, "a,b\n");
        try (BrowserContext context = context(Browser.WIDE)) {
            Page page = context.newPage();
            page.navigate(url("/"));
            page.setInputFiles("[data-testid=file-input]", headerOnly);
            page.waitForURL("**/jobs/*");

            assertThat(page.getByTestId("job-error")).containsText("no data rows");
            assertThat(page.getByTestId("job-error-advice")).containsText("Add the data under the header");
            assertThat(page.getByTestId("job-status")).hasAttribute("data-status", "error");
            assertThat(page.getByTestId("cancel-job")).hasCount(0);
            assertThat(page.getByTestId("delete-job")).isEnabled();
        }
    }
}
