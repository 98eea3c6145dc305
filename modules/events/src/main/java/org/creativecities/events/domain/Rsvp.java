package org.creativecities.events.domain;

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

/**
 * One person's answer to an event (to the whole series when it recurs). {@link State#WAITING} is a "going" that did
 * not fit the capacity: waiters are promoted in the order they answered.
 */
@Entity
@Table(name = "event_rsvp")
public class Rsvp {

    /** The answer; only {@link #GOING} counts against the capacity. */
    public enum State { GOING, WAITING, INTERESTED, NOT_GOING }

    @Id
    @SequenceGenerator(name = "event_rsvp_seq", sequenceName = "event_rsvp_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "event_rsvp_seq")
    private Long id;

    @Column(name = "event_id", nullable = false)
    private long eventId;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private State state;

    @Column(name = "answered_at", nullable = false)
    private OffsetDateTime answeredAt;

    protected Rsvp() {
    }

    public Rsvp(long eventId, long accountId, State state, OffsetDateTime now) {
        this.eventId = eventId;
        this.accountId = accountId;
        this.state = state;
        this.answeredAt = now;
    }

    /** A new answer; a change of answer puts the person at the end of the waiting list. */
    public void answer(State newState, OffsetDateTime now) {
        if (newState != state) {
            this.answeredAt = now;
        }
        this.state = newState;
    }

    /** From the waiting list to going, keeping the answer's time. */
    public void promote() {
        this.state = State.GOING;
    }

    public Long id() {
        return id;
    }

    public long eventId() {
        return eventId;
    }

    public long accountId() {
        return accountId;
    }

    public State state() {
        return state;
    }

    public OffsetDateTime answeredAt() {
        return answeredAt;
    }
}
