package org.creativecities.core.identity;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import org.creativecities.core.platform.web.ProblemException;

/**
 * Who is making the current request: a signed-in account or an anonymous visitor, and from which client
 * address. Filled in by {@link BearerAuthenticationFilter} before any resource runs; services ask it, and
 * never trust anything the client says about itself.
 */
@RequestScoped
public class Caller {

    /**
     * The facts about a signed-in caller that authorisation needs.
     *
     * @param id          the account id
     * @param displayName the name shown to others
     * @param admin       a network administrator
     * @param tokenHash   the hash of the token used for this request
     */
    public record Identity(long id, String displayName, boolean admin, String tokenHash) {
    }

    private Identity identity;
    private String clientAddress = "unknown";

    void signedIn(Identity who) {
        this.identity = who;
    }

    void from(String address) {
        this.clientAddress = address;
    }

    public Optional<Identity> identity() {
        return Optional.ofNullable(identity);
    }

    public Optional<Long> accountId() {
        return identity().map(Identity::id);
    }

    public boolean isSignedIn() {
        return identity != null;
    }

    public boolean isAdmin() {
        return identity != null && identity.admin();
    }

    public String clientAddress() {
        return clientAddress;
    }

    /** The caller's identity, or 401 for a visitor. */
    public Identity require() {
        if (identity == null) {
            throw ProblemException.unauthorized("Sign in to do this: send 'Authorization: Bearer <token>'.");
        }
        return identity;
    }

    /** The caller's identity if it is a network administrator; 401 for a visitor, 403 for others. */
    public Identity requireAdmin() {
        Identity who = require();
        if (!who.admin()) {
            throw ProblemException.forbidden("Only network administrators can do this.");
        }
        return who;
    }

    /** Allows the account itself and administrators; refuses everyone else. */
    public Identity requireSelfOrAdmin(long accountId) {
        Identity who = require();
        if (who.id() != accountId && !who.admin()) {
            throw ProblemException.forbidden("Only the account's owner or an administrator can do this.");
        }
        return who;
    }
}
