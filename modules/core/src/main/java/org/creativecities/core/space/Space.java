package org.creativecities.core.space;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.creativecities.core.city.City;

/**
 * A place where a community meets: either one city's space (its members post, its coordinators manage it)
 * or a network-wide space of one creative field (members of any city of that field post, administrators
 * manage it), or a space a context beside the core owns ({@link SpaceOwner}: a project's, whose members post and
 * whose leads manage it). A public space can be read by anyone; a members-only space does not exist for outsiders.
 * An archived space stays readable to those who could read it but takes no new posts.
 */
@Entity
@Table(name = "space")
public class Space {

    /** Who can see a space. */
    public enum Visibility { PUBLIC, MEMBERS_ONLY }

    @Id
    @SequenceGenerator(name = "space_seq", sequenceName = "space_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "space_seq")
    private Long id;

    @Column(nullable = false, unique = true)
    private String slug;

    @Column(nullable = false)
    private String name;

    @ManyToOne
    @JoinColumn(name = "city_id")
    private City city;

    @Column(name = "field_slug")
    private String fieldSlug;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Visibility visibility;

    @Column(nullable = false)
    private boolean archived;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Version
    private long version;

    protected Space() {
    }

    private Space(String slug, String name, City city, String fieldSlug, Visibility visibility, OffsetDateTime now) {
        this.slug = slug;
        this.name = name;
        this.city = city;
        this.fieldSlug = fieldSlug;
        this.visibility = visibility;
        this.createdAt = now;
    }

    /** A space of one city. */
    static Space ofCity(String slug, String name, City city, Visibility visibility, OffsetDateTime now) {
        return new Space(slug, name, city, null, visibility, now);
    }

    /** A network-wide space of one creative field. */
    static Space ofField(String slug, String name, String fieldSlug, Visibility visibility, OffsetDateTime now) {
        return new Space(slug, name, null, fieldSlug, visibility, now);
    }

    /** A space of neither a city nor a field, owned by a context beside the core (see {@link SpaceOwner}). */
    static Space owned(String slug, String name, Visibility visibility, OffsetDateTime now) {
        return new Space(slug, name, null, null, visibility, now);
    }

    void rename(String newName) {
        this.name = newName;
    }

    void setVisibility(Visibility newVisibility) {
        this.visibility = newVisibility;
    }

    void setArchived(boolean value) {
        this.archived = value;
    }

    public Long id() {
        return id;
    }

    public String slug() {
        return slug;
    }

    public String name() {
        return name;
    }

    /** The city of a city space; empty for a network space. */
    public Optional<City> city() {
        return Optional.ofNullable(city);
    }

    /** The creative field of a network space; empty for a city space. */
    public Optional<String> fieldSlug() {
        return Optional.ofNullable(fieldSlug);
    }

    public Visibility visibility() {
        return visibility;
    }

    public boolean isArchived() {
        return archived;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
