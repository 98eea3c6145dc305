package org.creativecities.plugin.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UiModuleTest {

    @Test
    void acceptsModulesUnderUiAndCustomElementNames() {
        UiModule m = new UiModule("ui/watch-party.js", "ccc-film-watch-party");
        assertEquals("/plugins/film/ui/watch-party.js", m.url("film"));
        new UiModule("ui/pages/city.mjs", "x-y2");
    }

    @Test
    void refusesPathsOutsideUiAndBadElementNames() {
        for (String bad : List.of("page.js", "ui/../x.js", "ui/.hidden.js", "ui/a\\b.js", "ui/page.css", "/ui/a.js",
                "ui//a.js", "ui/")) {
            assertThrows(IllegalArgumentException.class, () -> new UiModule(bad, "ccc-x"), bad);
        }
        for (String bad : List.of("ccc", "Ccc-x", "1-x", "ccc_x", "ccc-", "-ccc")) {
            assertThrows(IllegalArgumentException.class, () -> new UiModule("ui/a.js", bad), bad);
        }
    }

    @Test
    void theOneOneConstructorsRemainForOlderPlugins() throws Exception {
        RoomKindDescriptor old = RoomKindDescriptor.class.getConstructor(String.class, String.class, String.class)
                .newInstance("echo", "Echo", "Repeats.");
        assertTrue(old.ui().isEmpty());
        ModuleInfo info = ModuleInfo.class.getConstructor(String.class, String.class, String.class, Set.class,
                List.class, Set.class, List.class, Optional.class)
                .newInstance("Old", "", "", Set.of(), List.of(old), Set.of(), List.of(), Optional.empty());
        assertTrue(info.page().isEmpty());
        assertTrue(info.uiModules().isEmpty());
    }

    @Test
    void theBuilderDeclaresPageAndRoomKindElements() {
        ModuleInfo info = ModuleInfo.builder("Film").roomKind("watch-party", "Watch party", "Together.",
                "ui/watch-party.js", "ccc-film-watch-party").page("ui/page.js", "ccc-film-page").build();
        assertEquals(Optional.of(new UiModule("ui/page.js", "ccc-film-page")), info.page());
        assertEquals(List.of(info.page().orElseThrow(), new UiModule("ui/watch-party.js", "ccc-film-watch-party")),
                info.uiModules());
    }
}
