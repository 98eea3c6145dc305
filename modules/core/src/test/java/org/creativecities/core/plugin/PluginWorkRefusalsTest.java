package org.creativecities.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.creativecities.plugin.api.work.PluginWorkException;
import org.creativecities.plugin.api.work.PluginWorkException.Reason;
import org.junit.jupiter.api.Test;

/**
 * A work the core refuses to write for a plugin because of what people gave it (plugin API 1.3, works.write) is the
 * caller's bad input and never counts against the plugin; any other refusal is the plugin's failure.
 */
class PluginWorkRefusalsTest {

    private static PluginCallException.Kind kind(Reason reason) {
        return PluginCallException.of("literature", "route", Duration.ofSeconds(2),
                new PluginWorkException(reason, "title: A title is required.")).kind();
    }

    @Test
    void badInputIsTheCallersAndTheRestThePlugins() {
        assertEquals(PluginCallException.Kind.BAD_INPUT, kind(Reason.INVALID));
        assertEquals(PluginCallException.Kind.BAD_INPUT, kind(Reason.UNKNOWN_PERSON));
        assertEquals(PluginCallException.Kind.FAILED, kind(Reason.NOT_FOUND));
        assertEquals(PluginCallException.Kind.FAILED, kind(Reason.CONFLICT));
    }
}
