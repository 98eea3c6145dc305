package org.creativecities.core.space;

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
 * A standing moderation measure against one person in one room, or in a whole space (no room): muted people
 * read but do not write; banned people cannot read either. A sanction without an end lasts until lifted.
 */
@Entity
@Table(name = "sanction")
public class Sanction {

    /** What the sanction forbids. */
    public enum Kind { MUTE, BAN }

    @Id
    @SequenceGenerator(name = "sanction_seq", sequenceName = "sanction_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sanction_seq")
    private Long id;

    @Column(name = "space_id", nullable = false)
    private long spaceId;

    @Column(name = "room_id")
    private Long roomId;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Column(name = "until_at")
    private OffsetDateTime until;

    @Column(name = "created_by", nullable = false)
    private long createdBy;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected Sanction() {
    }

    Sanction(long spaceId, Long roomId, long accountId, Kind kind, OffsetDateTime until, long createdBy,
             OffsetDateTime now) {
        this.spaceId = spaceId;
        this.roomId = roomId;
        this.accountId = accountId;
        this.kind = kind;
        this.until = until;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /** Moves the end to {@code until} (an extension by a manager). */
    void endAt(OffsetDateTime until) {
        this.until = until;
    }

    /** Whether the sanction applies to this room (of its space) at this moment. */
    public boolean appliesTo(long space, long room, OffsetDateTime now) {
        return spaceId == space && (roomId == null || roomId == room) && (until == null || until.isAfter(now));
    }

    public long id() {
        return id;
    }

    public long spaceId() {
        return spaceId;
    }

    public Optional<Long> roomId() {
        return Optional.ofNullable(roomId);
    }

    public long accountId() {
        return accountId;
    }

    public Kind kind() {
        return kind;
    }

    public Optional<OffsetDateTime> until() {
        return Optional.ofNullable(until);
    }

    /** The manager who imposed it. */
    public long createdBy() {
        return createdBy;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    /** Whether it still holds at this moment (no end, or an end to come). */
    public boolean isCurrent(OffsetDateTime now) {
        return until == null || until.isAfter(now);
    }
}
