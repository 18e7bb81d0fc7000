package dev.txsuite.endtoend;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import dev.txsuite.launcher.RepositoryRoot;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An operator's browser: the machine's own headless Chromium driven by Playwright, one page at 1280x800. Playwright
 * never downloads a browser here; without Chromium the test fails and says how to install it (CI installs it in
 * {@code .ci/run}). It remembers every request that left for another origin than the one it was opened on, so a
 * test can show that the page loads nothing from the internet.
 */
final class OperatorBrowser implements AutoCloseable {

    /** {@code -Dtxsuite.chromium=/path/to/chromium} where it is installed elsewhere. */
    static final Path CHROMIUM = Path.of(System.getProperty("txsuite.chromium", "/usr/bin/chromium"));

    /** Headless as root in a container, and nothing of its own on the network: no updates, sync or first run. */
    private static final List<String> QUIET_HEADLESS = List.of(
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run");

    private final Playwright playwright;
    private final Page page;
    private final Path screenshots;
    private final List<String> foreignRequests = new CopyOnWriteArrayList<>();
    private final List<String> pageErrors = new CopyOnWriteArrayList<>();

    private OperatorBrowser(Playwright playwright, Page page, Path screenshots) {
        this.playwright = playwright;
        this.page = page;
        this.screenshots = screenshots;
    }

    /** Fails, saying how to install it, when the Chromium this test drives is missing: never skips silently. */
    static void requireChromium() {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException("the admin dashboard test drives the Chromium at " + CHROMIUM
                    + ", which is not installed: install it (Debian/Ubuntu: apt-get install -y chromium; .ci/run"
                    + " does that when it runs as root) or name another with -Dtxsuite.chromium=<path>");
        }
    }

    /** Opens the browser on an empty page; requests to any other origin than {@code origin} are remembered. */
    static OperatorBrowser open(URI origin) {
        requireChromium();
        var playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser = playwright
                    .chromium()
                    .launch(new BrowserType.LaunchOptions()
                            .setExecutablePath(CHROMIUM)
                            .setHeadless(true)
                            .setArgs(QUIET_HEADLESS));
            var page = browser.newContext(new Browser.NewContextOptions()
                            .setViewportSize(1280, 800)
                            .setLocale("en-GB"))
                    .newPage();
            var screenshots = RepositoryRoot.find()
                    .directory()
                    .resolve("end-to-end-tests")
                    .resolve("target")
                    .resolve("screenshots");
            Files.createDirectories(screenshots);
            var opened = new OperatorBrowser(playwright, page, screenshots);
            var prefix = origin.resolve("/").toString();
            page.onRequest(request -> {
                if (!request.url().startsWith(prefix) && !request.url().startsWith("data:")) {
                    opened.foreignRequests.add(request.url());
                }
            });
            page.onPageError(error -> opened.pageErrors.add(error));
            // what an operator would see in the developer tools, for reading a failed run
            page.onResponse(response -> {
                if (response.status() >= 400) {
                    System.out.println("[browser] " + response.status() + " "
                            + response.request().method() + " " + response.url());
                }
            });
            return opened;
        } catch (Exception e) {
            playwright.close();
            throw new IllegalStateException("cannot start Chromium at " + CHROMIUM + " through Playwright", e);
        }
    }

    Page page() {
        return page;
    }

    /** Requests the page made to other origins than its own: none, for a page that works offline. */
    List<String> foreignRequests() {
        return List.copyOf(foreignRequests);
    }

    /** Uncaught script errors in the page. */
    List<String> pageErrors() {
        return List.copyOf(pageErrors);
    }

    /** Saves what the page shows now as {@code end-to-end-tests/target/screenshots/<name>.png}. */
    Path screenshot(String name) {
        var file = screenshots.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file));
        return file;
    }

    @Override
    public void close() {
        playwright.close();
    }
}
