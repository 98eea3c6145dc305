package org.creativecities.core.membership;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.creativecities.core.city.City;
import org.creativecities.core.identity.Account;

/**
 * A practitioner's public profile: bio, home city, creative fields, expertise tags and languages. It is
 * what the expertise directory searches, so people from different cities and industries can find each
 * other.
 */
@Entity
@Table(name = "profile")
public class Profile {

    @Id
    @Column(name = "account_id")
    private Long accountId;

    @OneToOne(optional = false)
    @JoinColumn(name = "account_id", insertable = false, updatable = false)
    private Account account;

    private String bio;

    @ManyToOne
    @JoinColumn(name = "home_city_id")
    private City homeCity;

    @ElementCollection
    @CollectionTable(name = "profile_field", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "field_slug")
    private Set<String> fields = new TreeSet<>();

    @ElementCollection
    @CollectionTable(name = "profile_expertise", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "tag")
    private Set<String> expertise = new TreeSet<>();

    @ElementCollection
    @CollectionTable(name = "profile_language", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "language")
    private Set<String> languages = new TreeSet<>();

    /** Name, bio and tags folded (see {@link City#fold(String)}): what the directory's free text matches. */
    @Column(name = "search_text")
    private String searchText;

    /** Each tag as folded words, tags joined by " | " and padded with spaces: what a tag filter matches. */
    @Column(name = "search_tags")
    private String searchTags;

    @Version
    private long version;

    protected Profile() {
    }

    Profile(Account account) {
        this.accountId = account.id();
        this.account = account;
    }

    public Account account() {
        return account;
    }

    public Optional<String> bio() {
        return Optional.ofNullable(bio);
    }

    public Optional<City> homeCity() {
        return Optional.ofNullable(homeCity);
    }

    public Set<String> fields() {
        return new TreeSet<>(fields);
    }

    public Set<String> expertise() {
        return new TreeSet<>(expertise);
    }

    public Set<String> languages() {
        return new TreeSet<>(languages);
    }

    void setBio(String text) {
        this.bio = text == null || text.isBlank() ? null : text;
    }

    void setHomeCity(City city) {
        this.homeCity = city;
    }

    void setFields(Collection<String> slugs) {
        replace(fields, slugs);
    }

    void setExpertise(Collection<String> tags) {
        replace(expertise, tags);
    }

    void setLanguages(Collection<String> codes) {
        replace(languages, codes);
    }

    /**
     * Recomputes the folded search keys from the display name, bio and tags. Called after every change to the
     * profile or to its owner's display name, and at start-up for profiles that have none yet.
     */
    void refreshSearchKeys() {
        StringBuilder text = new StringBuilder(account.displayName());
        bio().ifPresent(b -> text.append(' ').append(b));
        expertise.forEach(t -> text.append(' ').append(t));
        searchText = City.fold(text.toString());
        searchTags = expertise.isEmpty() ? null
                : " " + String.join(" | ", expertise.stream().map(Profile::tagWords).toList()) + " ";
    }

    /**
     * A tag as it is compared: folded, and split into words on anything but letters, digits and {@code + # &}
     * ("3D-Printing" gives "3d printing", "C++" stays "c++").
     */
    static String tagWords(String tag) {
        return City.fold(tag).replaceAll("[^\\p{L}\\p{N}+#&]+", " ").trim();
    }

    private static void replace(Set<String> target, Collection<String> values) {
        target.clear();
        target.addAll(values);
    }
}
