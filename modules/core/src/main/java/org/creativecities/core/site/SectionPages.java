package org.creativecities.core.site;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import org.creativecities.core.platform.web.FirstView;
import org.creativecities.core.platform.web.Markup;
import org.creativecities.core.platform.web.ShellPages;
import org.creativecities.core.platform.web.SiteAddress;

/**
 * The site's sections ({@code /}, {@code /cities}, {@code /events}, {@code /works}, {@code /people}, {@code /projects}) served with
 * their own title, meta description and OpenGraph tags, in the reader's language (English or French, from
 * {@code Accept-Language}), so that a shared link and a search engine see what the page is. The texts are in
 * {@code org/creativecities/core/site/pages*.properties}; a third language is one more file. The home page and the
 * directory have a first view, their heading and introduction as the UI draws them ({@link FirstView}): their
 * largest text on a phone, painted with the shell. The other sections have none yet.
 */
@ApplicationScoped
public class SectionPages implements ShellPages {

    private static final String BUNDLE = "org.creativecities.core.site.pages";
    private static final Map<String, String> SECTIONS = Map.of("/", "home", "/cities", "cities", "/events", "events",
            "/works", "works", "/people", "people", "/projects", "projects");

    /** The sections with a first view: their top as ui/pages/home.js and cities.js draw it. */
    private static final Map<String, String> TOPS = Map.of(
            "home", "<div class=\"page net-home\"><header class=\"net-hero\"><h1>%s</h1><p class=\"muted\">%s</p>"
                    + "</header></div>",
            "cities", "<div class=\"page net-directory\"><header><h1>%s</h1><p class=\"muted\">%s</p></header></div>");

    @Override
    public Optional<Page> page(String path, HttpServletRequest request) {
        String key = SECTIONS.get(path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1)
                : path);
        if (key == null) {
            return Optional.empty();
        }
        ResourceBundle texts = ResourceBundle.getBundle(BUNDLE, language(request),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String site = texts.getString("site");
        String name = texts.getString(key + ".title");
        String title = key.equals("home") ? site : name + " · " + site;
        String description = texts.getString(key + ".description");
        String url = SiteAddress.of(request) + path;
        String head = meta("name", "description", description)
                + meta("property", "og:type", "website")
                + meta("property", "og:site_name", site)
                + meta("property", "og:title", name)
                + meta("property", "og:description", description)
                + meta("property", "og:url", url)
                + "<link rel=\"canonical\" href=\"" + Markup.escape(url) + "\">\n";
        String top = TOPS.get(key);
        return Optional.of(new Page(200, title, head, top == null ? "" : firstView(FirstView.of(request), key, top)));
    }

    /** The page's top as the UI draws it: its heading and introduction ({@code ns:title}, {@code ns:intro}). */
    static String firstView(FirstView view, String ns, String top) {
        return view.frame(String.format(top, Markup.escape(view.text(ns + ":title")),
                Markup.escape(view.text(ns + ":intro"))));
    }

    /** English, or French when the reader prefers it to English. */
    static Locale language(HttpServletRequest request) {
        for (Locale wanted : Collections.list(request.getLocales())) {
            if (wanted.getLanguage().equals("fr")) {
                return Locale.FRENCH;
            }
            if (wanted.getLanguage().equals("en")) {
                return Locale.ROOT;
            }
        }
        return Locale.ROOT;
    }

    private static String meta(String attribute, String name, String content) {
        return "<meta " + attribute + "=\"" + name + "\" content=\"" + Markup.escape(content) + "\">\n";
    }
}
