package org.creativecities.app.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.creativecities.app.music.Music;
import org.creativecities.app.testkit.Api;
import org.creativecities.app.testkit.PackagedServer;
import org.creativecities.app.testkit.TestUser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A listening room in real browsers, through the music plugin's UI module: the host uploads WAV tones (made in Java,
 * no network) with the room's form, a guest hears the first in step with the host, queues a link and votes it up,
 * the host moves a track, removes one and skips; when a tone ends the next starts by itself in every browser, and a
 * late joiner (in French) starts where the others are. Then a playlist work shows through its work
 * kind element. Takes the screenshots of docs/plugins/music.md.
 */
@BrowserLane
@ExtendWith(BrowserServer.class)
class MusicBrowserIT {

    private static final String ROOM = "[data-testid=music-room]";
    private static final String AUDIO = "[data-testid=music-audio]";
    private static final String NOW = "[data-testid=music-now-title]";
    /** How far (seconds) a listener's player may be from the host's: a correctness bound, not a speed one. */
    private static final double TOLERANCE = 1.5;

    private static Path wav(String name, int hz, int millis) {
        try {
            Path file = Files.createTempDirectory("ccc-music").resolve(name);
            Files.write(file, Music.tone(hz, millis));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double currentTime(Browser b) {
        return ((Number) b.js("return document.querySelector(arguments[0]).currentTime", AUDIO)).doubleValue();
    }

    /** Waits until the browser plays the track titled {@code title}, its audio loaded and running. */
    private static void plays(Browser b, String title) {
        b.findWithText(NOW, title);
        b.until(title + " plays", d -> (Boolean) b.js("const a = document.querySelector(arguments[0]);"
                + "return !!a && a.readyState >= 1 && !a.error && !a.paused && a.currentTime > 0", AUDIO));
    }

    private static void upload(Browser b, String title, Path file) {
        b.click("[data-testid=music-source-file]");
        b.type("[data-testid=music-title]", title);
        b.find("[data-testid=music-file]").sendKeys(file.toString());
        b.click("[data-testid=music-submit]");
        b.until("the form is ready again", d -> (Boolean) b.js(
                "return !document.querySelector('[data-testid=music-submit]').disabled"));
    }

    private static List<String> queue(Browser b) {
        @SuppressWarnings("unchecked")
        List<String> titles = (List<String>) b.js("return [...document.querySelectorAll("
                + "'[data-testid=music-track] .music-title')].map(e => e.textContent.trim())");
        return titles;
    }

    @Test
    void aQueueFilledInTheBrowserPlaysInStepAndAdvancesByItselfForEveryone(PackagedServer server, Api api) {
        TestUser admin = TestUser.admin(server);
        TestUser host = TestUser.register(api, "DJ Host");
        TestUser guest = TestUser.register(api, "Listener Guest");
        TestUser late = TestUser.register(api, "Auditrice Tardive");
        String city = Music.city(admin, "Bristol Beats");
        Music.join(city, host, guest, late);
        Music.coordinator(admin, city, host);
        long room = Music.listeningRoom(host, city, "Sunday tones");
        Path first = wav("tone-a.wav", 440, 60_000);
        Path second = wav("tone-b.wav", 660, 4_000);
        Path third = wav("tone-c.wav", 550, 40_000);

        try (Browser h = Browser.open(server); Browser g = Browser.open(server);
             Browser l = Browser.open(server, "fr-FR")) {
            h.useToken(host.token());
            h.go("/rooms/" + room);
            h.find(ROOM + "[data-host=true]");
            h.find("[data-testid=music-idle]");
            upload(h, "Tone A", first);
            plays(h, "Tone A");
            upload(h, "Tone B", second);
            h.findWithText("[data-testid=music-track]", "Tone B");

            // The guest hears Tone A where the host is, queues a link and votes it up past Tone B.
            g.useToken(guest.token());
            g.go("/rooms/" + room);
            g.find(ROOM + "[data-host=false]");
            plays(g, "Tone A");
            double gap = Math.abs(currentTime(h) - currentTime(g));
            assertTrue(gap <= TOLERANCE, "the guest plays in step with the host: " + gap + " s apart");
            assertTrue(g.all("[data-testid=music-skip]").isEmpty(), "a guest has no skip button");
            g.type("[data-testid=music-title]", "Night bus");
            g.type("[data-testid=music-url]", "https://archive.org/night-bus.mp3");
            g.type("[data-testid=music-seconds]", "200");
            g.click("[data-testid=music-submit]");
            g.findWithText("[data-testid=music-track]", "Night bus");
            g.js("document.querySelector('[data-testid=music-track][data-track=t3] [data-testid=music-vote]').click()");
            g.until("the vote moves Night bus up", d -> queue(g).equals(List.of("Night bus", "Tone B")));
            g.findWithText("[data-testid=music-track][data-track=t3] [data-testid=music-votes]", "1 vote");
            g.documentScreenshot("music-listening-room");
            List<String> violations = g.axe();
            System.out.println("[music] axe on the listening room page: " + violations);
            assertEquals(List.of(), violations.stream().filter(v -> v.contains("music")).toList(),
                    "accessibility of the listening room element");

            // The host moves Tone B back up, removes the link and queues Tone C; a refusal shows as an error.
            h.until("the host sees the vote", d -> queue(h).equals(List.of("Night bus", "Tone B")));
            h.js("document.querySelector('[data-testid=music-track][data-track=t2] button[aria-label^=\"Move\"]')"
                    + ".click()");
            h.until("Tone B is next", d -> queue(h).equals(List.of("Tone B", "Night bus")));
            h.js("document.querySelector('[data-testid=music-track][data-track=t3] [data-testid=music-remove]')"
                    + ".click()");
            upload(h, "Tone C", third);
            g.until("the guest sees the host's queue", d -> queue(g).equals(List.of("Tone B", "Tone C")));
            g.type("[data-testid=music-title]", "Elsewhere");
            g.type("[data-testid=music-url]", "https://evil.example/x.mp3");
            g.type("[data-testid=music-seconds]", "30");
            g.click("[data-testid=music-submit]");
            g.findWithText("[data-testid=music-error]", "not allowed in this city");

            // The host skips Tone A; when Tone B ends, the plugin's timer starts Tone C in every browser.
            h.click("[data-testid=music-skip]");
            plays(g, "Tone C");
            plays(h, "Tone C");
            assertTrue(queue(g).isEmpty(), "Tone C left the queue: " + queue(g));

            // A late joiner, in French, starts where the others are. The track has played for two seconds first, so
            // that "not from the beginning" can be told apart from a join that happened just after the start.
            h.until("Tone C has played two seconds", d -> currentTime(h) >= 2.0);
            l.useToken(late.token());
            l.go("/rooms/" + room);
            l.findWithText(ROOM, "À suivre");
            plays(l, "Tone C");
            double lateGap = Math.abs(currentTime(h) - currentTime(l));
            assertTrue(lateGap <= TOLERANCE, "the late joiner plays in step: " + lateGap + " s apart");
            assertTrue(currentTime(l) >= 1.5, "the late joiner did not start from the beginning: " + currentTime(l) + " s");
            l.documentScreenshot("music-listening-room-fr");
            // An announcement older than the state (as replayed after a re-join, whose welcome is current) is ignored.
            l.js("document.querySelector('ccc-music-listening-room')._onFrame({type: 'system', event: 'track-started',"
                    + " payload: {at: '2000-01-01T00:00:00Z', plays: 1, queue: [], nowPlaying: {id: 't1', title: 'Stale',"
                    + " url: '/none.wav', durationMs: 60000, positionMs: 0, number: 1}}})");
            l.findWithText(NOW, "Tone C");
            assertTrue(l.all(NOW).stream().noneMatch(e -> e.getText().contains("Stale")), "a stale event was applied");

            h.click("[data-testid=music-skip]");
            h.find("[data-testid=music-idle]");
            g.find("[data-testid=music-idle]");

            // A playlist work shows through the plugin's work kind element.
            long work = guest.post("/api/works", Api.json("kind", "music:playlist", "title", "Bristol nights",
                    "licence", "CC-BY-SA-4.0", "content", Music.playlist("Teardrop", "Glory Box",
                    "Unfinished Sympathy"))).expect(201).object().getJsonNumber("id")
                    .longValue();
            g.go("/works/" + work);
            g.findWithText("[data-testid=music-playlist]", "Unfinished Sympathy");
            g.findWithText("[data-testid=music-playlist-count]", "3 tracks");
            g.js("document.querySelector('[data-testid=music-playlist]').scrollIntoView({block: 'center'})");
            g.documentScreenshot("music-playlist");
            assertFalse(g.console().stream().anyMatch(e -> e.getLevel().getName().equals("SEVERE")
                    && e.getMessage().contains("/plugins/music/")), "the music module logged no error");
        }
    }
}
