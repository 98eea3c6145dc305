package org.creativecities.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AllowedTypeTest {

    @Test
    void commonNamesOfATypeAreRecognisedWithoutCaseOrParameters() {
        assertEquals(Optional.of(AllowedType.JPEG), AllowedType.of("Image/JPG; charset=binary"));
        assertEquals(Optional.of(AllowedType.WAV), AllowedType.of("audio/x-wav"));
        assertEquals(Optional.of(AllowedType.WAV), AllowedType.of("audio/vnd.wave"));
        assertEquals(Optional.of(AllowedType.OGG), AllowedType.of("audio/vorbis"));
        assertEquals(Optional.of(AllowedType.MP3), AllowedType.of("audio/mpeg"));
        assertTrue(AllowedType.of("image/svg+xml").isEmpty(), "SVG can carry scripts");
        assertTrue(AllowedType.of("text/html").isEmpty());
        assertTrue(AllowedType.of(null).isEmpty());
    }

    @Test
    void sizesReadAsPeopleWriteThem() {
        assertEquals("10 MB", Sizes.human(10L * 1024 * 1024));
        assertEquals("1.5 GB", Sizes.human(1536L * 1024 * 1024));
        assertEquals("20 KB", Sizes.human(20480));
        assertEquals("1 byte", Sizes.human(1));
        assertEquals("512 bytes", Sizes.human(512));
    }

    @Test
    void idsAreLongRandomAndUrlSafe() {
        String a = MediaIds.next();
        String b = MediaIds.next();
        assertTrue(MediaIds.isWellFormed(a));
        assertTrue(!a.equals(b));
        assertEquals(22, a.length());
        assertTrue(!MediaIds.isWellFormed("../../etc/passwd"));
    }
}
