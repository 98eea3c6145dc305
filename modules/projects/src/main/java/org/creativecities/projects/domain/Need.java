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
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * A project's need for expertise: a skill ("sound designer"), an optional description, the creative fields and
 * languages it calls for, and optionally a city whose people rank higher. The platform suggests matching people
 * from the expertise directory.
 */
@Entity
@Table(name = "project_need")
public class Need {

    @Id
    @SequenceGenerator(name = "project_need_seq", sequenceName = "project_need_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "project_need_seq")
    private Long id;

    @Column(name = "project_id", nullable = false)
    private long projectId;

    @Column(nullable = false)
    private String skill;

    private String description;

    @Column(name = "city_id")
    private Long cityId;

    @Column(name = "created_by", nullable = false)
    private long createdBy;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "project_need_field", joinColumns = @JoinColumn(name = "need_id"))
    @Column(name = "field_id")
    private Set<Long> fieldIds = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "project_need_language", joinColumns = @JoinColumn(name = "need_id"))
    @Column(name = "language")
    private Set<String> languages = new LinkedHashSet<>();

    protected Need() {
    }

    public Need(long projectId, String skill, String description, Set<Long> fieldIds, Set<String> languages,
                Long cityId, long createdBy, OffsetDateTime now) {
        this.projectId = projectId;
        this.skill = skill;
        this.description = description;
        this.fieldIds = new LinkedHashSet<>(fieldIds);
        this.languages = new LinkedHashSet<>(languages);
        this.cityId = cityId;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public long id() {
        return id;
    }

    public long projectId() {
        return projectId;
    }

    public String skill() {
        return skill;
    }

    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    public Optional<Long> cityId() {
        return Optional.ofNullable(cityId);
    }

    public Set<Long> fieldIds() {
        return Set.copyOf(fieldIds);
    }

    public Set<String> languages() {
        return Set.copyOf(languages);
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
