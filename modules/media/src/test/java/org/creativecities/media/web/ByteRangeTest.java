package org.creativecities.media.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.creativecities.media.MediaException;
import org.junit.jupiter.api.Test;

class ByteRangeTest {

    @Test
    void aSingleRangeIsServedClippedToTheFile() {
        assertEquals(Optional.of(new ByteRange(0, 99)), ByteRange.parse("bytes=0-99", 1000));
        assertEquals(Optional.of(new ByteRange(900, 999)), ByteRange.parse("bytes=900-", 1000));
        assertEquals(Optional.of(new ByteRange(990, 999)), ByteRange.parse("bytes=-10", 1000));
        assertEquals(Optional.of(new ByteRange(0, 999)), ByteRange.parse("bytes=-5000", 1000));
        assertEquals(Optional.of(new ByteRange(500, 999)), ByteRange.parse("bytes=500-5000", 1000));
        assertEquals("bytes 0-99/1000", new ByteRange(0, 99).contentRange(1000));
    }

    @Test
    void whatIsNotOneValidRangeGetsTheWholeFile() {
        assertTrue(ByteRange.parse(null, 10).isEmpty());
        assertTrue(ByteRange.parse("bytes=0-1,5-6", 10).isEmpty());
        assertTrue(ByteRange.parse("items=0-1", 10).isEmpty());
        assertTrue(ByteRange.parse("bytes=5-1", 10).isEmpty());
        assertTrue(ByteRange.parse("bytes=-", 10).isEmpty());
    }

    @Test
    void aRangeOutsideTheFileIsUnsatisfiable() {
        MediaException e = assertThrows(MediaException.class, () -> ByteRange.parse("bytes=10-", 10));
        assertEquals(416, e.status());
        assertEquals(Optional.of("bytes */10"), e.contentRange());
        assertEquals(416, assertThrows(MediaException.class, () -> ByteRange.parse("bytes=-0", 10)).status());
    }
}
