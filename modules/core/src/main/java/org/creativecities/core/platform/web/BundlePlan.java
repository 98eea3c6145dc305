package org.creativecities.core.platform.web;

import jakarta.json.JsonValue;
import jakarta.servlet.ServletContext;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which of the UI's modules are served as one file, made once per deployment: the entry, the modules it imports and
 * those several pages share ({@link PageBundles#shared}) as the entry's bundle, and each page's own modules
 * ({@link PageBundles#privateTo}) as that page's bundle, each made by {@link ModuleBundle}. A module written in a
 * form it does not handle is served on its own; if the entry's own modules cannot be joined, none are.
 *
 * @param scripts each bundle's name and source, addresses written {@code /static/@/…}
 * @param bundled each bundled module and the name of its bundle
 * @param loaded  what the entry loads (its bundle, or the entry and its static imports)
 */
record BundlePlan(Map<String, String> scripts, Map<String, String> bundled, Set<String> loaded) {

    /**
     * The plan for the UI whose entry imports {@code entryGraph}, under {@code roots}; the entry's bundle is named
     * {@code app}.
     */
    static BundlePlan of(ServletContext context, Map<String, JsonValue> imports, Set<String> entryGraph,
            List<String> roots, String app) {
        Map<String, Set<String>> pageGraphs = new LinkedHashMap<>();
        for (String page : RoutePreloads.pageModules(context, imports)) {
            if (ModulePreloads.exists(context, page)) {
                pageGraphs.put(page, ownGraph(context, imports, page, roots));
            }
        }
        Set<String> own = new LinkedHashSet<>();
        entryGraph.stream().filter(p -> under(p, roots)).forEach(own::add);
        Optional<String> entry = ModuleBundle.of(context, own, imports);
        // A shared module joins when what it imports is in the bundle or loaded by the entry already (or the bundle
        // would import a file that imports the bundle, or every page would load a library only some need) and
        // ModuleBundle handles the form it is written in; again while one joins, as one may import another.
        Map<String, Set<String>> candidates = new LinkedHashMap<>();
        PageBundles.shared(pageGraphs.values(), entryGraph, module -> ModulePreloads.read(context, module).length())
                .forEach(module -> candidates.put(module, graph(context, imports, module, roots)));
        boolean joinedOne = entry.isPresent();
        while (joinedOne) {
            joinedOne = false;
            for (Map.Entry<String, Set<String>> candidate : candidates.entrySet()) {
                String shared = candidate.getKey();
                Set<String> more = new LinkedHashSet<>(own);
                more.add(shared);
                boolean closed = !own.contains(shared)
                        && candidate.getValue().stream().allMatch(p -> more.contains(p) || entryGraph.contains(p));
                Optional<String> joined = closed ? ModuleBundle.of(context, more, imports) : Optional.empty();
                if (joined.isPresent()) {
                    own.add(shared);
                    entry = joined;
                    joinedOne = true;
                }
            }
        }
        Map<String, String> scripts = new LinkedHashMap<>();
        Map<String, String> bundled = new LinkedHashMap<>();
        Set<String> loaded = new LinkedHashSet<>(entryGraph);
        entry.ifPresent(js -> {
            scripts.put(app, js);
            own.forEach(module -> bundled.put(module, app));
            loaded.addAll(own);
        });
        Map<String, Set<String>> importers = importers(context, imports, roots);
        pageGraphs.forEach((page, graph) -> {
            Set<String> only = PageBundles.privateTo(page, graph, loaded, PageBundles.lookup(importers));
            if (!only.isEmpty()) {
                ModuleBundle.of(context, only, imports).ifPresent(js -> {
                    String name = PageBundles.name(page);
                    scripts.put(name, js);
                    only.forEach(module -> bundled.put(module, name));
                });
            }
        });
        return new BundlePlan(scripts, bundled, loaded);
    }

    /** {@code module} and what it imports statically, directly or through others (libraries included). */
    private static Set<String> graph(ServletContext context, Map<String, JsonValue> imports, String module,
            List<String> roots) {
        return ModulePreloads.graph(context, imports, List.of(module), false, roots,
                p -> ModulePreloads.exists(context, p));
    }

    /** {@code module} and the UI modules it imports statically, directly or through others. */
    private static Set<String> ownGraph(ServletContext context, Map<String, JsonValue> imports, String module,
            List<String> roots) {
        Set<String> own = new LinkedHashSet<>();
        graph(context, imports, module, roots).stream().filter(p -> under(p, roots)).forEach(own::add);
        return own;
    }

    /** Every UI module's importers, over every hashed folder ({@link PageBundles#importers}). */
    private static Map<String, Set<String>> importers(ServletContext context, Map<String, JsonValue> imports,
            List<String> roots) {
        Map<String, Set<String>> targets = new LinkedHashMap<>();
        for (String root : roots) {
            for (String file : StaticAssets.files(context, root)) {
                if (file.endsWith(".js")) {
                    targets.put(file, ModulePreloads.targets(context, file, imports));
                }
            }
        }
        return PageBundles.importers(targets);
    }

    private static boolean under(String path, List<String> roots) {
        return roots.stream().anyMatch(path::startsWith);
    }
}
