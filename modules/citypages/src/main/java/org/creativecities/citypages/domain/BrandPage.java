package org.creativecities.citypages.domain;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a city says about itself, as one immutable value: its description in Markdown per language (BCP 47 tags,
 * in the order they were added), its banner and logo (media ids), its links, and its highlights. A version stores
 * it as JSON ({@link #toJson()}, {@link #parse(String)}). The values here were validated on the way in.
 *
 * @param descriptions Markdown by language tag, in the order they were added
 * @param banner       the banner image's media id, if any
 * @param logo         the logo image's media id, if any
 * @param links        the website and social links, in the coordinator's order
 * @param highlights   the pinned things (works, later events and projects), in the coordinator's order
 */
public record BrandPage(Map<String, String> descriptions, Optional<String> banner, Optional<String> logo,
                        List<Link> links, List<Highlight> highlights) {

    /** A page nobody has written yet. */
    public static final BrandPage EMPTY = new BrandPage(Map.of(), Optional.empty(), Optional.empty(), List.of(),
            List.of());

    /**
     * A link.
     *
     * @param kind  website, or a social network's name (see the app's list)
     * @param url   an https URL
     */
    public record Link(String kind, String url) {
    }

    /**
     * A pinned thing, named by its kind and id: {@code work} today, {@code event} or {@code project} once their
     * modules offer them (app.HighlightSource).
     *
     * @param type the kind of thing
     * @param id   its id in its own context
     */
    public record Highlight(String type, long id) {
    }

    public BrandPage {
        descriptions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(descriptions));
        links = List.copyOf(links);
        highlights = List.copyOf(highlights);
    }

    /** The page as stored in a version. */
    public JsonObject toJson() {
        JsonObjectBuilder d = Json.createObjectBuilder();
        descriptions.forEach(d::add);
        JsonArrayBuilder l = Json.createArrayBuilder();
        links.forEach(k -> l.add(Json.createObjectBuilder().add("kind", k.kind()).add("url", k.url())));
        JsonArrayBuilder h = Json.createArrayBuilder();
        highlights.forEach(x -> h.add(Json.createObjectBuilder().add("type", x.type()).add("id", x.id())));
        JsonObjectBuilder page = Json.createObjectBuilder().add("descriptions", d);
        banner.ifPresentOrElse(b -> page.add("banner", b), () -> page.add("banner", JsonValue.NULL));
        logo.ifPresentOrElse(b -> page.add("logo", b), () -> page.add("logo", JsonValue.NULL));
        return page.add("links", l).add("highlights", h).build();
    }

    /** A page as stored by {@link #toJson()}. */
    public static BrandPage parse(String json) {
        JsonObject o;
        try (var reader = Json.createReader(new StringReader(json))) {
            o = reader.readObject();
        }
        Map<String, String> descriptions = new LinkedHashMap<>();
        o.getJsonObject("descriptions").forEach((tag, text) -> descriptions.put(tag, ((jakarta.json.JsonString) text)
                .getString()));
        List<Link> links = o.getJsonArray("links").stream().map(JsonValue::asJsonObject)
                .map(k -> new Link(k.getString("kind"), k.getString("url"))).toList();
        List<Highlight> highlights = o.getJsonArray("highlights").stream().map(JsonValue::asJsonObject)
                .map(x -> new Highlight(x.getString("type"), x.getJsonNumber("id").longValue())).toList();
        return new BrandPage(descriptions, optional(o, "banner"), optional(o, "logo"), links, highlights);
    }

    private static Optional<String> optional(JsonObject o, String name) {
        return o.isNull(name) ? Optional.empty() : Optional.of(o.getString(name));
    }
}
