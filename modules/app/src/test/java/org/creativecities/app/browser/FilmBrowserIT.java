package org.creativecities.app.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Keys;

/**
 * The film watch party in real browsers, through the film plugin's UI modules: the city's film page lists a
 * screening and opens its watch party; in the room page, the host's seek, play and pause are followed by a
 * guest's {@code <video>}, whose controls are disabled; a late joiner (in French) starts where the party is. The
 * film is a two-minute WebM that the test makes with ffmpeg and serves with byte ranges (so players can seek).
 */
@BrowserLane
@ExtendWith(BrowserServer.class)
class FilmBrowserIT {

    private static final String CITY = "gdynia";
    private static final String PARTY = "[data-testid=film-party]";
    private static final String VIDEO = "[data-testid=film-video]";
    /** How far (seconds) a follower's player may be from the host's: a correctness bound, not a speed one. */
    private static final double TOLERANCE = 3.0;

    private static Path film;
    private static HttpServer media;

    @BeforeAll
    static void makeAndServeAFilm() throws Exception {
        Path dir = Files.createTempDirectory("ccc-film");
        film = dir.resolve("testsrc.webm");
        List<String> command = List.of("ffmpeg", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
                "testsrc=duration=120:size=320x180:rate=10", "-c:v", "libvpx", "-b:v", "200k", "-an",
                film.toString());
        Process ffmpeg;
        try {
            ffmpeg = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            fail("This test needs ffmpeg on the PATH to make its test film (apt-get install ffmpeg): " + e.getMessage());
            return;
        }
        String output = new String(ffmpeg.getInputStream().readAllBytes());
        assertTrue(ffmpeg.waitFor(120, TimeUnit.SECONDS), "ffmpeg did not finish");
        assertEquals(0, ffmpeg.exitValue(), "ffmpeg could not make the test film: " + output);
        media = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        media.createContext("/testsrc.webm", FilmBrowserIT::serveRange);
        media.start();
        System.out.printf("[film] test film: %s (%d bytes) at %s%n", film, Files.size(film), videoUrl());
    }

    @AfterAll
    static void stopMedia() {
        if (media != null) {
            media.stop(0);
        }
    }

    private static String videoUrl() {
        return "http://127.0.0.1:" + media.getAddress().getPort() + "/testsrc.webm";
    }

    /** Answers GET and HEAD for the film, whole or one byte range ({@code Range: bytes=a-b}), as players ask. */
    private static void serveRange(HttpExchange exchange) throws IOException {
        try (exchange) {
            long size = Files.size(film);
            long start = 0;
            long end = size - 1;
            int status = 200;
            String range = exchange.getRequestHeaders().getFirst("Range");
            Matcher m = range == null ? null : Pattern.compile("bytes=(\\d*)-(\\d*)").matcher(range.trim());
            if (m != null && m.matches()) {
                if (m.group(1).isEmpty()) {
                    start = Math.max(0, size - Long.parseLong(m.group(2)));
                } else {
                    start = Long.parseLong(m.group(1));
                    if (!m.group(2).isEmpty()) {
                        end = Math.min(end, Long.parseLong(m.group(2)));
                    }
                }
                if (start > end) {
                    exchange.getResponseHeaders().set("Content-Range", "bytes */" + size);
                    exchange.sendResponseHeaders(416, -1);
                    return;
                }
                status = 206;
                exchange.getResponseHeaders().set("Content-Range", "bytes " + start + "-" + end + "/" + size);
            }
            long length = end - start + 1;
            exchange.getResponseHeaders().set("Content-Type", "video/webm");
            exchange.getResponseHeaders().set("Accept-Ranges", "bytes");
            boolean head = exchange.getRequestMethod().equals("HEAD");
            exchange.sendResponseHeaders(status, head ? -1 : length);
            if (head) {
                return;
            }
            try (RandomAccessFile file = new RandomAccessFile(film.toFile(), "r"); OutputStream out =
                    exchange.getResponseBody()) {
                file.seek(start);
                byte[] buffer = new byte[64 * 1024];
                long left = length;
                while (left > 0) {
                    int n = file.read(buffer, 0, (int) Math.min(buffer.length, left));
                    if (n < 0) {
                        break;
                    }
                    out.write(buffer, 0, n);
                    left -= n;
                }
            } catch (IOException e) {
                // The player closed the connection (it seeks elsewhere): nothing to answer any more.
            }
        }
    }

    private static void members(TestUser admin, TestUser... people) {
        for (TestUser p : people) {
            Api.Response joined = p.post("/api/cities/" + CITY + "/members", null).expect(201, 202);
            if (joined.status() == 202) {
                admin.post("/api/cities/" + CITY + "/requests/" + p.id() + "/approve", null).expect(200);
            }
        }
    }

    private static double currentTime(Browser b) {
        return ((Number) b.js("return document.querySelector(arguments[0]).currentTime", VIDEO)).doubleValue();
    }

    private static boolean paused(Browser b) {
        return (Boolean) b.js("return document.querySelector(arguments[0]).paused", VIDEO);
    }

    /** Waits until the party's player has its film's metadata (it can be positioned). */
    private static void playerReady(Browser b) {
        b.find(VIDEO);
        b.until("the film's metadata loads", d -> (Boolean) b.js(
                "const v = document.querySelector(arguments[0]); return v.readyState >= 1 && !v.error", VIDEO));
    }

    /** Waits until the player is at about {@code seconds} (and paused, or playing); returns how long it took. */
    private static long follows(Browser b, String who, double seconds, boolean playing) {
        return follows(b, who, () -> seconds, playing);
    }

    /** Waits until the player is near the position {@code target} gives at each check; returns how long it took. */
    private static long follows(Browser b, String who, DoubleSupplier target, boolean playing) {
        long start = System.nanoTime();
        b.until(who + " follows (" + (playing ? "playing" : "paused") + ")", d -> {
            double expected = target.getAsDouble();
            return Math.abs(currentTime(b) - expected) <= TOLERANCE && paused(b) == !playing;
        });
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static long since(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }

    @Test
    void theHostsSeekPlayAndPauseAreFollowedAndALateJoinerStartsAtThePartysPosition(PackagedServer server,
                                                                                    Api api) {
        TestUser host = TestUser.admin(server);
        String suffix = String.valueOf(ThreadLocalRandom.current().nextInt(10000, 99999));
        TestUser guest = TestUser.register(api, "Guest" + suffix);
        TestUser late = TestUser.register(api, "Late" + suffix);
        members(host, guest, late);
        String title = "Test pattern " + suffix;
        host.post("/api/plugins/film/cities/" + CITY + "/screenings", Api.json("title", title, "year", 2026,
                "description", "Two minutes of colour bars.", "startsAt", "2026-12-24T18:00:00Z",
                "videoUrl", videoUrl(), "runtimeMinutes", 2)).expect(201);

        try (Browser h = Browser.open(server); Browser g = Browser.open(server);
             Browser l = Browser.open(server, "fr-FR")) {
            // The city's film page (the plugin's page module), where the host opens the screening's watch party.
            h.useToken(host.token());
            h.go("/cities/" + CITY + "/modules/film");
            h.findWithText("[data-testid=film-screening]", title);
            System.out.printf("[film] film page first render: %d ms%n", h.firstRenderMillis());
            h.screenshot("film-page");
            assertEquals(List.of(), h.axe(), "accessibility of the film page");
            h.js("const card = [...document.querySelectorAll('[data-testid=film-screening]')]"
                    + ".find(c => c.textContent.includes(arguments[0]));"
                    + "card.querySelector('[data-testid=film-open-party]').click();", title);
            String roomPath = h.until("the watch party's room opens",
                    d -> h.path().matches("/rooms/\\d+") ? h.path() : null);
            h.find(PARTY + "[data-host=true]");
            playerReady(h);

            // The guest's player follows; its playback controls are disabled, with the reason.
            g.useToken(guest.token());
            g.go(roomPath);
            g.find(PARTY + "[data-host=false]");
            playerReady(g);
            System.out.printf("[film] room with watch party first render (guest): %d ms%n", g.firstRenderMillis());
            assertFalse(g.find("[data-testid=film-toggle]").isEnabled(), "a guest cannot control playback");
            assertFalse(g.find("[data-testid=film-position]").isEnabled());
            g.findWithText(PARTY, "Only the host controls playback");
            assertTrue(paused(g));

            // The host seeks to 60 s with the keyboard-operable position slider.
            long seekAt = System.nanoTime();
            h.js("const r = document.querySelector('[data-testid=film-position]'); r.focus(); r.value = '60';"
                    + "r.dispatchEvent(new Event('input', {bubbles: true}));"
                    + "r.dispatchEvent(new Event('change', {bubbles: true}));");
            follows(g, "the guest", 60, false);
            System.out.printf("[film] seek to 60 s followed by the guest %d ms after the host's seek%n", since(seekAt));
            follows(h, "the host", 60, false);

            // The host plays: the guest plays from there too.
            long playAt = System.nanoTime();
            h.click("[data-testid=film-toggle]");
            follows(g, "the guest", () -> currentTime(h), true);
            System.out.printf("[film] play followed by the guest %d ms after the host's click%n", since(playAt));
            assertFalse(paused(h), "the host's player plays too");
            double gap = Math.abs(currentTime(h) - currentTime(g));
            System.out.printf("[film] host/guest gap while playing: %.2f s%n", gap);
            assertTrue(gap <= TOLERANCE, "the guest plays in step with the host: " + gap + " s apart");

            // A late joiner (French UI) starts where the party is now, playing.
            l.useToken(late.token());
            l.go(roomPath);
            l.find(PARTY + "[data-host=false]");
            l.findWithText(PARTY, "anime la séance");
            playerReady(l);
            long lateDelay = follows(l, "the late joiner", () -> currentTime(h), true);
            System.out.printf("[film] late joiner in step %d ms after its player loaded (at %.1f s, host at %.1f s)%n",
                    lateDelay, currentTime(l), currentTime(h));
            assertTrue(currentTime(l) > 60, "the late joiner did not start from the beginning");

            // The host pauses with the keyboard: everyone pauses at the host's position.
            long pauseAt = System.nanoTime();
            h.find("[data-testid=film-toggle]").sendKeys(Keys.SPACE);
            h.until("the host's player pauses", d -> paused(h));
            double pausedAt = currentTime(h);
            follows(g, "the guest", pausedAt, false);
            long guestPaused = since(pauseAt);
            follows(l, "the late joiner", pausedAt, false);
            System.out.printf("[film] pause at %.1f s followed by the guest %d ms and the late joiner %d ms after the "
                    + "host's click%n", pausedAt, guestPaused, since(pauseAt));
            g.screenshot("film-watch-party");
            List<String> roomViolations = g.axe();
            System.out.println("[film] axe on the watch-party room page: " + roomViolations);
            assertEquals(List.of(), roomViolations.stream().filter(v -> v.contains("film")).toList(),
                    "accessibility of the watch-party element");
            l.screenshot("film-watch-party-fr");
            try (Browser phone = Browser.phone(server)) {
                phone.go("/cities/" + CITY + "/modules/film");
                phone.findWithText("[data-testid=film-screening]", title);
                phone.find("[data-testid=film-screening] [data-testid=film-join]");
                assertEquals(List.of(), phone.axe(), "accessibility of the film page on a phone");
                assertTrue((Boolean) phone.js("return document.documentElement.scrollWidth <= window.innerWidth"),
                        "the film page fits a phone's width");
                phone.screenshot("film-page-phone");
                phone.go(roomPath);
                phone.find(PARTY + "[data-host=false]");
                phone.findWithText(PARTY, "sign in to take part");
                assertTrue((Boolean) phone.js("const p = document.querySelector(arguments[0]).getBoundingClientRect();"
                        + "return p.right <= window.innerWidth + 1", PARTY), "the watch party fits a phone's width");
                phone.screenshot("film-watch-party-phone");
            }
            assertTrue(g.console().stream().noneMatch(e -> e.getLevel().getName().equals("SEVERE")
                    && e.getMessage().contains("/plugins/film/")), "the film module logged no error");
        }
    }
}
