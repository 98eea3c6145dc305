package org.creativecities.core.city;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** What the city API reads and writes. */
public final class CityDtos {

    static final String URL = "^https?://[^\\s<>\"]{1,490}$";
    static final String SLUG = "^[a-z0-9]+(-[a-z0-9]+)*$";

    private CityDtos() {
    }

    /** A country on the wire. */
    public record CountryView(String code, String name) {
        static CountryView of(CityRepository.CityRow c) {
            return new CountryView(c.countryCode(), c.countryName());
        }
    }

    /** A city in a list. */
    public record CitySummary(String slug, String name, CountryView country, String field, Integer joinedYear,
                              BigDecimal latitude, BigDecimal longitude, boolean retired) {
        static CitySummary of(CityRepository.CityRow c) {
            return new CitySummary(c.slug(), c.name(), CountryView.of(c), c.field(), c.joinedYear(), c.latitude(),
                    c.longitude(), c.retiredAt() != null);
        }
    }

    /** One designation on the wire. */
    public record DesignationView(String field, String fieldName, int year) {
    }

    /** A city's profile: its brand page. */
    public record CityProfile(String slug, String name, CountryView country, BigDecimal latitude,
                              BigDecimal longitude, String description, String website, String joinPolicy,
                              String field, List<DesignationView> designations, long memberCount,
                              List<CommunityDirectory.Coordinator> coordinators, boolean retired,
                              OffsetDateTime retiredAt, OffsetDateTime updatedAt) {

        /**
         * The one mapping from a city to its profile, for reads (the catalogue's rows) and for the answers to
         * writes (the entity, through {@link CityRepository.CityRow#of(City)}), so that the two cannot drift.
         */
        static CityProfile of(CityRepository.CityRow c, List<DesignationView> designations, long memberCount,
                              List<CommunityDirectory.Coordinator> coordinators) {
            return new CityProfile(c.slug(), c.name(), CountryView.of(c),
                    c.latitude(), c.longitude(), c.description(), c.website(), c.joinPolicy().name(), c.field(),
                    List.copyOf(designations), memberCount, List.copyOf(coordinators), c.retiredAt() != null,
                    c.retiredAt(), c.updatedAt());
        }
    }

    /** A designation to add. */
    public record NewDesignation(
            @NotBlank(message = "Missing field.") @Size(max = 64, message = "At most 64 characters.") String field,
            @NotNull(message = "Missing year.") @Min(value = 2004, message = "The network began in 2004.")
            @Max(value = 2100, message = "Not a plausible year.") Integer year) {
    }

    /** A city to create. */
    public record NewCity(
            @NotBlank(message = "Missing name.") @Size(max = 200, message = "At most 200 characters.") String name,
            @NotNull(message = "Missing country code.")
            @Pattern(regexp = "^[A-Z]{2}$", message = "Two upper-case letters (ISO 3166-1 alpha-2).")
            String countryCode,
            @Size(max = 120, message = "At most 120 characters.") String countryName,
            @DecimalMin(value = "-90", message = "Between -90 and 90.")
            @DecimalMax(value = "90", message = "Between -90 and 90.") BigDecimal latitude,
            @DecimalMin(value = "-180", message = "Between -180 and 180.")
            @DecimalMax(value = "180", message = "Between -180 and 180.") BigDecimal longitude,
            @Size(max = 4000, message = "At most 4000 characters.") String description,
            @Pattern(regexp = URL, message = "An http(s) URL.") String website,
            City.JoinPolicy joinPolicy,
            @Size(max = 20, message = "At most 20 designations.") List<@Valid @NotNull NewDesignation> designations) {
    }

    /** Changes to a city; absent properties stay as they are. */
    public record CityUpdate(
            @Size(min = 1, max = 200, message = "Between 1 and 200 characters.") String name,
            @Pattern(regexp = "^[A-Z]{2}$", message = "Two upper-case letters (ISO 3166-1 alpha-2).")
            String countryCode,
            @Size(max = 120, message = "At most 120 characters.") String countryName,
            @DecimalMin(value = "-90", message = "Between -90 and 90.")
            @DecimalMax(value = "90", message = "Between -90 and 90.") BigDecimal latitude,
            @DecimalMin(value = "-180", message = "Between -180 and 180.")
            @DecimalMax(value = "180", message = "Between -180 and 180.") BigDecimal longitude,
            @Size(max = 4000, message = "At most 4000 characters.") String description,
            @Pattern(regexp = URL, message = "An http(s) URL.") String website,
            City.JoinPolicy joinPolicy,
            Boolean retired) {

        boolean touchesOnlyCommunityFacts() {
            return name == null && countryCode == null && countryName == null && latitude == null
                    && longitude == null && retired == null;
        }
    }

    /** A creative field on the wire. */
    public record FieldView(String slug, String name, String description, int since, long cities) {
    }

    /** A field to add. */
    public record NewField(
            @NotNull(message = "Missing slug.") @Pattern(regexp = SLUG, message = "Lower-case words joined by '-'.")
            @Size(max = 64, message = "At most 64 characters.") String slug,
            @NotBlank(message = "Missing name.") @Size(max = 120, message = "At most 120 characters.") String name,
            @NotBlank(message = "Missing description.") @Size(max = 2000, message = "At most 2000 characters.")
            String description,
            @NotNull(message = "Missing year.") @Min(value = 2004, message = "The network began in 2004.")
            @Max(value = 2100, message = "Not a plausible year.") Integer since) {
    }

    /** Changes to a field. */
    public record FieldUpdate(
            @Size(min = 1, max = 120, message = "Between 1 and 120 characters.") String name,
            @Size(min = 1, max = 2000, message = "Between 1 and 2000 characters.") String description) {
    }

    /** Network statistics. */
    public record Stats(long cities, long countries, Map<String, Long> citiesPerField,
                        List<CountryCount> citiesPerCountry, Map<Integer, Long> designationsPerYear) {
    }

    /** A city on the network map: everything the map draws, nothing more. */
    public record MapPoint(String slug, String name, String field, BigDecimal lat, BigDecimal lon) {
        static MapPoint of(CityRepository.CityRow c) {
            return new MapPoint(c.slug(), c.name(), c.field(), c.latitude(), c.longitude());
        }
    }

    /** Cities in one country. */
    public record CountryCount(String code, String name, long cities) {
    }
}
