package org.creativecities.core.city;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where cities and fields are kept. */
public interface CityRepository {

    /**
     * A city-list query.
     *
     * @param field          current field slug
     * @param country        ISO code
     * @param year           a designation year
     * @param text           free text on name and country, accents ignored
     * @param includeRetired whether retired cities are listed
     * @param sort           the order
     */
    record Criteria(Optional<String> field, Optional<String> country, Optional<Integer> year, Optional<String> text,
                    boolean includeRetired, Sort sort) {
    }

    /** The orders a list can have. */
    enum Sort {
        NAME("c.name ASC"), NAME_DESC("c.name DESC"), COUNTRY("c.countryName ASC, c.name ASC"),
        COUNTRY_DESC("c.countryName DESC, c.name ASC"), YEAR("c.joinedYear ASC, c.name ASC"),
        YEAR_DESC("c.joinedYear DESC, c.name ASC");

        final String jpql;

        Sort(String jpql) {
            this.jpql = jpql;
        }
    }

    List<City> find(Criteria criteria, int offset, int limit);

    long count(Criteria criteria);

    Optional<City> findBySlug(String slug);

    Optional<City> findByNameAndCountry(String name, String countryCode);

    boolean slugExists(String slug);

    City add(City city);

    List<CreativeField> fields();

    Optional<CreativeField> findField(String slug);

    CreativeField addField(CreativeField field);

    Map<String, Long> citiesPerField();

    /** Rows of country code, country name, number of cities. */
    List<Object[]> citiesPerCountry();

    Map<Integer, Long> designationsPerYear();

    long countActive();

    /** The natural keys of every seed row imported so far. */
    java.util.Set<String> importedSeedRows();

    void recordSeedRow(String rowKey, Long cityId);
}
