package org.creativecities.citypages.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.creativecities.citypages.app.BrandDtos.BrandView;
import org.creativecities.citypages.app.BrandDtos.DescriptionView;
import org.creativecities.citypages.app.BrandDtos.HighlightInput;
import org.creativecities.citypages.app.BrandDtos.HighlightView;
import org.creativecities.citypages.app.BrandDtos.ImageView;
import org.creativecities.citypages.app.BrandDtos.LinkView;
import org.creativecities.citypages.app.BrandDtos.PageVersionSummary;
import org.creativecities.citypages.app.BrandDtos.PageVersionView;
import org.creativecities.citypages.app.BrandDtos.PersonView;
import org.creativecities.citypages.domain.BrandPage;
import org.creativecities.citypages.domain.PageVersion;
import org.creativecities.core.live.SafeMarkdown;
import org.creativecities.media.MediaCatalog;

/** Turns pages and versions into what the API and the public page show. */
@ApplicationScoped
public class BrandViews {

    @Inject
    private MediaCatalog media;

    @Inject
    private BrandRules rules;

    /**
     * The page for a reader whose languages are {@code acceptLanguage} (an Accept-Language header, possibly absent
     * or malformed): their best language first, then the others in the page's order.
     */
    public BrandView view(BrandService.CityPage cityPage, Optional<String> acceptLanguage) {
        BrandPage page = cityPage.page();
        List<String> order = languages(page.descriptions(), acceptLanguage);
        List<DescriptionView> descriptions = order.stream()
                .map(tag -> description(tag, page.descriptions().get(tag))).toList();
        Optional<PageVersion> current = cityPage.current();
        return new BrandView(cityPage.city().slug(), cityPage.city().name(), cityPage.version(),
                current.map(PageVersion::createdAt).orElse(null),
                current.map(v -> new PersonView(v.authorId(), v.authorName())).orElse(null),
                descriptions.isEmpty() ? null : descriptions.get(0).language(),
                descriptions.isEmpty() ? null : descriptions.get(0), descriptions,
                image(page.banner()), image(page.logo()),
                page.links().stream().map(l -> new LinkView(l.kind(), l.url())).toList(), highlights(page));
    }

    /** The page's language tags, the reader's best matches first. */
    static List<String> languages(Map<String, String> descriptions, Optional<String> acceptLanguage) {
        List<String> tags = new ArrayList<>(descriptions.keySet());
        List<String> order = new ArrayList<>();
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage.orElse(""));
            for (String tag : Locale.filterTags(ranges, tags)) {
                String own = tags.stream().filter(t -> t.equalsIgnoreCase(tag)).findFirst().orElse(tag);
                if (!order.contains(own)) {
                    order.add(own);
                }
            }
            for (Locale.LanguageRange range : ranges) {
                String language = Locale.forLanguageTag(range.getRange()).getLanguage();
                tags.stream().filter(t -> !order.contains(t) && !language.isEmpty()
                        && Locale.forLanguageTag(t).getLanguage().equals(language)).forEach(order::add);
            }
        } catch (IllegalArgumentException malformed) {
            order.clear();
        }
        tags.stream().filter(t -> !order.contains(t)).forEach(order::add);
        return order;
    }

    private static DescriptionView description(String tag, String markdown) {
        return new DescriptionView(tag, markdown, SafeMarkdown.html(markdown));
    }

    private ImageView image(Optional<String> id) {
        return id.flatMap(media::find).map(m -> new ImageView(m.id(), m.url(), m.alt().orElse(""))).orElse(null);
    }

    private List<HighlightView> highlights(BrandPage page) {
        List<HighlightView> shown = new ArrayList<>();
        for (BrandPage.Highlight h : page.highlights()) {
            rules.source(h.type()).flatMap(s -> s.publicOne(h.id())).ifPresent(card -> shown.add(
                    new HighlightView(card.type(), card.id(), card.title(), card.url(), card.image().orElse(null))));
        }
        return shown;
    }

    /** A version in a history list. */
    public PageVersionSummary summary(PageVersion v) {
        return new PageVersionSummary(v.number(), v.createdAt(), new PersonView(v.authorId(), v.authorName()));
    }

    /** A version with its content as saved. */
    public PageVersionView version(PageVersion v) {
        BrandPage page = v.page();
        return new PageVersionView(v.number(), v.createdAt(), new PersonView(v.authorId(), v.authorName()),
                page.descriptions(), page.banner().orElse(null), page.logo().orElse(null),
                page.links().stream().map(l -> new LinkView(l.kind(), l.url())).toList(),
                page.highlights().stream().map(h -> new HighlightInput(h.type(), h.id())).toList());
    }
}
