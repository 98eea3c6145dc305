package org.creativecities.plugin.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import org.creativecities.plugin.api.PluginFile;
import org.creativecities.plugin.api.PluginFileException;
import org.junit.jupiter.api.Test;

class InMemoryFilesTest {

    private final InMemoryFiles files = new InMemoryFiles();

    @Test
    void theShapeIsTheCoresAndOnlyOwnFilesAreDeletable() {
        byte[] bytes = {1, 2, 3};
        PluginFile own = files.store("a.mp3", "audio/mpeg", new ByteArrayInputStream(bytes));
        assertEquals(22, own.id().length());
        assertEquals("/api/media/" + own.id(), own.url());
        assertEquals("audio", own.kind());
        assertEquals(3, own.sizeBytes());
        assertTrue(own.ownFile());
        assertArrayEquals(bytes, files.bytes(own.id()).orElseThrow());

        PluginFile members = files.memberUpload("b.pdf", "application/pdf", bytes);
        assertEquals("document", files.find(members.id()).orElseThrow().kind());
        assertFalse(files.delete(members.id()));
        assertTrue(files.delete(own.id()));
        assertTrue(files.find(own.id()).isEmpty());
    }

    @Test
    void otherTypesAndEmptyFilesAreRefused() {
        assertEquals(PluginFileException.Reason.TYPE, assertThrows(PluginFileException.class,
                () -> files.store("x.exe", "application/octet-stream", new ByteArrayInputStream(new byte[]{1})))
                .reason());
        assertEquals(PluginFileException.Reason.EMPTY, assertThrows(PluginFileException.class,
                () -> files.store("x.png", "image/png", new ByteArrayInputStream(new byte[0]))).reason());
    }
}
