package org.creativecities.plugin.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.creativecities.plugin.api.SettingDefinition;
import org.junit.jupiter.api.Test;

class TestSettingsTest {

    private final TestSettings settings = new TestSettings(List.of(
            SettingDefinition.integer("max", 5, "").withRange(1, 10),
            SettingDefinition.bool("open", false, ""),
            SettingDefinition.choice("mode", "quiet", "", "quiet", "loud"),
            SettingDefinition.list("tags", List.of("a"), "")));

    @Test
    void aCityOverrideComesBeforeTheGlobalValueWhichComesBeforeTheDefault() {
        assertEquals(5, settings.getInteger("max"));
        settings.set("max", 7);
        settings.setForCity("lyon", "max", "9");
        assertEquals(7, settings.getInteger("max"));
        assertEquals(9, settings.forCity("lyon").getInteger("max"));
        assertEquals(7, settings.forCity("bristol").getInteger("max"));
        settings.reset("max");
        assertEquals(5, settings.forCity("lyon").getInteger("max"));
    }

    @Test
    void valuesAreCheckedAndReadAsTheirType() {
        settings.set("open", true).set("mode", "loud").set("tags", List.of("x", "y"));
        assertEquals(true, settings.getBoolean("open"));
        assertEquals("loud", settings.getChoice("mode"));
        assertEquals(List.of("x", "y"), settings.getList("tags"));
        assertThrows(IllegalArgumentException.class, () -> settings.set("max", 11));
        assertThrows(IllegalArgumentException.class, () -> settings.set("mode", "shouting"));
        assertThrows(IllegalArgumentException.class, () -> settings.getString("max"), "wrong type");
        assertThrows(IllegalArgumentException.class, () -> settings.raw("nope"), "not in the schema");
    }
}
