package org.creativecities.core.live;

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
 * A person was named in a message they can read. It stays unread until they mark it read; the message itself
 * is found by room and sequence number.
 */
@Entity
@Table(name = "mention")
public class Mention {

    @Id
    @SequenceGenerator(name = "mention_seq", sequenceName = "mention_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mention_seq")
    private Long id;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Column(name = "room_id", nullable = false)
    private long roomId;

    @Column(nullable = false)
    private long seq;

    @Column(name = "author_id", nullable = false)
    private long authorId;

    @Column(name = "author_name", nullable = false)
    private String authorName;

    @Column(nullable = false)
    private String excerpt;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "read_at")
    private OffsetDateTime readAt;

    protected Mention() {
    }

    Mention(long accountId, RoomEvent message, OffsetDateTime now) {
        this.accountId = accountId;
        this.roomId = message.roomId();
        this.seq = message.seq();
        this.authorId = message.authorId();
        this.authorName = message.authorName();
        String text = message.text().orElse("");
        this.excerpt = text.length() > 200 ? text.substring(0, 199) + "…" : text;
        this.createdAt = now;
    }

    void markRead(OffsetDateTime now) {
        if (readAt == null) {
            readAt = now;
        }
    }

    public Long id() {
        return id;
    }

    public long accountId() {
        return accountId;
    }

    public long roomId() {
        return roomId;
    }

    public long seq() {
        return seq;
    }

    public long authorId() {
        return authorId;
    }

    public String authorName() {
        return authorName;
    }

    public String excerpt() {
        return excerpt;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public Optional<OffsetDateTime> readAt() {
        return Optional.ofNullable(readAt);
    }
}
