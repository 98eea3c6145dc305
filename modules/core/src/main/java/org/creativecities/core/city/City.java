package org.creativecities.core.city;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A member city of the network, and the aggregate root of its designation history.
 *
 * <p>A city is known by a unique slug and, in the seed data, by name plus ISO country code (there are
 * two Granadas). Its <em>current field</em> is the field of its latest designation: Lyon was a City of
 * Media Arts from 2008 and is a City of Literature since 2023. A retired city keeps its history and
 * community but leaves the public lists. Whether people join at once or after a coordinator's approval
 * is the city's {@link JoinPolicy}.
 */
@Entity
@Table(name = "city")
public class City {

    /** How a person becomes a member of the city's community. */
    public enum JoinPolicy {
        /** Joining takes effect at once. */
        OPEN,
        /** A coordinator approves each request. */
        APPROVAL
    }

    @Id
    @SequenceGenerator(name = "city_seq", sequenceName = "city_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "city_seq")
    private Long id;

    @Column(nullable = false, unique = true)
    private String slug;

    @Column(nullable = false)
    private String name;

    @Column(name = "country_code", nullable = false)
    private String countryCode;

    @Column(name = "country_name", nullable = false)
    private String countryName;

    private BigDecimal latitude;

    private BigDecimal longitude;

    private String description;

    private String website;

    @Enumerated(EnumType.STRING)
    @Column(name = "join_policy", nullable = false)
    private JoinPolicy joinPolicy = JoinPolicy.OPEN;

    @ManyToOne
    @JoinColumn(name = "current_field_id")
    private CreativeField currentField;

    @Column(name = "joined_year")
    private Integer joinedYear;

    @Column(name = "search_key", nullable = false)
    private String searchKey;

    @Column(name = "retired_at")
    private OffsetDateTime retiredAt;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    @OneToMany(mappedBy = "city", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("year ASC")
    private List<Designation> designations = new ArrayList<>();

    protected City() {
    }

    public City(String slug, String name, Country country, OffsetDateTime now) {
        this.slug = slug;
        this.name = name.trim();
        this.countryCode = country.code();
        this.countryName = country.name();
        this.createdAt = now;
        this.updatedAt = now;
        refreshDerived();
    }

    /** Lower case, accents removed: how names are compared for search ("Bistrita" finds Bistrița). */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return decomposed.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
    }

    /** A URL-safe slug for a name: "Saint-Étienne" gives "saint-etienne". */
    public static String slugOf(String text) {
        String s = fold(text).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return s.isEmpty() ? "city" : s;
    }

    /**
     * The slug a new city gets: its name's slug, or with the country code (and a number) if that is taken. One rule
     * for cities created through the API and for imported ones.
     *
     * @param taken whether a slug is already used
     */
    public static String uniqueSlug(String name, String countryCode, java.util.function.Predicate<String> taken) {
        String base = slugOf(name);
        if (!taken.test(base)) {
            return base;
        }
        String withCountry = base + "-" + countryCode.toLowerCase(Locale.ROOT);
        String candidate = withCountry;
        for (int n = 2; taken.test(candidate); n++) {
            candidate = withCountry + "-" + n;
        }
        return candidate;
    }

    /**
     * Adds a designation, unless the city already has this field in this year.
     *
     * @return true if the history changed
     */
    public boolean designate(CreativeField field, int year, OffsetDateTime now) {
        if (designations.stream().anyMatch(d -> d.sameAs(field, year))) {
            return false;
        }
        designations.add(new Designation(this, field, year));
        designations.sort(Comparator.comparingInt(Designation::year));
        touch(now);
        return true;
    }

    public void rename(String newName, OffsetDateTime now) {
        this.name = newName.trim();
        touch(now);
    }

    public void moveTo(Country country, OffsetDateTime now) {
        this.countryCode = country.code();
        this.countryName = country.name();
        touch(now);
    }

    public void locate(BigDecimal lat, BigDecimal lon, OffsetDateTime now) {
        this.latitude = lat;
        this.longitude = lon;
        touch(now);
    }

    public void describe(String newDescription, OffsetDateTime now) {
        this.description = newDescription;
        touch(now);
    }

    public void linkWebsite(String url, OffsetDateTime now) {
        this.website = url;
        touch(now);
    }

    public void setJoinPolicy(JoinPolicy policy, OffsetDateTime now) {
        this.joinPolicy = policy;
        touch(now);
    }

    public void retire(OffsetDateTime now) {
        if (retiredAt == null) {
            retiredAt = now;
            touch(now);
        }
    }

    public void reinstate(OffsetDateTime now) {
        if (retiredAt != null) {
            retiredAt = null;
            touch(now);
        }
    }

    private void touch(OffsetDateTime now) {
        updatedAt = now;
        refreshDerived();
    }

    private void refreshDerived() {
        Optional<Designation> latest = designations.stream().max(Comparator.comparingInt(Designation::year));
        currentField = latest.map(Designation::field).orElse(null);
        joinedYear = designations.stream().map(Designation::year).min(Integer::compare).orElse(null);
        searchKey = fold(name + " " + countryName + " " + countryCode);
    }

    public Long id() {
        return id;
    }

    /** What free text is matched against: name, country name and code, folded (see {@link #fold(String)}). */
    String searchKey() {
        return searchKey;
    }

    public String slug() {
        return slug;
    }

    public String name() {
        return name;
    }

    public Country country() {
        return new Country(countryCode, countryName);
    }

    public Optional<BigDecimal> latitude() {
        return Optional.ofNullable(latitude);
    }

    public Optional<BigDecimal> longitude() {
        return Optional.ofNullable(longitude);
    }

    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    public Optional<String> website() {
        return Optional.ofNullable(website);
    }

    public JoinPolicy joinPolicy() {
        return joinPolicy;
    }

    public Optional<CreativeField> currentField() {
        return Optional.ofNullable(currentField);
    }

    public Optional<Integer> joinedYear() {
        return Optional.ofNullable(joinedYear);
    }

    public List<Designation> designations() {
        return List.copyOf(designations);
    }

    public boolean isRetired() {
        return retiredAt != null;
    }

    public Optional<OffsetDateTime> retiredAt() {
        return Optional.ofNullable(retiredAt);
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }
}
