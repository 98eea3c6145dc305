package org.creativecities.core.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;

/** What the identity API reads and writes. */
public final class IdentityDtos {

    private IdentityDtos() {
    }

    /** A registration. */
    public record Registration(
            @NotBlank(message = "Missing email.") @Email(message = "Not a valid email address.")
            @Size(max = 320, message = "At most 320 characters.") String email,
            @NotBlank(message = "Missing display name.") @Size(min = 2, max = 80, message = "Between 2 and 80 characters.")
            String displayName,
            @NotNull(message = "Missing password.")
            @Size(min = PasswordHasher.MIN_LENGTH, max = 1024, message = "Between 12 and 1024 characters.")
            String password) {
    }

    /** A sign-in. */
    public record Credentials(
            @NotBlank(message = "Missing email.") @Size(max = 320, message = "At most 320 characters.") String email,
            @NotNull(message = "Missing password.") @Size(max = 1024, message = "At most 1024 characters.")
            String password) {
    }

    /** The answer to a registration; deliberately the same whether or not the email was new. */
    public record RegistrationReceipt(String status, String message) {
    }

    /**
     * An account as its owner or an administrator sees it.
     *
     * @param suspension the suspension in force, or null when the account is active
     */
    public record AccountView(long id, String email, String displayName, boolean admin, OffsetDateTime createdAt,
                              SuspensionView suspension) {
        public static AccountView of(Account a, OffsetDateTime now) {
            return new AccountView(a.id(), a.email(), a.displayName(), a.isAdmin(), a.createdAt(),
                    a.suspension(now).map(SuspensionView::of).orElse(null));
        }
    }

    /**
     * A suspension in force.
     *
     * @param until  when it ends by itself, or null while it lasts until lifted
     */
    public record SuspensionView(OffsetDateTime since, OffsetDateTime until, String reason) {
        static SuspensionView of(Account.Suspension s) {
            return new SuspensionView(s.since(), s.until().orElse(null), s.reason());
        }
    }

    /**
     * An administrator suspending an account.
     *
     * @param reason shown to the account's owner when they try to sign in
     * @param until  when the suspension ends by itself; absent or null for until lifted
     */
    public record SuspensionRequest(
            @NotBlank(message = "Missing reason.") @Size(max = 500, message = "At most 500 characters.")
            String reason,
            OffsetDateTime until) {
    }

    /** A new session. */
    public record Session(String token, String tokenType, OffsetDateTime expiresAt, AccountView account) {
    }

    /** How many sessions a sign-out ended. */
    public record SignedOut(int sessionsRevoked) {
    }

    /** Granting or withdrawing administration. */
    public record AdminGrant(@NotNull(message = "Missing admin flag.") Boolean admin) {
    }
}
