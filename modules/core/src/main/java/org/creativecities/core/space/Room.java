package org.creativecities.core.space;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A room of a space, where the live conversation happens. Its kind names who handles its domain messages
 * ({@code discussion} is the core's). Every event in a room gets the next number of the room's sequence,
 * {@link #lastSeq()}, which is advanced in the transaction that stores the event; clients resume from it.
 * A locked room is read-only for everyone but its managers; an archived room is read-only for all. Slow
 * mode makes each member wait that many seconds between two posts.
 *
 * <p>The room row is not versioned: the sequence counter is advanced under a pessimistic lock, and the
 * other fields are changed rarely, by managers.
 */
@Entity
@Table(name = "room")
public class Room {

    /** The kind every platform has, without plugins. */
    public static final String DISCUSSION = "discussion";

    @Id
    @SequenceGenerator(name = "room_seq", sequenceName = "room_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "room_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "space_id")
    private Space space;

    @Column(nullable = false)
    private String kind;

    @Column(nullable = false)
    private String name;

    private String topic;

    @Column(nullable = false)
    private boolean archived;

    @Column(nullable = false)
    private boolean locked;

    @Column(name = "slow_mode_seconds", nullable = false)
    private int slowModeSeconds;

    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    @Column(name = "created_by")
    private Long createdBy;

    /** What the creator passed for the room's kind, a JSON object as text; null if none. */
    @Column(name = "attributes", length = 4000)
    private String attributes;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected Room() {
    }

    Room(Space space, String kind, String name, String topic, Long createdBy, OffsetDateTime now) {
        this(space, kind, name, topic, createdBy, null, now);
    }

    Room(Space space, String kind, String name, String topic, Long createdBy, String attributes,
         OffsetDateTime now) {
        this.attributes = attributes;
        this.space = space;
        this.kind = kind;
        this.name = name;
        this.topic = topic;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /** Takes the next sequence number; call only with the room row locked in the current transaction. */
    public long nextSeq() {
        lastSeq++;
        return lastSeq;
    }

    void rename(String newName) {
        this.name = newName;
    }

    void setTopic(String newTopic) {
        this.topic = newTopic;
    }

    void setArchived(boolean value) {
        this.archived = value;
    }

    void setLocked(boolean value) {
        this.locked = value;
    }

    void setSlowModeSeconds(int seconds) {
        this.slowModeSeconds = seconds;
    }

    public Long id() {
        return id;
    }

    public Space space() {
        return space;
    }

    public String kind() {
        return kind;
    }

    public String name() {
        return name;
    }

    public Optional<String> topic() {
        return Optional.ofNullable(topic);
    }

    public boolean isArchived() {
        return archived;
    }

    public boolean isLocked() {
        return locked;
    }

    public int slowModeSeconds() {
        return slowModeSeconds;
    }

    public long lastSeq() {
        return lastSeq;
    }

    public Optional<Long> createdBy() {
        return Optional.ofNullable(createdBy);
    }

    /** The creation attributes for the room's kind (a JSON object as text), if any. */
    public Optional<String> attributes() {
        return Optional.ofNullable(attributes);
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
