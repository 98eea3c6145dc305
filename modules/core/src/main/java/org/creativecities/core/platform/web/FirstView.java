package org.creativecities.core.platform.web;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a {@link ShellPages} bean needs to write a page's first view as the UI will draw it: the UI's own strings
 * ({@code /ui/i18n/<language>/<namespace>.json}) in the language the UI will choose for this reader, and the site's
 * header. The language is the first of the reader's ({@code Accept-Language}, which the browser fills from the
 * languages {@code ui/core/i18n.js} reads) that the UI offers ({@code /ui/i18n/locales.json}), exactly and then by
 * language, else English; a missing string falls back to English, as in the UI. A reader who chose another language
 * in the UI sees the first view in the browser's until the UI has drawn the page. Catalogues are read once.
 */
public final class FirstView {

    private static final String FALLBACK = "en";
    private static final Map<String, JsonObject> CATALOGUES = new ConcurrentHashMap<>();

    /** The site's logo, as the UI draws it (ui/app.js). */
    private static final String LOGO = "<svg class=\"brand-logo\" viewBox=\"0 0 32 32\" width=\"28\" height=\"28\" "
            + "aria-hidden=\"true\" focusable=\"false\"><rect width=\"32\" height=\"32\" rx=\"7\" fill=\"#0b5cad\"/>"
            + "<circle cx=\"11\" cy=\"12\" r=\"4\" fill=\"#fff\"/><circle cx=\"21\" cy=\"12\" r=\"4\" fill=\"#ffd166\"/>"
            + "<circle cx=\"16\" cy=\"21\" r=\"4\" fill=\"#8fd3ff\"/></svg>";

    private final ServletContext context;
    private final String language;

    private FirstView(ServletContext context, String language) {
        this.context = context;
        this.language = language;
    }

    /** The first view of a request's page, in the language the UI will choose. */
    public static FirstView of(HttpServletRequest request) {
        ServletContext context = request.getServletContext();
        return new FirstView(context, language(offered(context), Collections.list(request.getLocales())));
    }

    /** The first of {@code wanted} that the UI offers, exactly and then by language; else English. */
    static String language(List<String> offered, List<Locale> wanted) {
        for (Locale w : wanted) {
            String tag = w.toLanguageTag().toLowerCase(Locale.ROOT);
            Optional<String> found = offered.stream().filter(o -> o.toLowerCase(Locale.ROOT).equals(tag)).findFirst()
                    .or(() -> offered.stream().filter(o -> o.toLowerCase(Locale.ROOT).equals(w.getLanguage()))
                            .findFirst());
            if (found.isPresent()) {
                return found.get();
            }
        }
        return FALLBACK;
    }

    private static List<String> offered(ServletContext context) {
        List<String> codes = new ArrayList<>();
        JsonValue locales = CATALOGUES.computeIfAbsent("locales", k -> read(context, "/ui/i18n/locales.json"))
                .get("locales");
        if (locales != null && locales.getValueType() == JsonValue.ValueType.ARRAY) {
            locales.asJsonArray().forEach(l -> codes.add(l.asJsonObject().getString("code", FALLBACK)));
        }
        return codes;
    }

    /** The language of the view (a code of the UI's, "en", "fr"). */
    public String language() {
        return language;
    }

    /** A UI string, {@code namespace:dotted.key}, as text; the key itself if neither language has it. */
    public String text(String key) {
        int colon = key.indexOf(':');
        String ns = key.substring(0, colon);
        String path = key.substring(colon + 1);
        return lookup(language, ns, path).or(() -> lookup(FALLBACK, ns, path)).orElse(key);
    }

    /** A UI string with its {@code {name}} placeholders filled (the values as given: escape the result). */
    public String text(String key, Map<String, String> values) {
        String text = text(key);
        for (Map.Entry<String, String> v : values.entrySet()) {
            text = text.replace("{" + v.getKey() + "}", v.getValue());
        }
        return text;
    }

    /** The site's header as the UI draws it before its navigation, then {@code main} holding the page's top. */
    public String frame(String main) {
        return "<header class=\"site-header\"><a class=\"brand\" href=\"/\" aria-label=\""
                + Markup.escape(text("common:brandHome")) + "\">" + LOGO + "<span>"
                + Markup.escape(text("common:brand")) + "</span></a></header><main>" + main + "</main>";
    }

    private Optional<String> lookup(String lang, String ns, String path) {
        JsonValue node = CATALOGUES.computeIfAbsent(lang + "/" + ns,
                k -> read(context, "/ui/i18n/" + k + ".json"));
        for (String part : path.split("\\.")) {
            if (node == null || node.getValueType() != JsonValue.ValueType.OBJECT) {
                return Optional.empty();
            }
            node = node.asJsonObject().get(part);
        }
        return node instanceof JsonString s ? Optional.of(s.getString()) : Optional.empty();
    }

    private static JsonObject read(ServletContext context, String path) {
        try (InputStream in = context.getResourceAsStream(path)) {
            if (in == null) {
                return JsonValue.EMPTY_JSON_OBJECT;
            }
            try (JsonReader reader = Json.createReader(in)) {
                return reader.readObject();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
