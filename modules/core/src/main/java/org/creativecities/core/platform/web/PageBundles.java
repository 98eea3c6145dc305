package org.creativecities.core.platform.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Which of the UI's modules are served together, beyond the entry's bundle ({@link ModuleBundle}): the modules most
 * pages import, and small ones several pages import, join the entry's bundle, and the modules that only one page
 * uses are that page's bundle, so that a first visit asks for fewer files (on HTTP/1.1 the browser asks six at a
 * time; each request past that waits for a round trip, and a phone's round trip is long).
 *
 * <p>Every module stays one instance: a module is in at most one file, and a page's bundle holds only modules that
 * nothing outside it imports (statically or with {@code import('…')}), the page's module excepted, which the route
 * table imports. So no module outside a bundle imports into it, and no two files import each other.
 */
final class PageBundles {

    /** The route table, which imports every page's module. */
    static final String ROUTES = "/ui/routes.js";
    /** The size up to which a module two pages share joins the entry's bundle. */
    static final int SMALL = 4096;

    private PageBundles() {
    }

    /**
     * The modules that the entry should hold too: those that more than half of the pages import, directly or through
     * others, and the small ones ({@value #SMALL} bytes at most) that two pages or more import. A small module shared
     * by a few pages costs every page little, where a file of its own costs a request on each page that needs it.
     *
     * @param pageGraphs each page's static graph (its module and what it imports)
     * @param loaded     what the entry's bundle holds already
     * @param size       a module's size in bytes
     */
    static Set<String> shared(Collection<? extends Collection<String>> pageGraphs, Set<String> loaded,
            ToIntFunction<String> size) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Collection<String> graph : pageGraphs) {
            for (String module : new LinkedHashSet<>(graph)) {
                if (!loaded.contains(module)) {
                    counts.merge(module, 1, Integer::sum);
                }
            }
        }
        Set<String> shared = new LinkedHashSet<>();
        counts.forEach((module, count) -> {
            if (count * 2 > pageGraphs.size() || count >= 2 && size.applyAsInt(module) <= SMALL) {
                shared.add(module);
            }
        });
        return shared;
    }

    /**
     * The modules only {@code page} uses: the page's module and those of its static imports (from {@code graph},
     * minus {@code loaded}) that only these modules import, found by dropping any module with an importer outside
     * the set until none is left. Empty when the page's own module is imported from elsewhere than the route table,
     * or when fewer than two modules are left (nothing to join).
     *
     * @param importers every module's importers, static and dynamic, over every UI folder
     */
    static Set<String> privateTo(String page, Collection<String> graph, Set<String> loaded,
            Function<String, Set<String>> importers) {
        Set<String> own = new LinkedHashSet<>(graph);
        own.removeAll(loaded);
        boolean changed = true;
        while (changed && own.contains(page)) {
            changed = false;
            for (String module : new ArrayList<>(own)) {
                for (String importer : importers.apply(module)) {
                    boolean allowed = own.contains(importer) || module.equals(page) && importer.equals(ROUTES);
                    if (!allowed) {
                        own.remove(module);
                        changed = true;
                        break;
                    }
                }
            }
        }
        return own.contains(page) && own.size() >= 2 ? own : Set.of();
    }

    /** The bundle's name for a page's module: {@code /ui/pages/room.js} gives {@code ui-pages-room.js}. */
    static String name(String page) {
        return page.substring(1).replace('/', '-');
    }

    /** Every module's importers: the modules whose source ({@code imports}: what each imports) names it. */
    static Map<String, Set<String>> importers(Map<String, ? extends Collection<String>> imports) {
        Map<String, Set<String>> importers = new LinkedHashMap<>();
        imports.forEach((module, targets) -> targets.forEach(
                target -> importers.computeIfAbsent(target, t -> new LinkedHashSet<>()).add(module)));
        return importers;
    }

    /** The importers of a module, none if nothing imports it. */
    static Function<String, Set<String>> lookup(Map<String, Set<String>> importers) {
        return module -> importers.getOrDefault(module, Set.of());
    }
}
