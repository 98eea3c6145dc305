package org.creativecities.citypages.integration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.creativecities.citypages.app.BrandService;
import org.creativecities.citypages.domain.PageVersion;
import org.creativecities.core.city.City;
import org.creativecities.core.city.CityService;
import org.creativecities.core.live.SafeMarkdown;
import org.creativecities.works.app.CityNewsSource;

/** Brand page updates as news in the city's Atom feed: one entry per version, with the description it had then. */
@ApplicationScoped
public class BrandNews implements CityNewsSource {

    @Inject
    private BrandService pages;

    @Inject
    private CityService cities;

    @Override
    public List<NewsItem> news(long cityId, String citySlug, int limit) {
        City city = cities.get(citySlug);
        if (city.isRetired()) {
            return List.of();
        }
        String name = city.name();
        return pages.versions(citySlug).stream().limit(limit).map(v -> item(citySlug, name, v)).toList();
    }

    private static NewsItem item(String slug, String name, PageVersion v) {
        Map<String, String> descriptions = v.page().descriptions();
        String html = descriptions.isEmpty() ? null : SafeMarkdown.html(descriptions.values().iterator().next());
        return new NewsItem("/cities/" + slug + "#page-" + v.number(), name + " updated its page", "/cities/" + slug,
                v.createdAt(), v.authorName(), "Version " + v.number() + " of the page of " + name + ", by "
                + v.authorName() + (descriptions.isEmpty() ? "." : " (" + String.join(", ", descriptions.keySet())
                + ")."), html);
    }
}
