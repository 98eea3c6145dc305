package org.creativecities.works.render;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.creativecities.core.plugin.PluginWorkKinds;
import org.creativecities.media.MediaInfo;
import org.creativecities.works.app.WorkDtos.AuthorView;
import org.creativecities.works.app.WorkDtos.LineageNode;
import org.creativecities.works.app.WorkDtos.WorkView;
import org.creativecities.works.app.WorkViews;
import org.creativecities.works.markdown.WorkRenderer;

/**
 * A work as files: Markdown, a standalone HTML page (also the public page, with schema.org {@code CreativeWork}
 * JSON-LD, OpenGraph tags and the licence link), the attribution and licence texts, and a zip of them all.
 */
public final class WorkDocuments {

    /** A link to a media in Markdown or in the sanitised HTML (which writes '=' as {@code &#61;}); group 1: the id. */
    private static final Pattern MEDIA_LINK = Pattern.compile("/api/media/([A-Za-z0-9_-]{22})(?![A-Za-z0-9_-])"
            + "(?:\\?w(?:=|&#61;)[0-9]{1,5})?");

    private WorkDocuments() {
    }

    /**
     * The work's content as safe HTML: a text work's own rendering ({@link WorkView#html()}), the other kinds'
     * outline ({@link #markdown(WorkView)}) rendered the same way; images described with their stored alt text.
     */
    public static String html(WorkView work) {
        return work.html() != null ? work.html()
                : WorkRenderer.html(markdown(work), work.mediaAlt() == null ? Map.of() : work.mediaAlt());
    }

    /**
     * The work's Markdown: a collection lists its items as links, a plugin kind's content is an outline of its
     * JSON.
     */
    public static String markdown(WorkView work) {
        if (work.content() instanceof JsonString text) {
            return text.getString();
        }
        StringBuilder md = new StringBuilder("# ").append(JsonOutline.escape(work.title())).append("\n\n");
        if (PluginWorkKinds.isPluginKind(work.kind())) {
            return md.append(JsonOutline.markdown(work.content())).toString();
        }
        if (work.content() instanceof JsonObject o && o.get("items") instanceof jakarta.json.JsonArray items) {
            for (JsonValue item : items) {
                JsonObject i = item.asJsonObject();
                if (i.containsKey("work")) {
                    long id = i.getJsonNumber("work").longValue();
                    md.append("- [Work ").append(id).append("](").append(WorkViews.pageUrl(id)).append(")\n");
                } else {
                    String id = i.getString("media");
                    md.append("- [Media ").append(id).append("](/api/media/").append(id).append(")\n");
                }
            }
        }
        return md.toString();
    }

    /** Every attribution owed: the work's, then its sources' up the lineage. */
    public static String attribution(WorkView work) {
        StringBuilder text = new StringBuilder(work.attribution()).append('\n');
        for (LineageNode source : work.lineage().derivedFrom()) {
            text.append("Based on ").append(source.attribution()).append('\n');
        }
        return text.toString();
    }

    public static String licence(WorkView work) {
        return work.title() + " is licensed under " + work.licence().name() + " (SPDX: " + work.licence().spdx()
                + ").\nThe licence's text: " + work.licence().url() + "\n\nAttribution:\n" + attribution(work);
    }

    /** A standalone HTML page; {@code baseUrl} (scheme, host, port) makes the page's links absolute. */
    public static String html(WorkView work, String baseUrl) {
        String url = baseUrl + WorkViews.pageUrl(work.id());
        String description = work.summary() != null ? work.summary() : work.attribution().replace("*", "");
        StringBuilder h = new StringBuilder(4096);
        h.append("<!DOCTYPE html>\n<html lang=\"")
                .append(WorkRenderer.escape(work.languages().isEmpty() ? "en" : work.languages().get(0)))
                .append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(WorkRenderer.escape(work.title())).append("</title>\n")
                .append(meta("name", "description", description))
                .append(meta("property", "og:type", "article"))
                .append(meta("property", "og:title", work.title()))
                .append(meta("property", "og:description", description))
                .append(meta("property", "og:url", url))
                .append(meta("property", "og:site_name", "Creative Cities Commons"))
                .append("<link rel=\"canonical\" href=\"").append(WorkRenderer.escape(url)).append("\">\n")
                .append("<link rel=\"license\" href=\"").append(WorkRenderer.escape(work.licence().url()))
                .append("\">\n")
                .append("<script type=\"application/ld+json\">").append(inScript(jsonLd(work, url, baseUrl)))
                .append("</script>\n")
                .append("</head>\n<body>\n<article>\n<h1>").append(WorkRenderer.escape(work.title()))
                .append("</h1>\n");
        if (work.summary() != null) {
            h.append("<p class=\"summary\">").append(WorkRenderer.escape(work.summary())).append("</p>\n");
        }
        h.append(html(work));
        h.append("\n</article>\n<footer>\n<p class=\"attribution\">")
                .append(WorkRenderer.html(work.attribution()).replace("<p>", "").replace("</p>", "").trim())
                .append(" — <a rel=\"license\" href=\"").append(WorkRenderer.escape(work.licence().url()))
                .append("\">").append(WorkRenderer.escape(work.licence().spdx())).append("</a></p>\n");
        for (LineageNode source : work.lineage().derivedFrom()) {
            h.append("<p class=\"lineage\">Based on ")
                    .append(WorkRenderer.html(source.attribution()).replace("<p>", "").replace("</p>", "").trim())
                    .append("</p>\n");
        }
        h.append("</footer>\n</body>\n</html>\n");
        return h.toString();
    }

    /**
     * JSON made safe inside a script element: {@code <}, {@code >} and {@code &} (only ever inside its strings) as
     * JSON escapes, so that no {@code </script>} ends the element early and no {@code <!--} turns the rest of the page
     * into script, while the JSON reads the same.
     */
    public static String inScript(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

    /** A meta element, e.g. {@code <meta property="og:title" content="...">}, its content escaped. */
    public static String meta(String attribute, String name, String content) {
        return "<meta " + attribute + "=\"" + name + "\" content=\"" + WorkRenderer.escape(content) + "\">\n";
    }

    /** schema.org CreativeWork. */
    public static String jsonLd(WorkView work, String url, String baseUrl) {
        JsonArrayBuilder authors = Json.createArrayBuilder();
        for (AuthorView a : work.authors()) {
            JsonObjectBuilder person = Json.createObjectBuilder().add("@type", "Person").add("name", a.displayName());
            if (a.city() != null) {
                person.add("homeLocation", Json.createObjectBuilder().add("@type", "Place")
                        .add("name", a.city().name()));
            }
            authors.add(person);
        }
        JsonObjectBuilder ld = Json.createObjectBuilder()
                .add("@context", "https://schema.org")
                .add("@type", "CreativeWork")
                .add("@id", url)
                .add("url", url)
                .add("name", work.title())
                .add("author", authors)
                .add("license", work.licence().url())
                .add("creditText", work.attribution().replace("*", ""))
                .add("dateCreated", work.createdAt().toString())
                .add("dateModified", work.updatedAt().toString())
                .add("version", work.version())
                .add("keywords", String.join(", ", work.tags()))
                .add("inLanguage", Json.createArrayBuilder(work.languages()));
        if (work.summary() != null) {
            ld.add("abstract", work.summary());
        }
        if (work.publishedAt() != null) {
            ld.add("datePublished", work.publishedAt().toString());
        }
        if (!work.lineage().derivedFrom().isEmpty()) {
            LineageNode source = work.lineage().derivedFrom().get(0);
            ld.add("isBasedOn", Json.createObjectBuilder().add("@type", "CreativeWork")
                    .add("url", baseUrl + WorkViews.pageUrl(source.id())).add("name", source.title())
                    .add("creditText", source.attribution().replace("*", "")));
        }
        JsonArrayBuilder about = Json.createArrayBuilder();
        work.cities().forEach(c -> about.add(Json.createObjectBuilder().add("@type", "City").add("name", c.name())));
        ld.add("locationCreated", about);
        return ld.build().toString();
    }

    /** Opens a media's bytes for the zip. */
    @FunctionalInterface
    public interface MediaBytes {
        InputStream open(String mediaId) throws IOException;
    }

    /**
     * work.md, work.html, LICENSE, ATTRIBUTION and the media the work uses, under {@code media/} (named by id and an
     * extension from the content type), into {@code out}. In work.md and work.html, links to those media point at
     * the files in the zip.
     */
    public static void zip(WorkView work, String baseUrl, List<MediaInfo> media, MediaBytes bytes, OutputStream out)
            throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        media.forEach(m -> files.put(m.id(), "media/" + m.id() + extension(m.contentType())));
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            entry(zip, "work.md", local(markdown(work), files));
            entry(zip, "work.html", local(html(work, baseUrl), files));
            entry(zip, "LICENSE", licence(work));
            entry(zip, "ATTRIBUTION", attribution(work));
            for (Map.Entry<String, String> file : files.entrySet()) {
                try (InputStream in = bytes.open(file.getKey())) {
                    zip.putNextEntry(new ZipEntry(file.getValue()));
                    in.transferTo(zip);
                    zip.closeEntry();
                }
            }
        }
    }

    /** The text with each link to one of these media (a thumbnail's too) pointing at its file in the zip. */
    static String local(String text, Map<String, String> files) {
        Matcher m = MEDIA_LINK.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String file = files.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(file != null ? file : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A file extension for a media type the media context serves. */
    static String extension(String contentType) {
        String type = contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            case "image/webp" -> ".webp";
            case "image/gif" -> ".gif";
            case "audio/mpeg" -> ".mp3";
            case "audio/ogg" -> ".ogg";
            case "audio/wav" -> ".wav";
            case "video/mp4" -> ".mp4";
            case "video/webm" -> ".webm";
            case "application/pdf" -> ".pdf";
            default -> ".bin";
        };
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    /** A file name from the title: letters, digits and dashes. */
    public static String fileName(WorkView work) {
        String slug = java.text.Normalizer.normalize(work.title(), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-|-$)", "");
        slug = slug.length() > 60 ? slug.substring(0, 60) : slug;
        return (slug.isEmpty() ? "work" : slug) + "-" + work.id();
    }
}
