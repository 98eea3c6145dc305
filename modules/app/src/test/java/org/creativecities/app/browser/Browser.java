package org.creativecities.app.browser;

import org.creativecities.app.testkit.PackagedServer;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;

/**
 * One person's browser: a real headless Chromium (Debian's {@code chromium}, driven through {@code chromedriver})
 * with its own profile, so two {@code Browser}s are two people with separate storage and sessions.
 *
 * <p>Waiting is explicit and generous ({@link #TIMEOUT}); no test asserts a duration. The UI renders into the
 * light DOM, so ordinary CSS selectors reach everything. {@link #screenshot(String)} saves a PNG under
 * {@code target/screenshots}; {@link #axe()} runs axe-core (WCAG 2.1 A/AA rules) on the current page.
 */
public final class Browser implements AutoCloseable {

    /** How long a wait may take before the test fails: a loaded CI machine can be slow. */
    public static final Duration TIMEOUT = Duration.ofSeconds(20);

    private static final String CHROMIUM = System.getProperty("ccc.it.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");

    private final PackagedServer server;
    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final Path profile;

    private Browser(PackagedServer server, String language, int width, int height) {
        for (String program : new String[] {CHROMIUM, CHROMEDRIVER}) {
            if (!Files.isExecutable(Path.of(program))) {
                throw new IllegalStateException(program + " is missing: the browser tests need Debian's Chromium and "
                        + "its driver (apt-get install -y chromium chromium-driver), as .ci/run installs them.");
            }
        }
        this.server = server;
        try {
            this.profile = Files.createTempDirectory("ccc-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--autoplay-policy=no-user-gesture-required", "--mute-audio",
                "--window-size=" + width + "," + height, "--lang=" + language,
                "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        this.wait = new WebDriverWait(driver, TIMEOUT, Duration.ofMillis(50));
    }

    /** A desktop-sized browser speaking English. */
    public static Browser open(PackagedServer server) {
        return new Browser(server, "en-GB", 1280, 900);
    }

    /** A desktop-sized browser whose preferred language is {@code language} (e.g. "fr-FR"). */
    public static Browser open(PackagedServer server, String language) {
        return new Browser(server, language, 1280, 900);
    }

    /** A phone-sized browser (390×844). */
    public static Browser phone(PackagedServer server) {
        return new Browser(server, "en-GB", 390, 844);
    }

    /** The underlying driver, for what this class does not wrap. */
    public WebDriver driver() {
        return driver;
    }

    /** Opens a page of the server, e.g. {@code go("/cities/lyon")}. */
    public Browser go(String path) {
        driver.get(server.baseUri().resolve(path).toString());
        return this;
    }

    /** The current address's path and query. */
    public String path() {
        java.net.URI uri = java.net.URI.create(driver.getCurrentUrl());
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** Signs this browser in with a token obtained through the API (for tests where signing in is not the point). */
    public Browser useToken(String token) {
        go("/");
        driver.executeScript("localStorage.setItem('ccc.token', arguments[0]);", token);
        driver.navigate().refresh();
        return this;
    }

    /** Waits until an element matching {@code css} is visible, and returns it. */
    public WebElement find(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /** Every element matching {@code css} now (no waiting). */
    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits until an element matching {@code css} is visible and contains {@code text}, and returns it. */
    public WebElement findWithText(String css, String text) {
        return waiting("no visible '" + css + "' containing '" + text + "'").until(d -> {
            for (WebElement e : d.findElements(By.cssSelector(css))) {
                try {
                    if (e.isDisplayed() && e.getText().contains(text)) {
                        return e;
                    }
                } catch (org.openqa.selenium.StaleElementReferenceException stale) {
                    // Re-rendered while we looked: try again on the next poll.
                }
            }
            return null;
        });
    }

    /** Waits until nothing matching {@code css} is visible. */
    public void waitGone(String css) {
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(css)));
    }

    /** Waits until a condition holds (returns non-null / true), and returns its value. */
    public <T> T until(String what, Function<WebDriver, T> condition) {
        return waiting(what).until(condition);
    }

    /** A wait of its own with a failure message (withMessage would change the shared wait's message for good). */
    private WebDriverWait waiting(String message) {
        WebDriverWait w = new WebDriverWait(driver, TIMEOUT, Duration.ofMillis(50));
        w.withMessage(message);
        // A condition that reads elements of a list Lit re-renders meanwhile meets a stale one: look again.
        w.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return w;
    }

    /** Clicks the element matching {@code css}, once it is clickable. */
    public Browser click(String css) {
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
        return this;
    }

    /** Replaces the value of the input matching {@code css}. */
    public Browser type(String css, String text) {
        WebElement input = find(css);
        input.clear();
        input.sendKeys(text);
        return this;
    }

    /** Runs JavaScript in the page and returns its result. */
    public Object js(String script, Object... args) {
        return driver.executeScript(script, args);
    }

    /** Saves a screenshot as {@code target/screenshots/<name>.png} and returns its path. */
    public Path screenshot(String name) {
        Path dir = Path.of(System.getProperty("ccc.it.screenshots", "target/screenshots"));
        try {
            Files.createDirectories(dir);
            Path target = dir.resolve(name + ".png");
            Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Saves a screenshot the guides show, {@code <name>.png}, into {@link #documentationScreenshots()} (and, as
     * {@link #screenshot(String)} does, under {@code target/screenshots}), at a fixed viewport: 1280×757 on a
     * desktop-sized browser, 390×701 on a phone-sized one (what their windows leave to the page). The README and
     * the guides link these files; {@code DocumentScreenshotsTest} fails when they link one no test makes.
     */
    public Path documentScreenshot(String name) {
        return documentScreenshot(name, null);
    }

    /**
     * The same, with the element matching {@code css} scrolled to just under the shell's header for the shot (the
     * page is scrolled back to the top after it).
     */
    public Path documentScreenshot(String name, String css) {
        boolean phone = ((Number) driver.executeScript("return window.innerWidth;")).intValue() < 600;
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", phone ? 390 : 1280,
                "height", phone ? 701 : 757, "deviceScaleFactor", 1, "mobile", false));
        try {
            if (css != null) {
                driver.executeScript("document.querySelector(arguments[0]).scrollIntoView(); window.scrollBy(0, -72);",
                        css);
            }
            Path shot = screenshot(name);
            Path dir = documentationScreenshots();
            Files.createDirectories(dir);
            return Files.copy(shot, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (css != null) {
                driver.executeScript("window.scrollTo(0, 0);");
            }
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    /**
     * Where the guides' screenshots are written: {@code -Dccc.screenshots.dir}, by default the repository's
     * {@code docs/screenshots}, two levels above the module's base directory.
     */
    public static Path documentationScreenshots() {
        String dir = System.getProperty("ccc.screenshots.dir");
        if (dir != null && !dir.isBlank()) {
            return Path.of(dir);
        }
        Path base = Path.of(System.getProperty("basedir", Path.of("").toAbsolutePath().toString()));
        return base.toAbsolutePath().resolve("../../docs/screenshots").normalize();
    }

    /** The browser console's entries since the last call (errors, warnings, logs). */
    public List<LogEntry> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll();
    }

    /**
     * Milliseconds from navigation start to the UI's mark that the current page rendered ({@code ccc-rendered}),
     * or -1 when there is no such mark. The tests print it; none asserts it.
     */
    public long firstRenderMillis() {
        Object value = driver.executeScript(
                "const m = performance.getEntriesByName('ccc-rendered');"
                        + "return m.length ? Math.round(m[m.length - 1].startTime) : -1;");
        return ((Number) value).longValue();
    }

    /**
     * Runs axe-core on the page (WCAG 2.0/2.1 A and AA rules) and returns the violations whose impact is
     * "serious" or "critical", each as "rule-id (impact): help (n nodes: targets)". axe is injected once per
     * document: pages the router shows after it reuse it.
     */
    @SuppressWarnings("unchecked")
    public List<String> axe() {
        if (!Boolean.TRUE.equals(driver.executeScript("return typeof window.axe === 'object';"))) {
            driver.executeScript(axeSource());
        }
        Object raw = driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a','wcag2aa','wcag21a','wcag21aa']}})"
                        + ".then(r => done(r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
                        + ".map(v => v.id + ' (' + v.impact + '): ' + v.help + ' (' + v.nodes.length + ' nodes: '"
                        + " + v.nodes.slice(0, 5).map(n => n.target.join(' ')).join(', ') + ')')))"
                        + ".catch(e => done(['axe failed: ' + e]));");
        return (List<String>) raw;
    }

    private static String axeSource() {
        String resource = "META-INF/resources/webjars/axe-core/" + System.getProperty("axe.version", "4.6.3")
                + "/axe.min.js";
        try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("axe-core is not on the test class path: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A leftover temp profile is harmless.
        }
    }
}
