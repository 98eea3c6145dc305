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
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code <link rel="modulepreload">} lines of the shell: every module the entry script ({@code /ui/app.js})
 * imports statically, directly or through others, so that the browser asks for them all at once instead of one
 * level of imports after another (each level a round trip before the first text is drawn).
 *
 * <p>Static imports only ({@code import … from '…'}, {@code import '…'}, {@code export … from '…'}); what a page
 * imports when it is shown ({@code import('…')}) is not preloaded. Bare specifiers resolve through the shell's
 * import map; the imports of files outside the UI's folders (vendored libraries, each a single file) are not read.
 */
final class ModulePreloads {

    private static final Pattern STATIC_IMPORT = Pattern.compile(
            "(?m)^[ \\t]*(?:import|export)\\s+(?:[^'\";]*?\\sfrom\\s*)?['\"]([^'\"]+)['\"]");
    private static final Pattern IMPORT_MAP = Pattern.compile(
            "<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);

    private ModulePreloads() {
    }

    /**
     * The preload lines for {@code entry} (a path such as {@code /ui/app.js}), its own excluded, addresses under
     * {@code roots} written as {@code /static/@/…} (hashed later, as the shell's other addresses).
     */
    static String links(ServletContext context, String html, String entry, List<String> roots) {
        Map<String, JsonValue> imports = importMap(html);
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> queue = new ArrayDeque<>(List.of(entry));
        seen.add(entry);
        while (!queue.isEmpty()) {
            String module = queue.removeFirst();
            if (roots.stream().noneMatch(module::startsWith)) {
                continue;
            }
            Matcher m = STATIC_IMPORT.matcher(read(context, module));
            while (m.find()) {
                resolve(module, m.group(1), imports).filter(p -> exists(context, p)).filter(seen::add)
                        .ifPresent(queue::addLast);
            }
        }
        seen.remove(entry);
        StringBuilder links = new StringBuilder();
        for (String path : seen) {
            String href = roots.stream().anyMatch(path::startsWith) ? "/static/@" + path : path;
            links.append("  <link rel=\"modulepreload\" href=\"").append(href).append("\">\n");
        }
        return links.toString();
    }

    private static Optional<String> resolve(String from, String specifier, Map<String, JsonValue> imports) {
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

    private static Map<String, JsonValue> importMap(String html) {
        Matcher m = IMPORT_MAP.matcher(html);
        if (!m.find()) {
            return Map.of();
        }
        JsonObject map = Json.createReader(new StringReader(m.group(1))).readObject();
        return map.containsKey("imports") ? map.getJsonObject("imports") : Map.of();
    }

    private static boolean exists(ServletContext context, String path) {
        try {
            return (path.endsWith(".js") || path.endsWith(".mjs")) && context.getResource(path) != null;
        } catch (MalformedURLException e) {
            return false;
        }
    }

    private static String read(ServletContext context, String path) {
        try (InputStream in = context.getResourceAsStream(path)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
