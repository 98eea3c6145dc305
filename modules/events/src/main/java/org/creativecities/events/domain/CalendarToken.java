package org.creativecities.events.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The SHA-256 of a person's secret "my events" feed token; rotating it replaces the hash. */
@Entity
@Table(name = "event_calendar_token")
public class CalendarToken {

    @Id
    @Column(name = "account_id")
    private Long accountId;

    @Column(name = "token_hash", nullable = false)
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected CalendarToken() {
    }

    public CalendarToken(long accountId, String tokenHash, OffsetDateTime now) {
        this.accountId = accountId;
        this.tokenHash = tokenHash;
        this.createdAt = now;
    }

    public void rotate(String newHash, OffsetDateTime now) {
        this.tokenHash = newHash;
        this.createdAt = now;
    }

    public long accountId() {
        return accountId;
    }
}
