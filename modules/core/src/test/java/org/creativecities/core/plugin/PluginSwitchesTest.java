package org.creativecities.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PluginSwitchesTest {

    private final Map<String, PluginSwitches.Switch> stored = new HashMap<>();
    private final AtomicInteger reads = new AtomicInteger();
    private final PluginSwitches switches = new PluginSwitches(id -> {
        reads.incrementAndGet();
        return stored.getOrDefault(id, PluginSwitches.Switch.OFF);
    });

    @Test
    void aSwitchIsReadOnceUntilAPluginsRecordChanges() {
        stored.put("music", new PluginSwitches.Switch(true, false, Set.of("lyon")));
        assertTrue(switches.of("music").coversCity("lyon"));
        assertFalse(switches.of("music").coversCity("dakar"));
        assertFalse(switches.of("music").coversNetwork());
        assertEquals(1, reads.get(), "read once, then kept");

        stored.put("music", new PluginSwitches.Switch(true, false, Set.of()));
        assertTrue(switches.of("music").coversCity("lyon"), "kept until the change is announced");
        switches.changed(new PluginStates.Changed("music"));
        assertFalse(switches.of("music").coversCity("lyon"), "switched off in Lyon once the change committed");
        assertEquals(2, reads.get());
    }

    @Test
    void aSwitchReadWhileAChangeCommitsIsNotKeptPastIt() {
        stored.put("film", new PluginSwitches.Switch(true, true, Set.of()));
        PluginSwitches[] racing = new PluginSwitches[1];
        racing[0] = new PluginSwitches(id -> {
            PluginSwitches.Switch seen = stored.get(id);
            if (reads.incrementAndGet() == 1) {
                // The administrator's change commits after this read saw the record as it was.
                stored.put(id, new PluginSwitches.Switch(false, true, Set.of()));
                racing[0].changed(new PluginStates.Changed(id));
            }
            return seen;
        });
        assertTrue(racing[0].of("film").coversNetwork(), "the read answers what it saw");
        assertFalse(racing[0].of("film").coversNetwork(), "but it was not kept: the next call reads the change");
        assertFalse(racing[0].of("film").coversNetwork());
        assertEquals(2, reads.get());
    }

    @Test
    void aPluginWithoutARecordIsOffAndADisabledOneCoversNothing() {
        assertFalse(switches.of("unknown").coversNetwork());
        assertFalse(switches.of("unknown").coversCity("lyon"));
        PluginSwitches.Switch disabled = new PluginSwitches.Switch(false, true, Set.of("lyon"));
        assertFalse(disabled.coversCity("lyon"));
        assertFalse(disabled.coversNetwork());
    }
}
