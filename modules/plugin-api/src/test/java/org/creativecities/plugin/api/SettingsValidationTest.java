package org.creativecities.plugin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsValidationTest {

    private final SettingDefinition drift = SettingDefinition.integer("maxDrift", 2, "seconds").withRange(0, 30);
    private final SettingDefinition mode = SettingDefinition.choice("mode", "simple", "", "simple", "fancy");
    private final SettingDefinition tags = SettingDefinition.list("tags", List.of("a"), "").withPattern("[a-z]+")
            .withRange(0, 3);
    private final SettingDefinition greeting = SettingDefinition.string("greeting", "Hello", "").withRange(1, 20);

    @Test
    void integersAreRangeCheckedAndCanonical() {
        assertEquals("7", SettingsValidation.check(drift, 7).value().orElseThrow());
        assertEquals("7", SettingsValidation.check(drift, 7.0).value().orElseThrow());
        assertEquals("7", SettingsValidation.check(drift, " 7 ").value().orElseThrow());
        assertEquals("must be at most 30", SettingsValidation.check(drift, 31).error().orElseThrow());
        assertEquals("must be a whole number", SettingsValidation.check(drift, 1.5).error().orElseThrow());
        assertEquals("must be a whole number", SettingsValidation.check(drift, true).error().orElseThrow());
    }

    @Test
    void enumsAcceptOnlyTheirOptions() {
        assertTrue(SettingsValidation.check(mode, "fancy").valid());
        assertEquals("must be one of simple, fancy", SettingsValidation.check(mode, "plain").error().orElseThrow());
    }

    @Test
    void listsCheckEachElementAndTheirSize() {
        assertEquals("x\ny", SettingsValidation.check(tags, List.of("x", "y")).value().orElseThrow());
        assertEquals("element 1 ('Y') must match [a-z]+",
                SettingsValidation.check(tags, List.of("x", "Y")).error().orElseThrow());
        assertEquals("must have at most 3 elements",
                SettingsValidation.check(tags, List.of("a", "b", "c", "d")).error().orElseThrow());
        assertEquals(List.of("x", "y"), SettingsValidation.splitList("x\ny"));
        assertEquals(List.of(), SettingsValidation.splitList(""));
    }

    @Test
    void stringsAndBooleans() {
        assertEquals("must be at least 1 characters", SettingsValidation.check(greeting, "").error().orElseThrow());
        assertEquals("must be a string", SettingsValidation.check(greeting, 5).error().orElseThrow());
        SettingDefinition flag = SettingDefinition.bool("on", false, "");
        assertEquals("true", SettingsValidation.check(flag, true).value().orElseThrow());
        assertFalse(SettingsValidation.check(flag, "yes").valid());
    }

    @Test
    void checkAllReportsEveryProblemByKey() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("maxDrift", 99);
        values.put("nope", 1);
        values.put("mode", "fancy");
        values.put("greeting", null);
        Map<String, String> errors = SettingsValidation.checkAll(List.of(drift, mode, greeting), values);
        assertEquals(Map.of("maxDrift", "must be at most 30", "nope", "unknown setting"), errors);
    }

    @Test
    void schemasWithBadDefaultsDuplicatesOrEmptyEnumsAreRefused() {
        List<String> problems = SettingsValidation.checkSchema(List.of(
                SettingDefinition.integer("n", 50, "").withRange(0, 10),
                SettingDefinition.bool("n", true, ""),
                new SettingDefinition("e", SettingType.ENUM, null, "", false, null, null, null, List.of()),
                SettingDefinition.string("1bad", "x", ""),
                SettingDefinition.string("p", "x", "").withPattern("(")));
        assertEquals(5, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("default of setting 'n' is invalid"));
        assertTrue(SettingsValidation.checkSchema(List.of(drift, mode, tags, greeting)).isEmpty());
    }
}
