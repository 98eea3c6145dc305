package org.creativecities.core.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A bearer token, kept only as the SHA-256 hash of the value the client holds. */
@Entity
@Table(name = "auth_token")
@NamedQuery(name = "AuthToken.active", query = "SELECT t FROM AuthToken t JOIN FETCH t.account "
        + "WHERE t.tokenHash = :hash AND t.revokedAt IS NULL AND t.expiresAt > :now")
@NamedQuery(name = "AuthToken.revokeAll", query = "UPDATE AuthToken t SET t.revokedAt = :now "
        + "WHERE t.account.id = :account AND t.revokedAt IS NULL")
@NamedQuery(name = "AuthToken.revoke", query = "UPDATE AuthToken t SET t.revokedAt = :now "
        + "WHERE t.tokenHash = :hash AND t.revokedAt IS NULL")
public class AuthToken {

    @Id
    @SequenceGenerator(name = "auth_token_seq", sequenceName = "auth_token_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "auth_token_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "account_id")
    private Account account;

    @Column(name = "token_hash", nullable = false)
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    @Column(name = "revoked_at")
    private OffsetDateTime revokedAt;

    protected AuthToken() {
    }

    public AuthToken(Account account, String tokenHash, OffsetDateTime createdAt, OffsetDateTime expiresAt) {
        this.account = account;
        this.tokenHash = tokenHash;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    public Account account() {
        return account;
    }

    public OffsetDateTime expiresAt() {
        return expiresAt;
    }
}
