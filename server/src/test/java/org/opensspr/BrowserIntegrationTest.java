package org.opensspr;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/**
 * The portal in a real browser, as a user meets it: Debian's Chromium driven by Playwright (which
 * never downloads a browser here), in English and Dutch, on a laptop (1280x800) and a phone
 * (390x844). A test names elements by role and by the accessible name taken from the server's own
 * message bundles ({@link #text}), so one test body proves both languages, and runs axe-core on the
 * pages it visits ({@link #assertAccessible}). Screenshots go to {@code target/screenshots/}; the
 * ones the docs show are copied to {@code docs/images/} by hand.
 */
public abstract class BrowserIntegrationTest extends ServerIntegrationTest {

    private static final Path SCREENSHOTS = Paths.get("target", "screenshots");
    private static final String AXE = axeSource();
    /** What the portal promises: WCAG 2.1 levels A and AA. */
    private static final String AXE_RUN = "() => axe.run(document, {runOnly: {type: 'tag', values:"
            + " ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}}).then(r => r.violations.map(v =>"
            + " v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).join(', ')))";

    /** A language and a window size the portal must work in. */
    public record View(Locale locale, int width, int height) {

        public static final View EN_DESKTOP = new View(Locale.ENGLISH, 1280, 800);
        public static final View NL_DESKTOP = new View(new Locale("nl"), 1280, 800);
        public static final View EN_PHONE = new View(Locale.ENGLISH, 390, 844);
        public static final View NL_PHONE = new View(new Locale("nl"), 390, 844);

        /** {@code en-1280}: how screenshots and test names tell the views apart. */
        public String name() {
            return locale.getLanguage() + "-" + width;
        }

        @Override
        public String toString() {
            return name();
        }
    }

    private static Playwright playwright;
    private static Browser browser;

    @Autowired
    private MessageSource messages;

    private final List<BrowserContext> contexts = new ArrayList<>();
    private final List<String> consoleErrors = new ArrayList<>();

    /** Every view a portal behaviour is proven in: each language at each width. */
    public static Stream<View> views() {
        return Stream.of(View.EN_DESKTOP, View.NL_DESKTOP, View.EN_PHONE, View.NL_PHONE);
    }

    @BeforeAll
    static void launchBrowser() {
        playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Paths.get("/usr/bin/chromium"))
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync")));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @AfterEach
    void closeContexts() {
        contexts.forEach(BrowserContext::close);
        contexts.clear();
    }

    /**
     * A fresh browser (no cookies) whose language is the view's, at the view's size: the portal
     * picks the language from the browser's {@code Accept-Language}, as for a real user. Script
     * errors and Content-Security-Policy violations are collected for {@link #assertNoConsoleErrors}.
     */
    protected Page open(View view) {
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setLocale(view.locale().toLanguageTag())
                .setViewportSize(view.width(), view.height()));
        context.setDefaultTimeout(15_000);
        contexts.add(context);
        Page page = context.newPage();
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type())) {
                consoleErrors.add(message.text());
            }
        });
        return page;
    }

    /** The text the server shows for a message key in the view's language. */
    protected String text(View view, String key, Object... args) {
        return messages.getMessage(key, args, view.locale());
    }

    /** The address of a portal page on the server under test. */
    protected String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** Signs in on the sign-in page the browser is on. */
    protected void signIn(Page page, View view, String login, String password) {
        page.getByLabel(text(view, "login.username")).fill(login);
        page.getByLabel(text(view, "login.password"), new Page.GetByLabelOptions().setExact(true))
                .fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(text(view, "login.submit")))
                .click();
    }

    /** axe-core on the page as it is now: no WCAG 2.1 A or AA violation. */
    protected void assertAccessible(Page page) {
        assertThat(accessibilityViolations(page))
                .as("axe-core on " + page.url())
                .isEmpty();
    }

    /** axe-core's WCAG 2.1 A and AA violations on the page as it is now: {@code rule-id (impact): help at nodes}. */
    protected List<String> accessibilityViolations(Page page) {
        page.evaluate(AXE);
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) page.evaluate(AXE_RUN);
        return violations;
    }

    /** A full-page screenshot: {@code target/screenshots/<name>-<lang>-<width>.png}. */
    protected void shot(Page page, View view, String name) {
        page.screenshot(new Page.ScreenshotOptions()
                .setPath(SCREENSHOTS.resolve(name + "-" + view.name() + ".png"))
                .setFullPage(true));
    }

    /**
     * No script error and no Content-Security-Policy violation in any page this test opened; the
     * browser's note on a page answered with one of {@code expectedStatuses} (an error page the test
     * went to on purpose) is no error.
     */
    protected void assertNoConsoleErrors(int... expectedStatuses) {
        List<String> errors = new ArrayList<>(consoleErrors);
        for (int status : expectedStatuses) {
            errors.removeIf(
                    e -> e.equals("Failed to load resource: the server responded with a status of " + status + " ()"));
        }
        assertThat(errors)
                .as("no script errors and no Content-Security-Policy violations")
                .isEmpty();
    }

    private static String axeSource() {
        try (InputStream in = BrowserIntegrationTest.class.getResourceAsStream("/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException(
                        "axe.min.js is missing from the test classpath (com.deque.html.axe-core)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
