package org.creativecities.core.platform.web;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code <link rel="modulepreload">} lines of the shell: every module the entry script ({@code /ui/app.js})
 * imports statically, directly or through others, so that the browser asks for them all at once instead of one
 * level of imports after another (each level a round trip before the first text is drawn).
 *
 * <p>Static imports only ({@code import … from '…'}, {@code import '…'}, {@code export … from '…'}); what a page
 * imports when it is shown ({@code import('…')}) is not preloaded, except by {@link #graph} for the modules it
 * starts from (a route's page module, whose literal {@code import('…')} lines load the parts it always shows).
 * Bare specifiers resolve through the shell's import map; the imports of files outside the UI's folders (vendored
 * libraries, each a single file) are not read.
 */
final class ModulePreloads {

    private static final Pattern STATIC_IMPORT = Pattern.compile(
            "(?m)^[ \\t]*(?:import|export)\\s+(?:[^'\";]*?\\sfrom\\s*)?['\"]([^'\"]+)['\"]");
    /** A dynamic import of a literal address: {@code import('../components/city-spaces.js')}. */
    private static final Pattern DYNAMIC_IMPORT = Pattern.compile("\\bimport\\(\\s*['\"]([^'\"]+)['\"]\\s*\\)");
    private static final Pattern IMPORT_MAP = Pattern.compile(
            "<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);

    private ModulePreloads() {
    }

    /** The preload lines of {@code modules}, addresses under {@code roots} written as {@code /static/@/…}. */
    static String lines(Collection<String> modules, List<String> roots) {
        StringBuilder links = new StringBuilder();
        for (String path : modules) {
            String href = roots.stream().anyMatch(path::startsWith) ? "/static/@" + path : path;
            links.append("  <link rel=\"modulepreload\" href=\"").append(href).append("\">\n");
        }
        return links.toString();
    }

    /**
     * The modules {@code entries} import statically, directly or through others, the entries included, in the
     * order they are found; with {@code dynamicOfEntries}, also what the entries themselves import with a literal
     * {@code import('…')}, and their static imports. Only files under {@code roots} are read.
     */
    static Set<String> graph(ServletContext context, Map<String, JsonValue> imports, List<String> entries,
            boolean dynamicOfEntries, List<String> roots, Predicate<String> exists) {
        Set<String> seen = new LinkedHashSet<>(entries);
        Deque<String> queue = new ArrayDeque<>(entries);
        while (!queue.isEmpty()) {
            String module = queue.removeFirst();
            if (roots.stream().noneMatch(module::startsWith)) {
                continue;
            }
            String source = read(context, module);
            Matcher m = STATIC_IMPORT.matcher(source);
            while (m.find()) {
                resolve(module, m.group(1), imports).filter(exists).filter(seen::add).ifPresent(queue::addLast);
            }
            if (dynamicOfEntries && entries.contains(module)) {
                Matcher d = DYNAMIC_IMPORT.matcher(source);
                while (d.find()) {
                    resolve(module, d.group(1), imports).filter(exists).filter(seen::add).ifPresent(queue::addLast);
                }
            }
        }
        return seen;
    }

    /** What {@code module} names in its imports, static and literal dynamic ones, resolved as {@link #graph} does. */
    static Set<String> targets(ServletContext context, String module, Map<String, JsonValue> imports) {
        String source = read(context, module);
        Set<String> targets = new LinkedHashSet<>();
        for (Pattern pattern : List.of(STATIC_IMPORT, DYNAMIC_IMPORT)) {
            Matcher m = pattern.matcher(source);
            while (m.find()) {
                resolve(module, m.group(1), imports).ifPresent(targets::add);
            }
        }
        return targets;
    }

    static Optional<String> resolve(String from, String specifier, Map<String, JsonValue> imports) {
        if (specifier.startsWith("./") || specifier.startsWith("../")) {
            String folder = from.substring(0, from.lastIndexOf('/') + 1);
            return Optional.of(java.net.URI.create(folder).resolve(specifier).normalize().getPath());
        }
        if (specifier.startsWith("/")) {
            return Optional.of(specifier);
        }
        JsonValue exact = imports.get(specifier);
        return exact instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
    }

    /** The {@code imports} of the first import map in {@code html}. */
    static Map<String, JsonValue> importMap(String html) {
        Matcher m = IMPORT_MAP.matcher(html);
        if (!m.find()) {
            return Map.of();
        }
        JsonObject map = Json.createReader(new StringReader(m.group(1))).readObject();
        return map.containsKey("imports") ? map.getJsonObject("imports") : Map.of();
    }

    /** Whether a script exists in the application at {@code path}. */
    static boolean exists(ServletContext context, String path) {
        try {
            return (path.endsWith(".js") || path.endsWith(".mjs")) && context.getResource(path) != null;
        } catch (MalformedURLException e) {
            return false;
        }
    }

    static String read(ServletContext context, String path) {
        try (InputStream in = context.getResourceAsStream(path)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
