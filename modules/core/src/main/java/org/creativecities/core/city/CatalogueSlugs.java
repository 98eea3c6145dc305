package org.creativecities.core.city;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The cities and creative fields a request of a context names by slug (an event's organising cities, a project's
 * cities and fields), resolved to the catalogue's rows. Each refusal names the request's field ({@code cities[1]})
 * and is built by the caller's {@link Refusal}, so that every context answers with its own exception.
 */
@ApplicationScoped
public class CatalogueSlugs {

    /** Builds a context's "invalid input" failure for one field. */
    @FunctionalInterface
    public interface Refusal {
        RuntimeException invalid(String field, String message);
    }

    @Inject
    private CityRepository cities;

    /** The cities' ids, in the order given: one at least, at most {@code max}, active (not retired) cities. */
    public Set<Long> cities(String name, List<String> slugs, int max, Refusal refusal) {
        if (slugs == null || slugs.isEmpty()) {
            throw refusal.invalid(name, "At least one city, by slug.");
        }
        if (slugs.size() > max) {
            throw refusal.invalid(name, "At most " + max + " cities.");
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (int i = 0; i < slugs.size(); i++) {
            ids.add(city(name + "[" + i + "]", slugs.get(i), refusal).id());
        }
        return ids;
    }

    /** The fields' ids (none for a missing list), each checked against the field catalogue; at most {@code max}. */
    public Set<Long> fields(String name, List<String> slugs, int max, Refusal refusal) {
        if (slugs == null) {
            return Set.of();
        }
        if (slugs.size() > max) {
            throw refusal.invalid(name, "At most " + max + " fields.");
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (int i = 0; i < slugs.size(); i++) {
            ids.add(field(name + "[" + i + "]", slugs.get(i), refusal).id());
        }
        return ids;
    }

    /** An active (not retired) city by its slug. */
    public City city(String name, String slug, Refusal refusal) {
        if (slug == null || slug.length() > 160) {
            throw refusal.invalid(name, "A city's slug.");
        }
        return cities.findBySlug(slug.toLowerCase(Locale.ROOT)).filter(c -> !c.isRetired())
                .orElseThrow(() -> refusal.invalid(name, "No city '" + slug + "'."));
    }

    /** A creative field by its slug. */
    public CreativeField field(String name, String slug, Refusal refusal) {
        if (slug == null || slug.length() > 64) {
            throw refusal.invalid(name, "A creative field's slug.");
        }
        return cities.findField(slug).orElseThrow(() -> refusal.invalid(name, "No creative field '" + slug
                + "'; see GET /api/fields."));
    }
}
