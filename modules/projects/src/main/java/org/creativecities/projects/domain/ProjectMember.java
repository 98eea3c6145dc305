package org.creativecities.projects.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A person's place in a project: an active member (lead or member), a pending join request (an open project's, for
 * a lead to decide) or a pending invitation (by a lead, for the invitee to accept). One row per person and project.
 */
@Entity
@Table(name = "project_member")
public class ProjectMember {

    /** A lead manages the project and its people; a member takes part. */
    public enum Role { LEAD, MEMBER }

    /** Active; asked to join; invited. */
    public enum State { ACTIVE, REQUESTED, INVITED }

    @Id
    @SequenceGenerator(name = "project_member_seq", sequenceName = "project_member_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "project_member_seq")
    private Long id;

    @Column(name = "project_id", nullable = false)
    private long projectId;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    @Column(name = "invited_by")
    private Long invitedBy;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;

    protected ProjectMember() {
    }

    public ProjectMember(long projectId, long accountId, Role role, State state, Long invitedBy,
                         OffsetDateTime now) {
        this.projectId = projectId;
        this.accountId = accountId;
        this.role = role;
        this.state = state;
        this.invitedBy = invitedBy;
        this.createdAt = now;
        if (state == State.ACTIVE) {
            this.decidedAt = now;
        }
    }

    /** The request approved, or the invitation accepted. */
    public void activate(OffsetDateTime now) {
        this.state = State.ACTIVE;
        this.decidedAt = now;
    }

    public void assign(Role newRole) {
        this.role = newRole;
    }

    public long projectId() {
        return projectId;
    }

    public long accountId() {
        return accountId;
    }

    public Role role() {
        return role;
    }

    public State state() {
        return state;
    }

    public boolean isActive() {
        return state == State.ACTIVE;
    }

    public boolean isActiveLead() {
        return state == State.ACTIVE && role == Role.LEAD;
    }

    public Optional<Long> invitedBy() {
        return Optional.ofNullable(invitedBy);
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
