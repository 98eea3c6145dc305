package org.creativecities.citypages.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.creativecities.citypages.CityPageException;
import org.creativecities.citypages.domain.BrandPage;
import org.creativecities.media.MediaCatalog;
import org.creativecities.media.MediaIds;
import org.creativecities.media.MediaInfo;
import org.creativecities.media.MediaKind;

/**
 * Checks a {@link BrandDtos.BrandEdit} and applies it to a page: each refusal is a 400 naming the field
 * ({@code descriptions.fr}, {@code banner}, {@code links[1].url}, {@code highlights[0].id}).
 */
@ApplicationScoped
public class BrandRules {

    /** Longest description per language: what the core's Markdown renderer renders as Markdown. */
    public static final int MAX_DESCRIPTION = 16384;
    /** Most languages a page has. */
    public static final int MAX_LANGUAGES = 20;
    /** Most links and most highlights. */
    public static final int MAX_LINKS = 12;
    public static final int MAX_HIGHLIGHTS = 12;
    /** Longest link. */
    public static final int MAX_URL = 500;
    /** The kinds of link. */
    public static final List<String> LINK_KINDS = List.of("website", "facebook", "instagram", "x", "youtube",
            "linkedin", "mastodon", "bluesky", "tiktok", "vimeo", "flickr", "other");

    private static final Pattern TAG = Pattern.compile("[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8}){0,4}");

    @Inject
    private MediaCatalog media;

    @Inject
    private Instance<HighlightSource> sources;

    /** The page after the edit, every new value checked. */
    public BrandPage apply(BrandPage page, BrandDtos.BrandEdit edit) {
        Map<String, String> descriptions = edit.descriptions() == null ? page.descriptions()
                : descriptions(page.descriptions(), edit.descriptions());
        Optional<String> banner = edit.banner() == null ? page.banner() : image("banner", edit.banner());
        Optional<String> logo = edit.logo() == null ? page.logo() : image("logo", edit.logo());
        List<BrandPage.Link> links = edit.links() == null ? page.links() : links(edit.links());
        List<BrandPage.Highlight> highlights = edit.highlights() == null ? page.highlights()
                : highlights(edit.highlights());
        return new BrandPage(descriptions, banner, logo, links, highlights);
    }

    /** A BCP 47 tag in its canonical case ({@code fr}, {@code pt-BR}), or 400. */
    public static String languageTag(String field, String tag) {
        if (tag == null || !TAG.matcher(tag).matches()) {
            throw CityPageException.invalid(field, "not a BCP 47 language tag such as 'en', 'fr' or 'pt-BR'.");
        }
        Locale locale = Locale.forLanguageTag(tag);
        String canonical = locale.toLanguageTag();
        if (locale.getLanguage().isEmpty() || !canonical.equalsIgnoreCase(tag)) {
            throw CityPageException.invalid(field, "not a BCP 47 language tag such as 'en', 'fr' or 'pt-BR'.");
        }
        return canonical;
    }

    private static Map<String, String> descriptions(Map<String, String> old, Map<String, String> changes) {
        Map<String, String> result = new LinkedHashMap<>(old);
        for (Map.Entry<String, String> change : changes.entrySet()) {
            String tag = languageTag("descriptions", change.getKey());
            String field = "descriptions." + tag;
            String text = change.getValue();
            if (text == null || text.isBlank()) {
                result.remove(tag);
                continue;
            }
            if (text.length() > MAX_DESCRIPTION) {
                throw CityPageException.invalid(field, "at most " + MAX_DESCRIPTION + " characters.");
            }
            result.put(tag, text.strip());
        }
        if (result.size() > MAX_LANGUAGES) {
            throw CityPageException.invalid("descriptions", "at most " + MAX_LANGUAGES + " languages.");
        }
        return result;
    }

    private Optional<String> image(String field, String id) {
        if (id.isBlank()) {
            return Optional.empty();
        }
        if (!MediaIds.isWellFormed(id)) {
            throw CityPageException.invalid(field, "not a media id (22 letters, digits, '-' or '_', as "
                    + "POST /api/media returns).");
        }
        MediaInfo info = media.find(id).orElseThrow(() -> CityPageException.invalid(field, "no such media."));
        if (info.kind() != MediaKind.IMAGE) {
            throw CityPageException.invalid(field, "must be an image.");
        }
        if (!info.publishable()) {
            throw CityPageException.invalid(field, "the image needs alt text first (PATCH /api/media/" + id + ").");
        }
        return Optional.of(id);
    }

    private static List<BrandPage.Link> links(List<BrandDtos.LinkInput> given) {
        if (given.size() > MAX_LINKS) {
            throw CityPageException.invalid("links", "at most " + MAX_LINKS + " links.");
        }
        List<BrandPage.Link> links = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            BrandDtos.LinkInput link = given.get(i);
            String field = "links[" + i + "]";
            if (link == null) {
                throw CityPageException.invalid(field, "missing.");
            }
            if (link.kind() == null || !LINK_KINDS.contains(link.kind())) {
                throw CityPageException.invalid(field + ".kind", "one of " + String.join(", ", LINK_KINDS) + ".");
            }
            links.add(new BrandPage.Link(link.kind(), httpsUrl(field + ".url", link.url())));
        }
        return links;
    }

    /** An absolute https URL with a host, no user info, at most {@link #MAX_URL} characters; or 400. */
    static String httpsUrl(String field, String url) {
        if (url == null || url.isBlank()) {
            throw CityPageException.invalid(field, "missing.");
        }
        if (url.length() > MAX_URL) {
            throw CityPageException.invalid(field, "at most " + MAX_URL + " characters.");
        }
        try {
            URI uri = new URI(url.strip());
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getRawUserInfo() != null) {
                throw CityPageException.invalid(field, "an https URL, such as https://www.example.org/.");
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw CityPageException.invalid(field, "an https URL, such as https://www.example.org/.");
        }
    }

    private List<BrandPage.Highlight> highlights(List<BrandDtos.HighlightInput> given) {
        if (given.size() > MAX_HIGHLIGHTS) {
            throw CityPageException.invalid("highlights", "at most " + MAX_HIGHLIGHTS + " highlights.");
        }
        List<BrandPage.Highlight> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            BrandDtos.HighlightInput h = given.get(i);
            String field = "highlights[" + i + "]";
            if (h == null || h.id() == null) {
                throw CityPageException.invalid(field + ".id", "missing.");
            }
            HighlightSource source = source(h.type()).orElseThrow(() -> CityPageException.invalid(field + ".type",
                    "one of " + String.join(", ", types()) + "."));
            if (source.publicOne(h.id()).isEmpty()) {
                throw CityPageException.invalid(field + ".id", "no public " + source.type() + " " + h.id() + ".");
            }
            if (!seen.add(source.type() + ":" + h.id())) {
                throw CityPageException.invalid(field + ".id", "pinned twice.");
            }
            result.add(new BrandPage.Highlight(source.type(), h.id()));
        }
        return result;
    }

    /** The source of a kind of highlight. */
    public Optional<HighlightSource> source(String type) {
        return sources.stream().filter(s -> s.type().equals(type)).findFirst();
    }

    private List<String> types() {
        return sources.stream().map(HighlightSource::type).sorted().toList();
    }
}
