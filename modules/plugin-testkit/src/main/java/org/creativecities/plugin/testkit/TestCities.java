package org.creativecities.plugin.testkit;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.creativecities.plugin.api.CityLookup;

/** {@link CityLookup} over the cities a test adds. Thread-safe. */
public final class TestCities implements CityLookup {

    private final Map<String, CityInfo> cities = new ConcurrentHashMap<>();

    /** Adds (or replaces) a city. */
    public TestCities add(CityInfo city) {
        cities.put(city.slug(), city);
        return this;
    }

    /** Adds an active city with a current field. */
    public TestCities add(String slug, String name, String countryCode, String field) {
        return add(new CityInfo(slug, name, countryCode, Optional.ofNullable(field), false));
    }

    @Override
    public Optional<CityInfo> find(String citySlug) {
        return Optional.ofNullable(cities.get(citySlug));
    }

    @Override
    public List<CityInfo> inField(String fieldSlug) {
        return cities.values().stream()
                .filter(c -> !c.retired() && c.currentField().filter(fieldSlug::equals).isPresent())
                .sorted(Comparator.comparing(CityInfo::name)).toList();
    }
}
