package org.creativecities.plugin.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.creativecities.plugin.api.work.PluginWork;
import org.creativecities.plugin.api.work.PluginWorkException;
import org.creativecities.plugin.api.work.PluginWorks;
import org.junit.jupiter.api.Test;

/** The kit's works follow the core's rules for what a plugin writes. */
class InMemoryWorksTest {

    private final InMemoryWorks works = new InMemoryWorks();

    @Test
    void eachVersionIsAPersonsAndMakesThemACoAuthor() {
        PluginWork w = works.create("lyon", PluginWorks.TEXT, " Tides ", "", "start", 7);
        assertEquals("Tides", w.title());
        PluginWork v2 = works.addVersion(w.id(), "Once.", "turn 1", 8);
        assertEquals(2, v2.version());
        assertEquals(List.of(7L, 8L), v2.authors());
        assertEquals(1, works.addVersion(w.id(), "Once.", null, 8).version() - 1, "same content: no new version");
        assertEquals(List.of(7L, 8L), works.versions(w.id()).stream().map(InMemoryWorks.Version::authorId).toList());
    }

    @Test
    void refusalsSayWhyAndWhichAreBadInput() {
        PluginWorkException kind = assertThrows(PluginWorkException.class,
                () -> works.create("lyon", "gastronomy:recipe", "x", "", null, 7));
        assertEquals(PluginWorkException.Reason.INVALID, kind.reason());
        assertTrue(kind.badInput());
        assertEquals(PluginWorkException.Reason.INVALID, assertThrows(PluginWorkException.class,
                () -> works.create("lyon", PluginWorks.TEXT, " ", "", null, 7)).reason());
        assertEquals(PluginWorkException.Reason.UNKNOWN_PERSON, assertThrows(PluginWorkException.class,
                () -> works.create("lyon", PluginWorks.TEXT, "x", "", null, 0)).reason());
        PluginWorkException missing = assertThrows(PluginWorkException.class,
                () -> works.addVersion(99, "x", null, 7));
        assertEquals(PluginWorkException.Reason.NOT_FOUND, missing.reason());
        assertTrue(!missing.badInput());
        assertTrue(works.find(99).isEmpty());
    }
}
