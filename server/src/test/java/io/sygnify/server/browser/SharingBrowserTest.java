package io.sygnify.server.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.PlaywrightException;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.sygnify.server.support.Browser;
import io.sygnify.server.support.Csv;
import io.sygnify.server.support.TempDataDir;
import io.sygnify.server.support.TestAccounts;
import io.sygnify.server.support.TestHttp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The happy path of sharing, in two real browsers: an analyst uploads, shares the running job with a colleague
 * from the share dialog, both watch it live and see each other, and the colleague's page is read-only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Timeout(240)
class SharingBrowserTest {

    private static final Path DATA = TempDataDir.create("browser-sharing");
    private static final LocatorAssertions.IsVisibleOptions LONG = new LocatorAssertions.IsVisibleOptions()
            .setTimeout(120_000);
    private static Browser browser;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("sygnify.data-dir", DATA::toString);
    }

    @Value("${local.server.port}")
    int port;

    @BeforeAll
    static void launch() throws Exception {
        Files.createDirectories(Browser.SCREENSHOTS);
        browser = Browser.launch();
    }

    @AfterAll
    static void close() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void ownerSharesARunningJobAndBothWatchItLiveTogether() throws Exception {
        String base = "http://localhost:" + port;
        TestHttp admin = new TestHttp(port);
        TestAccounts.User alice = TestAccounts.create(admin, "ANALYST");
        TestAccounts.User bob = TestAccounts.create(admin, "ANALYST");
        Path large = Csv.largeSales(DATA, 1_500_000);
        String jobId = admin.as(alice.token()).upload("file", large.getFileName().toString(),
                Files.readAllBytes(large)).json().path("job_id").asString();
        NewContextOptions wide = new NewContextOptions().setViewportSize(1280, 900);

        try (BrowserContext owner = browser.signedIn(base, wide, alice.username(), alice.password());
             BrowserContext guest = browser.signedIn(base, wide, bob.username(), bob.password())) {
            Page ownerPage = owner.newPage();
            try {
                watchTogether(base, jobId, ownerPage, guest, bob, alice);
            } catch (AssertionError | PlaywrightException e) {
                throw new AssertionError(e.getMessage().lines().findFirst().orElse("") + "\nWhat the pages showed:"
                        + Browser.stateOf("sharing", ownerPage, guestPage), e);
            }
        }
    }

    private Page guestPage;

    private void watchTogether(String base, String jobId, Page ownerPage, BrowserContext guest,
                               TestAccounts.User bob, TestAccounts.User alice) {
        ownerPage.navigate(base + "/jobs/" + jobId);
        // The server is busy parsing 1.5 million rows on this machine's two cores: give the page time to load.
        Locator share = ownerPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Share")
                .setExact(true));
        assertThat(share).isVisible(LONG);
        share.click();
        Locator dialog = ownerPage.getByRole(AriaRole.DIALOG,
                new Page.GetByRoleOptions().setName("Share this job"));
        dialog.getByLabel("User name", new Locator.GetByLabelOptions().setExact(true)).fill(bob.username());
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Add person")).click();
        assertThat(dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                .setName("Remove " + bob.username()))).isVisible();
        ownerPage.screenshot(new Page.ScreenshotOptions().setPath(Browser.SCREENSHOTS.resolve("share-dialog-1280.png")));
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close").setExact(true))
                .click();

        guestPage = guest.newPage();
        guestPage.navigate(base + "/jobs/" + jobId);
        assertThat(guestPage.getByTestId("shared-by")).containsText("Shared with you by " + alice.username());
        assertThat(guestPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel")))
                .hasCount(0);

        // Presence: each sees the other while the job runs, without reloading.
        assertThat(ownerPage.getByTestId("presence")).containsText("Also watching: " + bob.username());
        assertThat(guestPage.getByTestId("presence")).containsText("Also watching: " + alice.username());
        guestPage.screenshot(new Page.ScreenshotOptions().setPath(Browser.SCREENSHOTS.resolve("shared-job-1280.png")));

        assertThat(guestPage.getByTestId("job-report")).isVisible(LONG);
        assertThat(ownerPage.getByTestId("job-report")).isVisible(LONG);
        assertThat(guestPage.getByTestId("dataset-summary")).containsText("1,500,000");
    }
}
