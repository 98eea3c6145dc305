package org.creativecities.search.sources;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.creativecities.core.city.City;
import org.creativecities.core.city.CityCatalogue;
import org.creativecities.core.city.CityDtos.CitySummary;
import org.creativecities.core.city.CityService;
import org.creativecities.core.city.Designation;
import org.creativecities.core.platform.web.PageRequest;
import org.creativecities.core.platform.web.ProblemException;
import org.creativecities.search.SearchDocument;
import org.creativecities.search.SearchChanges;
import org.creativecities.search.SearchSource;

/**
 * The member cities (retired ones are not found): the name as title; country, description and designations
 * ("Creative City of Film, 2009") as text; the fields it was designated in; itself as city. Everyone may find them
 * ({@code public}). Ids are city slugs.
 */
@ApplicationScoped
public class CitySearchSource implements SearchSource {

    public static final String KIND = "city";

    private static final CityCatalogue.Query ACTIVE = new CityCatalogue.Query(Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty(), false, CityCatalogue.Sort.NAME);

    @Inject
    private CityCatalogue catalogue;

    @Inject
    private CityService cities;

    @Inject
    private SearchChanges changes;

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    @Transactional
    public void documents(Consumer<SearchDocument> sink) {
        for (CitySummary c : catalogue.list(ACTIVE, new PageRequest(1, Integer.MAX_VALUE / 2)).items()) {
            document(c.slug()).ifPresent(sink);
        }
    }

    @Override
    @Transactional
    public Optional<SearchDocument> document(String id) {
        try {
            City city = cities.get(id);
            return city.isRetired() ? Optional.empty() : Optional.of(toDocument(city));
        } catch (ProblemException notFound) {
            return Optional.empty();
        }
    }

    static SearchDocument toDocument(City city) {
        List<String> text = new ArrayList<>();
        text.add(city.country().name());
        city.description().ifPresent(text::add);
        Set<String> fields = new TreeSet<>();
        for (Designation d : city.designations()) {
            fields.add(d.field().slug());
            text.add("Creative City of " + d.field().name() + ", " + d.year());
        }
        return new SearchDocument(KIND, city.slug(), city.name(), String.join("\n", text), "/cities/" + city.slug(),
                fields, Set.of(city.slug()), Set.of("public"), city.updatedAt().toInstant());
    }

    @Override
    @Transactional
    public String version() {
        DocumentDigest digest = new DocumentDigest();
        documents(digest::add);
        return digest.value();
    }

    @Override
    public Set<String> audience(Optional<Long> accountId) {
        return Set.of("public");
    }

    void cityChanged(@Observes CityService.CityChanged event) {
        changes.changed(KIND, event.slug());
    }

    /** A field was added or renamed: the designations in every city's text may read differently. */
    void catalogueChanged(@Observes CityCatalogue.Changed event) {
        if (event.what().startsWith("field ")) {
            changes.rebuild(KIND);
        }
    }
}
