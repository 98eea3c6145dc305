package org.creativecities.projects.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A milestone of a project: a title and the date it is due. */
@Entity
@Table(name = "project_milestone")
public class Milestone {

    @Id
    @SequenceGenerator(name = "project_milestone_seq", sequenceName = "project_milestone_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "project_milestone_seq")
    private Long id;

    @Column(name = "project_id", nullable = false)
    private long projectId;

    @Column(nullable = false)
    private String title;

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    @Column(name = "created_by", nullable = false)
    private long createdBy;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected Milestone() {
    }

    public Milestone(long projectId, String title, LocalDate dueOn, long createdBy, OffsetDateTime now) {
        this.projectId = projectId;
        this.title = title;
        this.dueOn = dueOn;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public long id() {
        return id;
    }

    public String title() {
        return title;
    }

    public LocalDate dueOn() {
        return dueOn;
    }
}
