package org.creativecities.core.identity;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.creativecities.core.platform.AppConfig;
import org.creativecities.core.platform.web.ClientAddress;
import org.creativecities.core.platform.web.ProblemException;

/**
 * Who is making the current request: a signed-in account or an anonymous visitor, and from which client
 * address. The identity is filled in by {@link BearerAuthenticationFilter} before any resource runs;
 * services ask it, and never trust anything the client says about itself.
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

    @Inject
    private HttpServletRequest request;

    @Inject
    private AppConfig config;

    private Identity identity;
    private String clientAddress;

    void signedIn(Identity who) {
        this.identity = who;
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

    /**
     * The client's address: the peer's, or with {@code ccc.http.trusted-proxies} the last address in
     * {@code X-Forwarded-For} that is not a trusted proxy. Worked out on first use only, as few operations need
     * it (rate limits of sign-up and sign-in).
     */
    public String clientAddress() {
        if (clientAddress == null) {
            clientAddress = ClientAddress.resolve(request.getRemoteAddr(),
                    request.getHeader("X-Forwarded-For"), config.trustedProxies());
        }
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
