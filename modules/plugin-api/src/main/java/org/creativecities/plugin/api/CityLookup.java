package org.creativecities.plugin.api;

import java.util.List;
import java.util.Optional;

/**
 * Read-only facts about member cities. Thread-safe; needs {@link Permission#CITIES_READ}.
 */
public interface CityLookup {

    /**
     * A city as plugins see it.
     *
     * @param slug         its slug, e.g. {@code bristol}
     * @param name         its name
     * @param countryCode  ISO 3166-1 alpha-2
     * @param currentField the slug of its current creative field, if any
     * @param retired      whether it left the network
     */
    record CityInfo(String slug, String name, String countryCode, Optional<String> currentField, boolean retired) {
    }

    Optional<CityInfo> find(String citySlug);

    /** The active cities whose current field is {@code fieldSlug}, by name. */
    List<CityInfo> inField(String fieldSlug);
}
