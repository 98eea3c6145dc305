package org.creativecities.core.platform.web;

import jakarta.json.JsonValue;
import jakarta.servlet.ServletContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the shell asks for at once for the page its address shows, so that the first text does not wait for the
 * entry script to run and then ask for it, one level of imports after another: the page's module and every module
 * it imports (statically, and with a literal {@code import('…')} in the page module itself: the parts it always
 * shows) that the entry does not import already, and the page's string catalogues in English (the UI always loads
 * English, the fallback of every language, in one request named as {@code ui/core/i18n.js} names it), and the
 * first API answers the page reads, where routes.js names them ({@code data}; {@code ui/core/api.js} asks for a
 * preloaded answer as the shell did, without headers of its own, when nobody is signed in).
 *
 * <p>The pages are read from the UI's route table, {@code /ui/routes.js} (address, element, module, namespaces),
 * matched in its order as {@code ui/core/router.js} does. Built once per deployment.
 */
final class RoutePreloads {

    private static final Pattern ROUTE = Pattern.compile("\\{\\s*path:\\s*'([^']+)',\\s*tag:\\s*'[^']+',\\s*module:"
            + "\\s*\\(\\)\\s*=>\\s*import\\('([^']+)'\\)\\s*(?:,\\s*ns:\\s*\\[([^\\]]*)\\])?"
            + "\\s*(?:,\\s*data:\\s*\\[([^\\]]*)\\])?");
    private static final Pattern PARAMETER = Pattern.compile(":(\\w+)");
    /** A parameter's value that may go into a preloaded address as it is: letters, digits and {@code -._~}. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._~-]{1,200}");
    /** The language every page loads (ui/core/i18n.js's fallback). */
    private static final String FALLBACK = "en";
    /** Namespaces that i18n.js does not read from the UI's catalogue folder, and where it reads them. */
    private static final Map<String, String> OTHER_SOURCES = Map.of("plugins", "/api/modules/texts?lang=" + FALLBACK);

    /** A route: its address, the preload lines of its catalogues and of its modules, its first API answers. */
    private record Route(Pattern address, String catalogues, String modules, List<String> data) {
    }

    private final List<Route> routes = new ArrayList<>();

    /**
     * @param imports  the shell's import map as served (bundles included)
     * @param loaded   what the shell preloads already (the entry's bundle or the entry and its static imports)
     * @param bundled  the modules served in a bundle, and its address ({@link PageBundles}): the bundle is preloaded
     * @param exists   whether a script address exists
     */
    RoutePreloads(ServletContext context, Map<String, JsonValue> imports, Set<String> loaded,
            Map<String, String> bundled, List<String> roots, Predicate<String> exists) {
        String table = ModulePreloads.read(context, PageBundles.ROUTES);
        Matcher m = ROUTE.matcher(table);
        while (m.find()) {
            String module = ModulePreloads.resolve(PageBundles.ROUTES, m.group(2), imports).orElseThrow();
            Set<String> modules = new LinkedHashSet<>();
            if (exists.test(module)) {
                modules.addAll(ModulePreloads.graph(context, imports, List.of(module), true, roots, exists));
                modules.removeAll(loaded);
            }
            Set<String> files = new LinkedHashSet<>();
            modules.forEach(each -> files.add(bundled.getOrDefault(each, each)));
            routes.add(new Route(address(m.group(1)), catalogues(m.group(3) == null ? "" : m.group(3)),
                    ModulePreloads.lines(files, roots), names(m.group(4))));
        }
        // A route written in another form would be skipped, and the next one could match its addresses: none then.
        if (routes.size() != table.split("\\bpath:", -1).length - 1) {
            routes.clear();
        }
    }

    /** The page modules the route table names, in its order, each once. */
    static Set<String> pageModules(ServletContext context, Map<String, JsonValue> imports) {
        Set<String> pages = new LinkedHashSet<>();
        Matcher m = ROUTE.matcher(ModulePreloads.read(context, PageBundles.ROUTES));
        while (m.find()) {
            ModulePreloads.resolve(PageBundles.ROUTES, m.group(2), imports).ifPresent(pages::add);
        }
        return pages;
    }

    /**
     * The lines for the page at {@code path}: the first route that matches, or none. Its first API answers
     * ({@code data} in routes.js, {@code :name} replaced by the address's segment) are preloaded when every segment
     * they use is plain.
     */
    String linksFor(String path) {
        for (Route route : routes) {
            Matcher m = route.address().matcher(path);
            if (m.matches()) {
                // What the page waits for first: its strings and data, then the modules it imports.
                StringBuilder links = new StringBuilder(route.catalogues());
                for (String template : route.data()) {
                    data(template, m).ifPresent(href -> links.append(fetchLine(href)));
                }
                return links.append(route.modules()).toString();
            }
        }
        return "";
    }

    private static Optional<String> data(String template, Matcher address) {
        Matcher p = PARAMETER.matcher(template);
        StringBuilder href = new StringBuilder();
        while (p.find()) {
            String value = address.pattern().pattern().contains("(?<" + p.group(1) + ">")
                    ? address.group(p.group(1)) : null;
            if (value == null || !PLAIN.matcher(value).matches()) {
                return Optional.empty();
            }
            p.appendReplacement(href, value);
        }
        p.appendTail(href);
        return Optional.of(href.toString());
    }

    private static List<String> names(String list) {
        List<String> names = new ArrayList<>();
        for (String item : list == null ? new String[0] : list.split(",")) {
            String name = item.strip().replace("'", "");
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    /** The route's address as router.js matches it: each {@code :name} one segment, a trailing slash allowed. */
    static Pattern address(String route) {
        StringBuilder regex = new StringBuilder("^");
        Matcher m = PARAMETER.matcher(route);
        int from = 0;
        while (m.find()) {
            regex.append(Pattern.quote(route.substring(from, m.start()))).append("(?<").append(m.group(1))
                    .append(">[^/]+)");
            from = m.end();
        }
        regex.append(Pattern.quote(route.substring(from))).append("/?$");
        return Pattern.compile(regex.toString());
    }

    /** The English catalogues of {@code common} and the route's namespaces, as i18n.js asks for them. */
    private static String catalogues(String namespaces) {
        Set<String> all = new LinkedHashSet<>(List.of("common"));
        all.addAll(names(namespaces));
        List<String> own = all.stream().filter(ns -> !OTHER_SOURCES.containsKey(ns)).toList();
        StringBuilder links = new StringBuilder(fetchLine("/static/@/ui/i18n/" + FALLBACK + "/"
                + String.join("+", own) + ".json"));
        all.stream().filter(OTHER_SOURCES::containsKey).forEach(ns -> links.append(fetchLine(OTHER_SOURCES.get(ns))));
        return links.toString();
    }

    private static String fetchLine(String href) {
        return "  <link rel=\"preload\" href=\"" + href + "\" as=\"fetch\" crossorigin>\n";
    }
}
