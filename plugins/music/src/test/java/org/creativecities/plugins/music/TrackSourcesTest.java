package org.creativecities.plugins.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Links on allowed hosts only, http(s) and nothing else. */
class TrackSourcesTest {

    private static final List<String> HOSTS = List.of("archive.org", "music.example.net");

    private static String refused(String url) {
        return assertThrows(QueueRefused.class, () -> TrackSources.checkUrl(url, HOSTS)).code();
    }

    @Test
    void aLinkOnAnAllowedHostOrOneOfItsSubdomainsIsAccepted() {
        assertEquals("https://archive.org/a.mp3", TrackSources.checkUrl("https://archive.org/a.mp3", HOSTS));
        assertEquals("https://IA800.Archive.org/x.ogg", TrackSources.checkUrl(" https://IA800.Archive.org/x.ogg ",
                HOSTS));
        assertEquals("http://music.example.net/t.wav", TrackSources.checkUrl("http://music.example.net/t.wav", HOSTS));
    }

    @Test
    void otherHostsLookalikesAndOtherSchemesAreRefused() {
        assertEquals("host-not-allowed", refused("https://evil.example/a.mp3"));
        assertEquals("host-not-allowed", refused("https://notarchive.org/a.mp3"));
        assertEquals("host-not-allowed", refused("https://archive.org.evil.example/a.mp3"));
        assertEquals("bad-url", refused("javascript:alert(1)"));
        assertEquals("bad-url", refused("ftp://archive.org/a.mp3"));
        assertEquals("bad-url", refused("https://user@archive.org/a.mp3"));
        assertEquals("bad-url", refused("not a url"));
        assertEquals("bad-url", refused("https://archive.org/" + "a".repeat(TrackSources.MAX_URL)));
        assertEquals("host-not-allowed", assertThrows(QueueRefused.class,
                () -> TrackSources.checkUrl("https://archive.org/a.mp3", List.of())).code());
    }
}
