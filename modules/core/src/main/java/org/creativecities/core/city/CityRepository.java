package org.creativecities.core.city;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where cities and fields are kept. */
public interface CityRepository {

    /**
     * One city as the catalogue's read model needs it: its columns, without its associations.
     *
     * @param id           the database id
     * @param slug         the slug
     * @param name         the name
     * @param countryCode  ISO code
     * @param countryName  English short name
     * @param latitude     may be null
     * @param longitude    may be null
     * @param description  may be null
     * @param website      may be null
     * @param joinPolicy   how people join
     * @param field        the current field's slug, null without designations
     * @param joinedYear   the first designation's year, null without designations
     * @param searchKey    what free text is matched against (see {@link City#fold(String)})
     * @param retiredAt    when it was retired, null if it is not
     * @param updatedAt    its last change
     */
    record CityRow(long id, String slug, String name, String countryCode, String countryName,
                   BigDecimal latitude, BigDecimal longitude, String description, String website,
                   City.JoinPolicy joinPolicy, String field, Integer joinedYear, String searchKey,
                   OffsetDateTime retiredAt, OffsetDateTime updatedAt) {

        /** The row of a city that is loaded as an entity (inside a write), as the read model would read it. */
        static CityRow of(City c) {
            return new CityRow(c.id(), c.slug(), c.name(), c.country().code(), c.country().name(),
                    c.latitude().orElse(null), c.longitude().orElse(null), c.description().orElse(null),
                    c.website().orElse(null), c.joinPolicy(), c.currentField().map(CreativeField::slug).orElse(null),
                    c.joinedYear().orElse(null), c.searchKey(), c.retiredAt().orElse(null), c.updatedAt());
        }
    }

    /**
     * One designation as the read model needs it.
     *
     * @param cityId    the city's id
     * @param field     the field's slug
     * @param fieldName the field's name
     * @param year      the year
     */
    record DesignationRow(long cityId, String field, String fieldName, int year) {
    }

    /** Every city, retired ones included, read from the database (never from the shared cache). */
    List<CityRow> allCityRows();

    /** Every designation, by city and year, read from the database. */
    List<DesignationRow> allDesignationRows();

    Optional<City> findBySlug(String slug);

    /** A city by its id (other contexts refer to cities by id). */
    Optional<City> findById(long id);

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

    /** Records imported seed rows (natural key to city id), in one JDBC batch on the transaction's connection. */
    void recordSeedRows(Map<String, Long> rowToCityId, OffsetDateTime at);

    /** Drops the creative fields this node keeps in the provider's shared cache (another node changed them). */
    void evictCachedFields();
}
