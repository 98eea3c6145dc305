package org.creativecities.core.membership;

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
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import org.creativecities.core.city.City;
import org.creativecities.core.identity.Account;

/**
 * A person's place in one city's community: a pending request, an active membership with a role, or a
 * rejected request (which the person may renew). Leaving or being removed deletes it.
 */
@Entity
@Table(name = "city_membership")
public class Membership {

    /** A role within a city. */
    public enum Role { MEMBER, COORDINATOR }

    /** Where the membership stands. */
    public enum Status { PENDING, ACTIVE, REJECTED }

    @Id
    @SequenceGenerator(name = "city_membership_seq", sequenceName = "city_membership_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "city_membership_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "city_id")
    private City city;

    @ManyToOne(optional = false)
    @JoinColumn(name = "account_id")
    private Account account;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "requested_at", nullable = false)
    private OffsetDateTime requestedAt;

    @Column(name = "decided_at")
    private OffsetDateTime decidedAt;

    @Column(name = "decided_by")
    private Long decidedBy;

    @Version
    private long version;

    protected Membership() {
    }

    Membership(City city, Account account, Role role, Status status, OffsetDateTime now) {
        this.city = city;
        this.account = account;
        this.role = role;
        this.status = status;
        this.requestedAt = now;
        if (status == Status.ACTIVE) {
            this.decidedAt = now;
        }
    }

    void request(boolean admitAtOnce, OffsetDateTime now) {
        this.status = admitAtOnce ? Status.ACTIVE : Status.PENDING;
        this.role = Role.MEMBER;
        this.requestedAt = now;
        this.decidedAt = admitAtOnce ? now : null;
        this.decidedBy = null;
    }

    void decide(boolean approve, long deciderId, OffsetDateTime now) {
        this.status = approve ? Status.ACTIVE : Status.REJECTED;
        this.decidedAt = now;
        this.decidedBy = deciderId;
    }

    void assign(Role newRole) {
        this.role = newRole;
    }

    public Long id() {
        return id;
    }

    public City city() {
        return city;
    }

    public Account account() {
        return account;
    }

    public Role role() {
        return role;
    }

    public Status status() {
        return status;
    }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }

    public OffsetDateTime requestedAt() {
        return requestedAt;
    }

    public OffsetDateTime decidedAt() {
        return decidedAt;
    }
}
