package org.creativecities.works.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.creativecities.core.city.City;
import org.creativecities.core.city.CreativeField;
import org.creativecities.core.identity.Caller;
import org.creativecities.works.WorksException;
import org.creativecities.works.app.WorkDtos.WorkView;
import org.creativecities.works.domain.WorkRepository;

/**
 * The newest works published to everyone of a city (by its authors or about it) or of a field, for Atom feeds; a
 * city's feed also carries the other contexts' news about it ({@link CityNewsSource}).
 */
@ApplicationScoped
public class Feeds {

    /** Entries per feed. */
    public static final int SIZE = 50;

    /** A feed's subject, its works (newest publication first) and the other contexts' news (newest first). */
    public record Feed(String kind, String slug, String name, List<WorkView> works,
                       List<CityNewsSource.NewsItem> news) {
    }

    @Inject
    private Instance<CityNewsSource> newsSources;

    @Inject
    private WorkRepository works;

    @Inject
    private People people;

    @Inject
    private WorkViews views;

    @Transactional
    public Feed ofCity(String slug) {
        City city = people.findCity(slug).orElseThrow(() -> WorksException.notFound("City", slug));
        List<CityNewsSource.NewsItem> news = newsSources.stream()
                .flatMap(source -> source.news(city.id(), city.slug(), SIZE).stream())
                .sorted(Comparator.comparing(CityNewsSource.NewsItem::updated).reversed()).limit(SIZE).toList();
        return new Feed("cities", city.slug(), city.name(), works.publicOfCity(city.id(), SIZE).stream()
                .map(w -> views.view(Optional.<Caller.Identity>empty(), w)).toList(), news);
    }

    @Transactional
    public Feed ofField(String slug) {
        CreativeField field = people.findField(slug).orElseThrow(() -> WorksException.notFound("Field", slug));
        return new Feed("fields", field.slug(), field.name(), works.publicOfField(field.id(), SIZE).stream()
                .map(w -> views.view(Optional.<Caller.Identity>empty(), w)).toList(), List.of());
    }
}
