package org.creativecities.core.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which modules join the entry's bundle and which make a page's bundle: each module stays in one file. */
class PageBundlesTest {

    private static final Map<String, List<String>> IMPORTS = Map.of(
            PageBundles.ROUTES, List.of("/ui/pages/room.js", "/ui/pages/city.js", "/ui/pages/mentions.js"),
            "/ui/pages/room.js", List.of("/ui/core/view.js", "/ui/components/timeline.js", "/ui/core/live.js",
                    "/ui/components/composer.js", "/ui/core/i18n.js"),
            "/ui/components/composer.js", List.of("/ui/core/upload.js", "/ui/components/hint.js"),
            "/ui/components/timeline.js", List.of("/ui/core/view.js"),
            "/ui/pages/mentions.js", List.of("/ui/core/live.js", "/ui/core/view.js"),
            "/ui/pages/city.js", List.of("/ui/core/view.js", "/ui/components/spaces.js"),
            // Reached from the city page, but it imports a part of the room's composer.
            "/ui/components/spaces.js", List.of("/ui/components/hint.js"),
            "/ui/components/media.js", List.of("/ui/core/upload.js"));

    private static final List<String> ROOM_GRAPH = List.of("/ui/pages/room.js", "/ui/core/view.js",
            "/ui/components/timeline.js", "/ui/core/live.js", "/ui/components/composer.js", "/ui/core/i18n.js",
            "/ui/core/upload.js", "/ui/components/hint.js");

    @Test
    void aPageBundleHoldsWhatNothingElseImportsAndWhatOnlyThatImports() {
        Set<String> room = PageBundles.privateTo("/ui/pages/room.js", ROOM_GRAPH, Set.of("/ui/core/i18n.js"),
                PageBundles.lookup(PageBundles.importers(IMPORTS)));
        // live.js (also the mentions page's), view.js (every page's), upload.js (media.js's) and hint.js (imported
        // by the city's spaces too) stay files of their own; the entry's i18n.js is in the entry's bundle.
        assertEquals(Set.of("/ui/pages/room.js", "/ui/components/timeline.js", "/ui/components/composer.js"), room);
    }

    @Test
    void aModuleLeavesTheBundleWhenItsOnlyImporterHasLeftIt() {
        Map<String, List<String>> imports = Map.of(
                PageBundles.ROUTES, List.of("/ui/pages/a.js"),
                "/ui/pages/a.js", List.of("/ui/b.js"),
                "/ui/b.js", List.of("/ui/c.js"),
                "/ui/other.js", List.of("/ui/b.js"));
        // b.js has an importer outside, so it stays a file; c.js, which only b.js imports, must stay with it, or
        // b.js and the bundle would import each other.
        assertEquals(Set.of(), PageBundles.privateTo("/ui/pages/a.js", List.of("/ui/pages/a.js", "/ui/b.js",
                "/ui/c.js"), Set.of(), PageBundles.lookup(PageBundles.importers(imports))));
    }

    @Test
    void aPageModuleImportedFromElsewhereIsNoBundle() {
        Map<String, List<String>> imports = Map.of(
                PageBundles.ROUTES, List.of("/ui/pages/a.js"),
                "/ui/app.js", List.of("/ui/pages/a.js"),
                "/ui/pages/a.js", List.of("/ui/b.js"));
        assertEquals(Set.of(), PageBundles.privateTo("/ui/pages/a.js", List.of("/ui/pages/a.js", "/ui/b.js"),
                Set.of(), PageBundles.lookup(PageBundles.importers(imports))));
    }

    @Test
    void whatMoreThanHalfOfThePagesImportAndWhatSeveralImportThatIsSmallJoinTheEntry() {
        List<Set<String>> graphs = List.of(
                Set.of("/ui/pages/a.js", "/ui/core/view.js", "/ui/core/i18n.js", "/ui/core/fields.js",
                        "/ui/core/big.js"),
                Set.of("/ui/pages/b.js", "/ui/core/view.js", "/ui/core/fields.js", "/ui/core/big.js"),
                Set.of("/ui/pages/c.js", "/ui/core/view.js", "/ui/core/tiny.js"),
                Set.of("/ui/pages/d.js"));
        Map<String, Integer> sizes = Map.of("/ui/core/view.js", 9000, "/ui/core/fields.js", 1000,
                "/ui/core/big.js", PageBundles.SMALL + 1, "/ui/core/tiny.js", 10);
        // view.js: 3 of 4 pages, however large; fields.js: 2 pages and small; big.js: 2 pages, not small enough;
        // tiny.js: one page; i18n.js is the entry's already; a page's own module is never shared.
        assertEquals(Set.of("/ui/core/view.js", "/ui/core/fields.js"), PageBundles.shared(graphs,
                Set.of("/ui/core/i18n.js"), m -> sizes.getOrDefault(m, 100)));
    }

    @Test
    void aBundleIsNamedAfterItsPage() {
        assertEquals("ui-pages-room.js", PageBundles.name("/ui/pages/room.js"));
        assertEquals("events-ui-events-page.js", PageBundles.name("/events-ui/events-page.js"));
    }
}
