package org.creativecities.works.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How a work is found: its creative fields and the cities it is about (the core's rows, by id), its languages
 * (BCP 47 tags) and its tags. Part of the {@link Work} aggregate, each set in a table of its own.
 */
@Embeddable
public class Classification {

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "work_field", joinColumns = @JoinColumn(name = "work_id"))
    @Column(name = "field_id")
    private Set<Long> fieldIds = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "work_city", joinColumns = @JoinColumn(name = "work_id"))
    @Column(name = "city_id")
    private Set<Long> aboutCityIds = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "work_language", joinColumns = @JoinColumn(name = "work_id"))
    @Column(name = "tag")
    private Set<String> languages = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "work_tag", joinColumns = @JoinColumn(name = "work_id"))
    @Column(name = "tag")
    private Set<String> tags = new LinkedHashSet<>();

    /** Replaces each set that is given (not null). */
    void replace(Set<Long> fields, Set<Long> aboutCities, Set<String> newLanguages, Set<String> newTags) {
        replace(fieldIds, fields);
        replace(aboutCityIds, aboutCities);
        replace(languages, newLanguages);
        replace(tags, newTags);
    }

    private static <T> void replace(Set<T> current, Set<T> given) {
        if (given != null) {
            current.clear();
            current.addAll(given);
        }
    }

    public Set<Long> fieldIds() {
        return Set.copyOf(fieldIds);
    }

    public Set<Long> aboutCityIds() {
        return Set.copyOf(aboutCityIds);
    }

    public List<String> languages() {
        return List.copyOf(languages);
    }

    public List<String> tags() {
        return List.copyOf(tags);
    }
}
