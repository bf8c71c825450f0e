package io.sygnify.server.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
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

/** A real Chromium uploads a file on the real page and watches the job to its result. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Timeout(180)
class UploadPageBrowserTest {

    private static final Path DATA = TempDataDir.create("browser");
    private static Browser browser;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("sygnify.data-dir", DATA::toString);
        registry.add("sygnify.engine.threads", () -> "1");
    }

    @Value("${local.server.port}")
    int port;

    @BeforeAll
    static void launch() {
        browser = Browser.launch();
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void uploadedFileIsWatchedThroughItsStagesToTheResultTable() throws Exception {
        Path csv = Csv.largeSales(DATA, 400_000);
        try (BrowserContext context = browser.signedIn("http://localhost:" + port,
                new NewContextOptions().setViewportSize(1280, 900))) {
            Page page = context.newPage();
            page.navigate("http://localhost:" + port + "/");
            page.setInputFiles("[data-testid=file-input]", csv);
            page.waitForURL("**/jobs/*");
            // Record every progress value the bar shows, to prove it follows the live events.
            page.evaluate("() => { window.__progress = []; const seen = () => {"
                    + " const bar = document.querySelector('[data-testid=progress-bar]');"
                    + " if (bar) { const v = Number(bar.getAttribute('aria-valuenow'));"
                    + "   if (window.__progress.at(-1) !== v) window.__progress.push(v); } };"
                    + " seen(); new MutationObserver(seen).observe(document.body,"
                    + " {subtree: true, attributes: true, childList: true}); }");

            assertThat(page.getByTestId("connection-status")).containsText("Connected");
            assertThat(page.getByTestId("stage-insights_ready"))
                    .hasAttribute("data-state", "done", new LocatorAssertions.HasAttributeOptions().setTimeout(120_000));
            assertThat(page.getByTestId("stage-parsing")).hasAttribute("data-state", "done");
            assertThat(page.getByTestId("stage-profiling")).hasAttribute("data-state", "done");

            assertThat(page.getByTestId("dataset-summary")).containsText("400,000");
            assertThat(page.getByTestId("column-profiles")).containsText("amount");
            assertThat(page.getByTestId("column-profiles")).containsText("decimal");
            assertThat(page.getByTestId("column-profiles")).containsText("category");

            @SuppressWarnings("unchecked")
            List<Number> progress = (List<Number>) page.evaluate("() => window.__progress");
            assertThat(progress).as("progress values the bar showed").hasSizeGreaterThan(2);
            assertThat(progress.get(progress.size() - 1).intValue()).isEqualTo(100);
            for (int i = 1; i < progress.size(); i++) {
                assertThat(progress.get(i).doubleValue()).isGreaterThanOrEqualTo(progress.get(i - 1).doubleValue());
            }

            Files.createDirectories(Browser.SCREENSHOTS);
            page.screenshot(new Page.ScreenshotOptions().setPath(Browser.SCREENSHOTS.resolve("job-result-1280.png"))
                    .setFullPage(true));
        }
    }

    /**
     * A department budget with Marketing 20 % over every month: the report's key figures show the plan against the
     * actual, with the variance per department as a percentage, and the key finding says who ran over.
     */
    @Test
    void aBudgetFileShowsWhoRanOverInTheKeyFigures() throws Exception {
        StringBuilder csv = new StringBuilder("Month,Department,Budget,Actual\n");
        String[] departments = {"Marketing", "Engineering", "Support", "Finance"};
        for (int month = 0; month < 24; month++) {
            for (String department : departments) {
                double budget = department.equals("Engineering") ? 100_000 : 20_000;
                // a half-percent wobble that cancels out over every three months
                double actual = budget * (department.equals("Marketing") ? 1.2 : 1.0) * (1 + (month % 3 - 1) * 0.005);
                csv.append(String.format(java.util.Locale.ROOT, "%d-%02d,%s,%.0f,%.2f%n", 2023 + month / 12,
                        month % 12 + 1, department, budget, actual));
            }
        }
        Path file = DATA.resolve("budget.csv");
        Files.writeString(file, csv);
        try (BrowserContext context = browser.signedIn("http://localhost:" + port,
                new NewContextOptions().setViewportSize(1280, 900))) {
            Page page = context.newPage();
            page.navigate("http://localhost:" + port + "/");
            page.setInputFiles("[data-testid=file-input]", file);
            page.waitForURL("**/jobs/*");
            assertThat(page.getByTestId("stage-insights_ready"))
                    .hasAttribute("data-state", "done", new LocatorAssertions.HasAttributeOptions().setTimeout(60_000));

            com.microsoft.playwright.Locator domain = page.locator("[data-domain=plan_vs_actual]");
            assertThat(domain).containsText("Budget (plan)");
            com.microsoft.playwright.Locator marketing = domain.locator("tr", new com.microsoft.playwright.Locator
                    .LocatorOptions().setHasText("Marketing"));
            assertThat(marketing.first()).containsText("20%");
            assertThat(page.getByText("Marketing ran 20 % over Budget").first()).isVisible();

            Files.createDirectories(Browser.SCREENSHOTS);
            domain.screenshot(new com.microsoft.playwright.Locator.ScreenshotOptions()
                    .setPath(Browser.SCREENSHOTS.resolve("plan-vs-actual.png")));
        }
    }

    @Test
    void rejectedUploadShowsTheServersReason() throws Exception {
        Path empty = DATA.resolve("empty.csv");
        Files.write(empty, new byte[0]);
        try (BrowserContext context = browser.signedIn("http://localhost:" + port, new NewContextOptions())) {
            Page page = context.newPage();
            page.navigate("http://localhost:" + port + "/");
            page.setInputFiles("[data-testid=file-input]", empty);
            assertThat(page.getByTestId("upload-error")).containsText("empty");
        }
    }
}
