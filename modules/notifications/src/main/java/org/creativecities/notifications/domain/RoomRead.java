package org.creativecities.notifications.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** How far one person has read one room: every message after {@code readSeq} is news to them. */
@Entity
@Table(name = "room_read")
public class RoomRead {

    @Id
    @SequenceGenerator(name = "room_read_seq", sequenceName = "room_read_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "room_read_seq")
    private Long id;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Column(name = "room_id", nullable = false)
    private long roomId;

    @Column(name = "read_seq", nullable = false)
    private long readSeq;

    @Column(name = "read_at", nullable = false)
    private OffsetDateTime readAt;

    protected RoomRead() {
    }

    public RoomRead(long accountId, long roomId, long readSeq, OffsetDateTime now) {
        this.accountId = accountId;
        this.roomId = roomId;
        this.readSeq = readSeq;
        this.readAt = now;
    }

    /** Read up to {@code seq}: never moves back (a late, older mark leaves a newer one). */
    public void readUpTo(long seq, OffsetDateTime now) {
        if (seq > readSeq) {
            readSeq = seq;
        }
        readAt = now;
    }

    public long readSeq() {
        return readSeq;
    }
}
