package org.creativecities.works.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.creativecities.core.city.City;
import org.creativecities.core.city.CreativeField;
import org.creativecities.core.identity.Caller;
import org.creativecities.works.WorksException;
import org.creativecities.works.app.WorkDtos.WorkView;
import org.creativecities.works.domain.WorkRepository;

/** The newest works published to everyone of a city (by its authors or about it) or of a field, for Atom feeds. */
@ApplicationScoped
public class Feeds {

    /** Entries per feed. */
    public static final int SIZE = 50;

    /** A feed's subject and its works, newest publication first. */
    public record Feed(String kind, String slug, String name, List<WorkView> works) {
    }

    @Inject
    private WorkRepository works;

    @Inject
    private People people;

    @Inject
    private WorkViews views;

    @Transactional
    public Feed ofCity(String slug) {
        City city = people.findCity(slug).orElseThrow(() -> WorksException.notFound("City", slug));
        return new Feed("cities", city.slug(), city.name(), works.publicOfCity(city.id(), SIZE).stream()
                .map(w -> views.view(Optional.<Caller.Identity>empty(), w)).toList());
    }

    @Transactional
    public Feed ofField(String slug) {
        CreativeField field = people.findField(slug).orElseThrow(() -> WorksException.notFound("Field", slug));
        return new Feed("fields", field.slug(), field.name(), works.publicOfField(field.id(), SIZE).stream()
                .map(w -> views.view(Optional.<Caller.Identity>empty(), w)).toList());
    }
}
