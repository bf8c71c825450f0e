package io.sygnify.server.support;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.Playwright;

/** Debian's Chromium driven by Playwright; Playwright never downloads a browser of its own here. */
public final class Browser implements AutoCloseable {

    /** Where the browser tests leave their screenshots. */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** The two widths every page is shown at: a desktop and a 375 px phone. */
    public static final int WIDE = 1280;
    public static final int NARROW = 375;

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;

    private Browser() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        String executable = System.getenv().getOrDefault("SYGNIFY_CHROMIUM", "/usr/bin/chromium");
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(executable))
                .setHeadless(true)
                .setArgs(List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking")));
    }

    /**
     * Also sets every Playwright assertion's default wait to 30 s (from 5 s): the setting is global, so one test
     * class setting it made the others' waits depend on the order the classes ran in; and on two busy cores a
     * page can take longer than 5 s to show what a running job sends.
     */
    public static Browser launch() {
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(30_000);
        return new Browser();
    }

    public com.microsoft.playwright.Browser chromium() {
        return browser;
    }

    /** A fresh browser profile signed in through the sign-in page as {@code username}. */
    public BrowserContext signedIn(String baseUrl, com.microsoft.playwright.Browser.NewContextOptions options,
                                   String username, String password) {
        BrowserContext context = browser.newContext(options);
        Page page = context.newPage();
        page.navigate(baseUrl + "/login");
        page.getByLabel("User name", new Page.GetByLabelOptions().setExact(true)).fill(username);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(url -> !url.contains("/login"));
        page.close();
        return context;
    }

    /** A fresh browser profile signed in as the seeded administrator. */
    public BrowserContext signedIn(String baseUrl, com.microsoft.playwright.Browser.NewContextOptions options) {
        return signedIn(baseUrl, options, "admin", TestAccounts.ADMIN_PASSWORD);
    }

    /** The viewport height that goes with {@code width}: a phone's for {@link #NARROW}. */
    public static int heightFor(int width) {
        return width == NARROW ? 812 : 900;
    }

    /** Full-page screenshots at both widths, named {@code name-1280.png} and {@code name-375.png}. */
    public static void screenshots(Page page, String name) {
        screenshots(page, name, true, null);
    }

    /**
     * Screenshots at both widths, the page's state unchanged in between; {@code beforeEach} (JavaScript, or null)
     * runs after each resize, e.g. to scroll back to what the picture is about.
     */
    public static void screenshots(Page page, String name, boolean fullPage, String beforeEach) {
        try {
            java.nio.file.Files.createDirectories(SCREENSHOTS);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        for (int width : new int[] {WIDE, NARROW}) {
            page.setViewportSize(width, heightFor(width));
            if (beforeEach != null) {
                page.evaluate(beforeEach);
            }
            page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + "-" + width + ".png"))
                    .setFullPage(fullPage));
        }
        page.setViewportSize(WIDE, heightFor(WIDE));
    }

    /**
     * What each page showed, for a failure message: its address and the start of its visible text, with a
     * screenshot of each left in {@link #SCREENSHOTS} as {@code failure-<name>-<n>.png}. A timeout alone says
     * only what was missing; this says what was there instead.
     */
    public static String stateOf(String name, Page... pages) {
        StringBuilder state = new StringBuilder();
        for (int i = 0; i < pages.length; i++) {
            Page page = pages[i];
            if (page == null || page.isClosed()) {
                continue;
            }
            try {
                java.nio.file.Files.createDirectories(SCREENSHOTS);
                page.screenshot(new Page.ScreenshotOptions().setTimeout(10_000)
                        .setPath(SCREENSHOTS.resolve("failure-" + name + "-" + i + ".png")));
                String text = page.locator("body").innerText(new com.microsoft.playwright.Locator.InnerTextOptions()
                        .setTimeout(10_000)).replaceAll("\\s+", " ");
                state.append("\npage ").append(i).append(" at ").append(page.url()).append(": ")
                        .append(text, 0, Math.min(text.length(), 600));
            } catch (RuntimeException | java.io.IOException e) {
                state.append("\npage ").append(i).append(" at ").append(page.url()).append(": (unreadable: ")
                        .append(e.getMessage().lines().findFirst().orElse("")).append(')');
            }
        }
        return state.toString();
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }
}
