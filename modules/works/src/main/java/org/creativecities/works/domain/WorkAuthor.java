package org.creativecities.works.domain;

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
import java.time.OffsetDateTime;
import java.util.Optional;

/** One author of a work: its creator or a co-author, with the city they came from when they joined. */
@Entity
@Table(name = "work_author")
public class WorkAuthor {

    /** The creator started the work and invites co-authors. */
    public enum Role { CREATOR, CO_AUTHOR }

    @Id
    @SequenceGenerator(name = "work_author_seq", sequenceName = "work_author_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "work_author_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "work_id", nullable = false)
    private Work work;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(name = "city_id")
    private Long cityId;

    @Column(name = "joined_at", nullable = false)
    private OffsetDateTime joinedAt;

    protected WorkAuthor() {
    }

    WorkAuthor(Work work, long accountId, Role role, Long cityId, OffsetDateTime joinedAt) {
        this.work = work;
        this.accountId = accountId;
        this.role = role;
        this.cityId = cityId;
        this.joinedAt = joinedAt;
    }

    public long accountId() {
        return accountId;
    }

    public Role role() {
        return role;
    }

    public Optional<Long> cityId() {
        return Optional.ofNullable(cityId);
    }

    public OffsetDateTime joinedAt() {
        return joinedAt;
    }
}
