package org.creativecities.citypages.render;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.creativecities.citypages.app.BrandDtos.BrandView;
import org.creativecities.citypages.app.BrandDtos.DescriptionView;
import org.creativecities.citypages.app.BrandDtos.HighlightView;
import org.creativecities.citypages.app.BrandDtos.LinkView;
import org.creativecities.core.city.City;
import org.creativecities.core.platform.web.FirstView;
import org.creativecities.works.render.WorkDocuments;
import org.creativecities.works.markdown.WorkRenderer;

/**
 * A city's public page as HTML pieces for the UI shell: the head (meta description, OpenGraph tags, canonical link,
 * schema.org {@code City} and {@code Organization} JSON-LD, made safe inside its script element) and a first view
 * (name, banner, logo, the description in the reader's language, links, highlights). Everything a person wrote is
 * escaped, or is the Markdown rendered and sanitised as messages are.
 */
public final class CityDocument {

    /** Longest meta description, in characters. */
    static final int DESCRIPTION_LENGTH = 200;

    private static final Pattern BLOCK_TAGS = Pattern.compile("</?(?:p|br|li|ul|ol|h[1-6]|blockquote|pre)\\b[^>]*>");
    private static final Pattern TAGS = Pattern.compile("<[^>]*>");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private CityDocument() {
    }

    /** The document's title. */
    public static String title(City city) {
        return city.name() + " · Creative Cities Commons";
    }

    /** The head's additions; {@code baseUrl} (scheme, host, port) makes links absolute. */
    public static String head(City city, BrandView page, String baseUrl) {
        String url = baseUrl + "/cities/" + city.slug();
        String description = summary(city, page);
        StringBuilder h = new StringBuilder(2048)
                .append(WorkDocuments.meta("name", "description", description))
                .append(WorkDocuments.meta("property", "og:type", "website"))
                .append(WorkDocuments.meta("property", "og:site_name", "Creative Cities Commons"))
                .append(WorkDocuments.meta("property", "og:title", city.name()))
                .append(WorkDocuments.meta("property", "og:description", description))
                .append(WorkDocuments.meta("property", "og:url", url));
        if (page.language() != null) {
            h.append(WorkDocuments.meta("property", "og:locale", page.language().replace('-', '_')));
        }
        if (page.banner() != null) {
            h.append(WorkDocuments.meta("property", "og:image", baseUrl + page.banner().url()))
                    .append(WorkDocuments.meta("property", "og:image:alt", page.banner().alt()));
        }
        h.append("<link rel=\"canonical\" href=\"").append(WorkRenderer.escape(url)).append("\">\n")
                .append("<link rel=\"alternate\" type=\"application/atom+xml\" href=\"")
                .append(WorkRenderer.escape(baseUrl + "/feeds/cities/" + city.slug() + ".atom"))
                .append("\" title=\"").append(WorkRenderer.escape(city.name())).append("\">\n")
                .append("<script type=\"application/ld+json\">")
                .append(WorkDocuments.inScript(jsonLd(city, page, url, baseUrl, description))).append("</script>\n");
        return h.toString();
    }

    /** The meta description: the description's text in the reader's language, shortened; or a sentence. */
    static String summary(City city, BrandView page) {
        if (page.description() == null) {
            return city.name() + " (" + city.country().name() + ") in the Creative Cities Commons.";
        }
        String blocks = BLOCK_TAGS.matcher(page.description().html()).replaceAll(" ");
        String text = SPACES.matcher(unescape(TAGS.matcher(blocks).replaceAll(""))).replaceAll(" ").strip();
        if (text.length() <= DESCRIPTION_LENGTH) {
            return text;
        }
        int cut = text.lastIndexOf(' ', DESCRIPTION_LENGTH - 1);
        return text.substring(0, cut > DESCRIPTION_LENGTH / 2 ? cut : DESCRIPTION_LENGTH - 1) + "…";
    }

    private static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&#61;", "=").replace("&amp;", "&");
    }

    /** schema.org: the city as a {@code City}, and the creative city as an {@code Organization}. */
    static String jsonLd(City city, BrandView page, String url, String baseUrl, String description) {
        JsonArrayBuilder sameAs = Json.createArrayBuilder();
        page.links().forEach(l -> sameAs.add(l.url()));
        JsonObjectBuilder place = Json.createObjectBuilder().add("@type", "City").add("@id", url + "#city")
                .add("name", city.name()).add("url", url).add("description", description)
                .add("containedInPlace", Json.createObjectBuilder().add("@type", "Country")
                        .add("name", city.country().name()));
        Optional<BigDecimal> lat = city.latitude();
        Optional<BigDecimal> lon = city.longitude();
        if (lat.isPresent() && lon.isPresent()) {
            place.add("geo", Json.createObjectBuilder().add("@type", "GeoCoordinates").add("latitude", lat.get())
                    .add("longitude", lon.get()));
        }
        JsonObjectBuilder organisation = Json.createObjectBuilder().add("@type", "Organization")
                .add("@id", url + "#organization").add("name", city.name() + " Creative City").add("url", url)
                .add("description", description).add("areaServed", Json.createObjectBuilder().add("@id", url + "#city"))
                .add("sameAs", sameAs);
        if (page.banner() != null) {
            place.add("image", baseUrl + page.banner().url());
            organisation.add("image", baseUrl + page.banner().url());
        }
        if (page.logo() != null) {
            organisation.add("logo", baseUrl + page.logo().url());
        }
        return Json.createObjectBuilder().add("@context", "https://schema.org")
                .add("@graph", Json.createArrayBuilder().add(place).add(organisation)).build().toString();
    }

    /**
     * The first view, until the UI has drawn the page (and for clients without JavaScript): the page's top as
     * {@code ui/pages/city.js} and {@code citypages-ui/city-brand.js} draw it (the country, the name, the city's
     * page with its banner, logo, description in the reader's language, links and highlights), in the site's frame,
     * with the UI's strings in the reader's language ({@link FirstView}). Its largest text or image is the one the
     * UI then draws in its place, so the page's largest paint is the shell's.
     */
    public static String body(City city, BrandView page, FirstView view) {
        StringBuilder b = new StringBuilder(4096).append("<div class=\"page net-city\"><header class=\"net-city-header\">")
                .append("<p class=\"net-eyebrow muted\">").append(WorkRenderer.escape(countryName(city, view)))
                .append("</p><h1>").append(WorkRenderer.escape(city.name())).append("</h1></header>");
        if (!city.isRetired()) {
            b.append("<div class=\"net-city-layout\"><div class=\"stack net-city-main\"><section class=\"card\">")
                    .append("<h2>").append(WorkRenderer.escape(view.text("brand:title"))).append("</h2>")
                    .append(brand(page, view)).append("</section></div></div>");
        }
        return view.frame(b.append("</div>").toString());
    }

    /** The city's page as city-brand.js draws it for a reader. */
    private static String brand(BrandView page, FirstView view) {
        StringBuilder b = new StringBuilder(2048);
        if (page.banner() != null) {
            b.append(image("brand-banner", page.banner().url(), page.banner().alt()));
        }
        if (page.logo() != null) {
            b.append(image("brand-logo", page.logo().url(), page.logo().alt()));
        }
        DescriptionView description = page.description();
        if (description != null) {
            b.append("<div class=\"brand-description\" lang=\"").append(WorkRenderer.escape(description.language()))
                    .append("\">").append(description.html()).append("</div>");
        } else {
            b.append("<p class=\"muted\">").append(WorkRenderer.escape(view.text("brand:none"))).append("</p>");
        }
        if (!page.links().isEmpty()) {
            b.append("<ul class=\"brand-links\">");
            for (LinkView link : page.links()) {
                b.append("<li><a rel=\"noopener noreferrer external\" href=\"").append(WorkRenderer.escape(link.url()))
                        .append("\">").append(WorkRenderer.escape(view.text("brand:kinds." + link.kind())))
                        .append("</a></li>");
            }
            b.append("</ul>");
        }
        if (!page.highlights().isEmpty()) {
            b.append("<h3>").append(WorkRenderer.escape(view.text("brand:highlights")))
                    .append("</h3><ul class=\"brand-highlights\">");
            for (HighlightView h : page.highlights()) {
                b.append("<li><a href=\"").append(WorkRenderer.escape(h.url())).append("\">")
                        .append(WorkRenderer.escape(h.title())).append("</a></li>");
            }
            b.append("</ul>");
        }
        return b.toString();
    }

    /** The country's name in the view's language (the JDK's locale data, as the UI's Intl.DisplayNames). */
    private static String countryName(City city, FirstView view) {
        String code = city.country().code();
        String name = code == null ? "" : new Locale("", code).getDisplayCountry(Locale.forLanguageTag(view.language()));
        return name.isEmpty() || name.equalsIgnoreCase(code) ? city.country().name() : name;
    }

    /** The first view of an address that names no city. */
    public static String notFound(String slug) {
        return "<main><h1>City not found</h1><p>No city '" + WorkRenderer.escape(slug) + "' in the Creative Cities "
                + "Commons. <a href=\"/cities\">All cities</a></p></main>";
    }

    private static String image(String kind, String src, String alt) {
        return "<img class=\"" + kind + "\" src=\"" + WorkRenderer.escape(src) + "\" alt=\"" + WorkRenderer.escape(alt)
                + "\">";
    }
}
