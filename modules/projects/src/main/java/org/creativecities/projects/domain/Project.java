package org.creativecities.projects.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A cross-city project (the aggregate root): a title and a goal in Markdown, the cities and creative fields it joins
 * (core rows, by id), and whether it is open to join requests. Its people are {@link ProjectMember} rows; the
 * person who created it is its first lead. It has a space of its own in the core, with rooms.
 */
@Entity
@Table(name = "project")
public class Project {

    @Id
    @SequenceGenerator(name = "project_seq", sequenceName = "project_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "project_seq")
    private Long id;

    @Column(nullable = false)
    private String title;

    private String goal;

    @Column(name = "open_to_join", nullable = false)
    private boolean open;

    @Column(name = "created_by", nullable = false)
    private long createdBy;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "project_city", joinColumns = @JoinColumn(name = "project_id"))
    @Column(name = "city_id")
    private Set<Long> cityIds = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "project_field", joinColumns = @JoinColumn(name = "project_id"))
    @Column(name = "field_id")
    private Set<Long> fieldIds = new LinkedHashSet<>();

    @Column(name = "space_id")
    private Long spaceId;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected Project() {
    }

    public Project(String title, boolean open, long createdBy, OffsetDateTime now) {
        this.title = title;
        this.open = open;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public void retitle(String newTitle, OffsetDateTime now) {
        this.title = newTitle;
        this.updatedAt = now;
    }

    public void describe(String markdown, OffsetDateTime now) {
        this.goal = markdown;
        this.updatedAt = now;
    }

    public void open(boolean isOpen, OffsetDateTime now) {
        this.open = isOpen;
        this.updatedAt = now;
    }

    public void join(Set<Long> cities, Set<Long> fields, OffsetDateTime now) {
        this.cityIds = new LinkedHashSet<>(cities);
        this.fieldIds = new LinkedHashSet<>(fields);
        this.updatedAt = now;
    }

    public long id() {
        return id;
    }

    public String title() {
        return title;
    }

    public Optional<String> goal() {
        return Optional.ofNullable(goal);
    }

    public boolean isOpen() {
        return open;
    }

    public long createdBy() {
        return createdBy;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public Set<Long> cityIds() {
        return Set.copyOf(cityIds);
    }

    /** The project's own space (a core space with its rooms); empty for a project created before spaces. */
    public Optional<Long> spaceId() {
        return Optional.ofNullable(spaceId);
    }

    public void openSpace(long id) {
        this.spaceId = id;
    }

    public Set<Long> fieldIds() {
        return Set.copyOf(fieldIds);
    }
}
