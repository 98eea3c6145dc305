package org.creativecities.media.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.creativecities.media.AllowedType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TypeDetectorTest {

    @TempDir
    Path dir;

    private TypeDetector.Detected detect(byte[] bytes, String name) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return TypeDetector.detect(file);
    }

    private static byte[] iso(String brand) {
        byte[] head = new byte[32];
        head[3] = 32;
        System.arraycopy("ftyp".getBytes(StandardCharsets.ISO_8859_1), 0, head, 4, 4);
        System.arraycopy(brand.getBytes(StandardCharsets.ISO_8859_1), 0, head, 8, 4);
        return head;
    }

    private static byte[] ebml(String docType) {
        byte[] text = docType.getBytes(StandardCharsets.ISO_8859_1);
        byte[] head = new byte[8 + 3 + text.length + 8];
        head[0] = 0x1a;
        head[1] = 0x45;
        head[2] = (byte) 0xdf;
        head[3] = (byte) 0xa3;
        head[4] = (byte) 0x9f;
        head[8] = 0x42;
        head[9] = (byte) 0x82;
        head[10] = (byte) (0x80 | text.length);
        System.arraycopy(text, 0, head, 11, text.length);
        return head;
    }

    @Test
    void isoMediaIsToldApartByItsBrand() throws IOException {
        assertEquals(AllowedType.MP4, detect(iso("isom"), "a.mov").allowed().orElseThrow());
        assertEquals(AllowedType.MP4, detect(iso("mp42"), "b").allowed().orElseThrow());
        assertEquals("video/quicktime", detect(iso("qt  "), "c.mp4").mediaType());
        assertEquals("audio/mp4", detect(iso("M4A "), "d.mp4").mediaType());
        assertTrue(detect(iso("M4A "), "d.mp4").allowed().isEmpty());
    }

    @Test
    void webmIsMatroskaWhoseDocTypeIsWebm() throws IOException {
        assertEquals(AllowedType.WEBM, detect(ebml("webm"), "a.mkv").allowed().orElseThrow());
        assertEquals("video/x-matroska", detect(ebml("matroska"), "b.webm").mediaType());
    }

    @Test
    void theNameNeverDecides() throws IOException {
        byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals(AllowedType.PDF, detect(pdf, "picture.png").allowed().orElseThrow());
        assertEquals("text/plain", detect("hello".getBytes(StandardCharsets.US_ASCII), "song.mp3").mediaType());
        assertTrue(detect("<html><script>x</script>".getBytes(StandardCharsets.US_ASCII), "image.jpg").allowed()
                .isEmpty());
    }
}
