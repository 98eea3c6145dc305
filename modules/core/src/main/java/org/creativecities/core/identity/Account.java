package org.creativecities.core.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Optional;

/**
 * A person's account: how they sign in and whether they administer the network.
 *
 * <p>An administrator may suspend an account (for a time or until lifted): a suspended account has no
 * sessions and cannot sign in.
 *
 * <p>The email is unique without regard to case. The password is stored only as a salted PBKDF2 hash
 * that names its own algorithm and iteration count. Failed sign-ins are not recorded on the account: they
 * limit their source (see {@code SignInGuard}), so nobody can lock an account's owner out.
 */
@Entity
@Table(name = "account")
public class Account {

    @Id
    @SequenceGenerator(name = "account_seq", sequenceName = "account_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_seq")
    private Long id;

    @Column(nullable = false)
    private String email;

    @Column(name = "email_normalized", nullable = false)
    private String emailNormalized;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Column(nullable = false)
    private boolean admin;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "suspended_at")
    private OffsetDateTime suspendedAt;

    @Column(name = "suspended_until")
    private OffsetDateTime suspendedUntil;

    @Column(name = "suspension_reason")
    private String suspensionReason;

    @Version
    private long version;

    protected Account() {
    }

    public Account(String email, String displayName, String passwordHash, boolean admin, OffsetDateTime now) {
        this.email = email.trim();
        this.emailNormalized = normalize(email);
        this.displayName = displayName.trim();
        this.passwordHash = passwordHash;
        this.admin = admin;
        this.createdAt = now;
    }

    /** The form under which emails are compared. */
    public static String normalize(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    public Long id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public boolean isAdmin() {
        return admin;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    /** The suspension in force at {@code now}, if any: a suspension whose end has passed is over by itself. */
    public Optional<Suspension> suspension(OffsetDateTime now) {
        if (suspendedAt == null || suspendedUntil != null && !now.isBefore(suspendedUntil)) {
            return Optional.empty();
        }
        return Optional.of(new Suspension(suspendedAt, Optional.ofNullable(suspendedUntil), suspensionReason));
    }

    public void rename(String newDisplayName) {
        this.displayName = newDisplayName.trim();
    }

    public void grantAdmin(boolean granted) {
        this.admin = granted;
    }

    /**
     * Suspends the account from {@code now}: it can neither sign in nor act until {@code until} (for good when
     * empty) or until the suspension is lifted.
     */
    public void suspend(OffsetDateTime now, Optional<OffsetDateTime> until, String reason) {
        this.suspendedAt = now;
        this.suspendedUntil = until.orElse(null);
        this.suspensionReason = reason;
    }

    /** Lifts a suspension; nothing happens if there is none. */
    public void lift() {
        this.suspendedAt = null;
        this.suspendedUntil = null;
        this.suspensionReason = null;
    }

    /**
     * A suspension of an account by an administrator.
     *
     * @param since  when it began
     * @param until  when it ends by itself; empty while it lasts until lifted
     * @param reason what the administrator gave as the reason, shown to the account's owner at sign-in
     */
    public record Suspension(OffsetDateTime since, Optional<OffsetDateTime> until, String reason) {
    }
}
