package org.creativecities.core.space;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * One moderation action or administrative change, as it happened: who did what to whom (or to what), where, the
 * value before and after, and when. Entries are only ever added; administrators read them over REST.
 */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    @SequenceGenerator(name = "audit_entry_seq", sequenceName = "audit_entry_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_entry_seq")
    private Long id;

    @Column(name = "actor_id", nullable = false)
    private long actorId;

    @Column(name = "actor_name", nullable = false)
    private String actorName;

    @Column(nullable = false)
    private String action;

    @Column(name = "space_id")
    private Long spaceId;

    @Column(name = "room_id")
    private Long roomId;

    @Column(name = "target_account_id")
    private Long targetAccountId;

    @Column(name = "target_seq")
    private Long targetSeq;

    private String detail;

    private String subject;

    @Column(name = "before_value")
    private String before;

    @Column(name = "after_value")
    private String after;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected AuditEntry() {
    }

    AuditEntry(long actorId, String actorName, String action, Long spaceId, Long roomId, Long targetAccountId,
               Long targetSeq, String detail, OffsetDateTime now) {
        this.actorId = actorId;
        this.actorName = actorName;
        this.action = action;
        this.spaceId = spaceId;
        this.roomId = roomId;
        this.targetAccountId = targetAccountId;
        this.targetSeq = targetSeq;
        this.detail = detail;
        this.createdAt = now;
    }

    /** An administrative change (see {@link org.creativecities.core.platform.AdminChange}). */
    static AuditEntry change(long actorId, String actorName, String action, String subject, String before,
                             String after, OffsetDateTime now) {
        AuditEntry e = new AuditEntry(actorId, actorName, action, null, null, null, null, null, now);
        e.subject = subject;
        e.before = before;
        e.after = after;
        return e;
    }

    public Long id() {
        return id;
    }

    public long actorId() {
        return actorId;
    }

    public String actorName() {
        return actorName;
    }

    public String action() {
        return action;
    }

    public Optional<Long> spaceId() {
        return Optional.ofNullable(spaceId);
    }

    public Optional<Long> roomId() {
        return Optional.ofNullable(roomId);
    }

    public Optional<Long> targetAccountId() {
        return Optional.ofNullable(targetAccountId);
    }

    public Optional<Long> targetSeq() {
        return Optional.ofNullable(targetSeq);
    }

    public Optional<String> detail() {
        return Optional.ofNullable(detail);
    }

    public Optional<String> subject() {
        return Optional.ofNullable(subject);
    }

    public Optional<String> before() {
        return Optional.ofNullable(before);
    }

    public Optional<String> after() {
        return Optional.ofNullable(after);
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
