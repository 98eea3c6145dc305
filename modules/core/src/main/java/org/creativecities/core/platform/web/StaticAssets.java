package org.creativecities.core.platform.web;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.ServletContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The UI's static files under content-hashed addresses, and the few files served as one.
 *
 * <p>{@code /static/<version>/ui/app.js} is {@code /ui/app.js}; {@code version} is a SHA-256 over every file under
 * {@code /ui/} and the contexts' {@code /…-ui/} folders, so any change of any of them gives every address a new
 * name, and an address can be cached for a year ({@link StaticAssetFilter}). The shell is rewritten once to use
 * them: its import map maps those folders to their hashed addresses (so the UI's own and the contexts' imports of
 * {@code /ui/core/…} resolve to the same module), its script and icon addresses are hashed, and its stylesheets
 * become one ({@code bundles/site.css}, their concatenation in order). The single-file UMD libraries imported for
 * their side effects are served under hashed addresses without their source-map comments: DOMPurify
 * ({@code bundles/purify.js}, read from its global by {@code ui/core/safe-html.js}) and marked
 * ({@code bundles/marked.js}, by {@code ui/core/markdown.js}, which only pages that render Markdown load). The entry
 * script, the UI's modules it imports statically and those several pages share are one file, {@code bundles/app.js},
 * and the modules only one page uses are that page's ({@link BundlePlan}, {@link ModuleBundle}; the import map sends
 * their addresses there), what it imports from elsewhere is preloaded ({@link ModulePreloads}), and so is what the
 * page of an address needs ({@link RoutePreloads}, {@link #shell(String)}); the languages the UI offers
 * ({@code ui/i18n/locales.json}) are written into it.
 *
 * <p>Built once per deployment, the first time a filter asks: the files of a deployed application do not change.
 */
final class StaticAssets {

    /** The prefix of every hashed address. */
    static final String PREFIX = "/static/";

    private static final String ATTRIBUTE = StaticAssets.class.getName();
    private static final String ENTRY = "/ui/app.js";
    /** The bundle of the entry and the modules it imports. */
    private static final String APP = "app.js";
    private static final String JAVASCRIPT = "text/javascript;charset=UTF-8";
    /** The unhashed address of the bundles, as the import map names them before the version is known. */
    private static final String BUNDLES = "/static/@/bundles/";

    /**
     * Import-map entries whose targets are UMD scripts imported only for their side effects, each list served as one.
     * DOMPurify and marked are two: a room or a work shows what the server rendered and needs only DOMPurify.
     */
    private static final Map<String, List<String>> SCRIPT_BUNDLES = Map.of(
            "purify.js", List.of("dompurify"), "marked.js", List.of("marked"));
    /** A library's pointer to its source map, which names a file beside it: wrong in a bundle, so left out. */
    private static final Pattern SOURCE_MAP = Pattern.compile("(?m)^//# sourceMappingURL=\\S*[ \\t]*$");

    private static final Pattern STYLESHEET = Pattern.compile(
            "[ \\t]*<link rel=\"stylesheet\" href=\"(/ui/[^\"]+\\.css)\">\\R?");
    private static final Pattern IMPORT_MAP = Pattern.compile(
            "(<script type=\"importmap\">)(.*?)(</script>)", Pattern.DOTALL);

    private final String version;
    private final List<String> roots;
    private final Map<String, Bundle> bundles = new LinkedHashMap<>();
    private final String shell;
    private final RoutePreloads routes;
    private final String hashedEntry;

    /** A file made of several: its content type and bytes. */
    record Bundle(String contentType, byte[] bytes) {
    }

    private StaticAssets(ServletContext context, String shellSource) {
        this.roots = new ArrayList<>();
        for (String top : new TreeSet<>(context.getResourcePaths("/"))) {
            if (top.equals("/ui/") || top.endsWith("-ui/")) {
                roots.add(top);
            }
        }
        MessageDigest digest = sha256();
        for (String root : roots) {
            for (String file : files(context, root)) {
                digest.update(file.getBytes(StandardCharsets.UTF_8));
                digest.update(read(context, file));
            }
        }
        String stylesMerged = mergeStylesheets(context, shellSource);
        String entry = "  <script type=\"module\" src=\"/ui/app.js\"></script>";
        // The languages offered, in the shell: the UI reads them there instead of asking for them before it draws.
        String locales = Json.createReader(new StringReader(new String(read(context, "/ui/i18n/locales.json"),
                StandardCharsets.UTF_8))).readValue().toString().replace("</", "<\\/");
        Map<String, JsonValue> sourceImports = ModulePreloads.importMap(shellSource);
        Set<String> entryGraph = ModulePreloads.graph(context, sourceImports, List.of(ENTRY), false, roots,
                p -> ModulePreloads.exists(context, p));
        // The entry, the modules it imports and those most pages import as one file; what one page alone uses as
        // another; the rest one by one (BundlePlan).
        BundlePlan plan = BundlePlan.of(context, sourceImports, entryGraph, roots, APP);
        Map<String, String> scripts = plan.scripts();
        // Each bundled module's bundle address; the import map sends the module's plain and hashed addresses there.
        Map<String, String> bundled = new LinkedHashMap<>();
        plan.bundled().forEach((module, name) -> bundled.put(module, BUNDLES + name));
        Map<String, String> aliases = new LinkedHashMap<>(bundled);
        bundled.forEach((module, bundle) -> aliases.put("/static/@" + module, bundle));
        scripts.forEach((name, js) -> bundles.put(name, new Bundle(JAVASCRIPT, js.getBytes(StandardCharsets.UTF_8))));
        String rewritten = rewriteImportMap(context, stylesMerged, aliases);
        String entryLine = scripts.containsKey(APP)
                ? "  <script type=\"module\" src=\"" + BUNDLES + APP + "\"></script>" : entry;
        List<String> imported = entryGraph.stream().filter(p -> !p.equals(ENTRY) && !aliases.containsKey(p)).toList();
        String mapped = rewritten.replace(entry, "  <script type=\"application/json\" id=\"ccc-locales\">" + locales
                + "</script>\n" + ModulePreloads.lines(imported, roots) + entryLine);
        bundles.values().forEach(b -> digest.update(b.bytes()));
        this.version = HexFormat.of().formatHex(digest.digest(), 0, 8);
        scripts.forEach((name, js) -> bundles.put(name, new Bundle(JAVASCRIPT,
                js.replace("/static/@/", PREFIX + version + "/").getBytes(StandardCharsets.UTF_8))));
        this.shell = mapped.replace("/static/@/", PREFIX + version + "/")
                .replace("=\"/ui/", "=\"" + PREFIX + version + "/ui/");
        this.routes = new RoutePreloads(context, ModulePreloads.importMap(rewritten), plan.loaded(), bundled, roots,
                p -> ModulePreloads.exists(context, p)
                        || p.startsWith(BUNDLES) && bundles.containsKey(p.substring(BUNDLES.length())));
        this.hashedEntry = entryLine.strip().replace("/static/@/", PREFIX + version + "/")
                .replace("\"/ui/", "\"" + PREFIX + version + "/ui/");
    }

    /** This context's assets, built on first use from the shell {@code /index.html}. */
    static StaticAssets of(ServletContext context) {
        synchronized (context) {
            Object existing = context.getAttribute(ATTRIBUTE);
            if (existing instanceof StaticAssets assets) {
                return assets;
            }
            byte[] shell = read(context, "/index.html");
            StaticAssets assets = new StaticAssets(context, new String(shell, StandardCharsets.UTF_8));
            context.setAttribute(ATTRIBUTE, assets);
            return assets;
        }
    }

    /** The content hash in every address of this deployment. */
    String version() {
        return version;
    }

    /** The shell, using the hashed addresses. */
    String shell() {
        return shell;
    }

    /**
     * The shell for the page at {@code path} (an address of the UI): the shell, with what that page needs
     * preloaded ({@link RoutePreloads}) after the entry script. After: the browser asks for them in the order it
     * reads them, six at a time on HTTP/1.1, and the entry and its imports run first, so they come first.
     */
    String shell(String path) {
        String links = routes.linksFor(path);
        int at = shell.indexOf(hashedEntry);
        if (links.isEmpty() || at < 0) {
            return shell;
        }
        int after = at + hashedEntry.length() + 1;
        return shell.substring(0, after) + links.replace("/static/@/", PREFIX + version + "/")
                + shell.substring(after);
    }

    /** The bundle at a path below the version ({@code /bundles/site.css}), if it is one. */
    Optional<Bundle> bundle(String path) {
        return path.startsWith("/bundles/") ? Optional.ofNullable(bundles.get(path.substring(9))) : Optional.empty();
    }

    /** Whether a path below the version is a file of a hashed folder ({@code /ui/app.js}). */
    boolean serves(String path) {
        return roots.stream().anyMatch(path::startsWith);
    }

    private String mergeStylesheets(ServletContext context, String html) {
        Matcher m = STYLESHEET.matcher(html);
        ByteArrayOutputStream css = new ByteArrayOutputStream();
        StringBuilder out = new StringBuilder();
        boolean first = true;
        while (m.find()) {
            css.writeBytes(read(context, m.group(1)));
            css.write('\n');
            m.appendReplacement(out, first ? "  <link rel=\"stylesheet\" href=\"/static/@/bundles/site.css\">\n" : "");
            first = false;
        }
        m.appendTail(out);
        if (!first) {
            bundles.put("site.css", new Bundle("text/css;charset=UTF-8", css.toByteArray()));
        }
        return out.toString();
    }

    private String rewriteImportMap(ServletContext context, String html, Map<String, String> aliases) {
        Matcher m = IMPORT_MAP.matcher(html);
        if (!m.find()) {
            return html;
        }
        JsonObject map = Json.createReader(new StringReader(m.group(2))).readObject();
        JsonObject imports = map.getJsonObject("imports");
        JsonObjectBuilder rewritten = Json.createObjectBuilder();
        Map<String, String> bundled = new LinkedHashMap<>();
        SCRIPT_BUNDLES.forEach((name, specifiers) -> {
            if (specifiers.stream().allMatch(imports::containsKey)) {
                ByteArrayOutputStream js = new ByteArrayOutputStream();
                for (String specifier : specifiers) {
                    String source = new String(read(context, imports.getString(specifier)), StandardCharsets.UTF_8);
                    js.writeBytes(SOURCE_MAP.matcher(source).replaceAll("").getBytes(StandardCharsets.UTF_8));
                    js.writeBytes(";\n".getBytes(StandardCharsets.UTF_8));
                    bundled.put(specifier, "/static/@/bundles/" + name);
                }
                bundles.put(name, new Bundle(JAVASCRIPT, js.toByteArray()));
            }
        });
        for (Map.Entry<String, JsonValue> e : imports.entrySet()) {
            rewritten.add(e.getKey(), bundled.getOrDefault(e.getKey(), ((JsonString) e.getValue()).getString()));
        }
        for (String root : roots) {
            rewritten.add(root, "/static/@" + root);
        }
        aliases.forEach(rewritten::add);
        String json = Json.createObjectBuilder(map).add("imports", rewritten).build().toString();
        return html.substring(0, m.start(2)) + "\n" + json + "\n  " + html.substring(m.end(2));
    }

    /** Every file below {@code folder}, in the application. */
    static Set<String> files(ServletContext context, String folder) {
        Set<String> found = new TreeSet<>();
        Set<String> entries = context.getResourcePaths(folder);
        if (entries != null) {
            for (String entry : new TreeSet<>(entries)) {
                if (entry.endsWith("/")) {
                    found.addAll(files(context, entry));
                } else {
                    found.add(entry);
                }
            }
        }
        return found;
    }

    private static byte[] read(ServletContext context, String path) {
        try (InputStream in = context.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("The UI file " + path + " is missing from the application");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
