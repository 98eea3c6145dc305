package org.creativecities.core.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Several of the UI's modules as one file: each in a function of its own, after what it imports. */
class ModuleBundleTest {

    private static final Map<String, String> SOURCES = Map.of(
            "/ui/app.js", """
                    import { html } from 'lit';
                    import { t as translate } from './core/i18n.js';
                    import './core/side.js';
                    export const page = () => import('./pages/home.js');
                    """,
            "/ui/core/i18n.js", """
                    const BASE = new URL('../i18n/', import.meta.url).pathname;
                    let current = 'en';
                    export function t(key) {
                      return key + current;
                    }
                    export async function load() {}
                    """,
            "/ui/core/side.js", "import { load } from './i18n.js';\nawait load();\n");

    private static Optional<String> bundle(Map<String, String> sources, String... modules) {
        return ModuleBundle.of(sources::get, new LinkedHashSet<>(List.of(modules)),
                Json.createObjectBuilder().add("lit", "/third-party/lit.js").build());
    }

    @Test
    void eachModuleRunsAfterWhatItImportsAndTheFileExportsWhatTheyExport() {
        String js = bundle(SOURCES, "/ui/app.js", "/ui/core/i18n.js", "/ui/core/side.js").orElseThrow();
        int i18n = js.indexOf("// /ui/core/i18n.js");
        int side = js.indexOf("// /ui/core/side.js");
        int app = js.indexOf("// /ui/app.js");
        assertTrue(i18n >= 0 && i18n < side && side < app, js);
        assertTrue(js.startsWith("import * as __e0 from 'lit';\n"), js);
        assertTrue(js.contains("const { html } = __e0;"), js);
        assertTrue(js.contains("const { t: translate } = __m0;"), js);
        assertTrue(js.contains("export const { t, load } = __m0;"), js);
        assertTrue(js.contains("function t(key)") && !js.contains("export function"), js);
        // Addresses stay those of the module's own place, not the bundle's.
        assertTrue(js.contains("new URL('../i18n/', new URL('/static/@/ui/core/i18n.js', import.meta.url).href)"), js);
        assertTrue(js.contains("import('/static/@/ui/pages/home.js')"), js);
    }

    @Test
    void formsItDoesNotHandleLeaveTheModulesOneByOne() {
        assertEquals(Optional.empty(), bundle(Map.of("/ui/a.js", "export default 1;\n"), "/ui/a.js"));
        assertEquals(Optional.empty(), bundle(Map.of("/ui/a.js", "import * as b from './b.js';\n",
                "/ui/b.js", "export const x = 1;\n"), "/ui/a.js", "/ui/b.js"));
        assertEquals(Optional.empty(), bundle(Map.of("/ui/a.js", "export const x = 1;\n",
                "/ui/b.js", "export const x = 2;\n"), "/ui/a.js", "/ui/b.js"), "the same name exported twice");
    }
}
