package org.creativecities.core.identity;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import org.creativecities.core.platform.web.ProblemException;

/**
 * Resolves the caller of every API request. No {@code Authorization} header makes a visitor; a bearer
 * token that is unknown, expired or revoked is refused with 401 rather than quietly downgraded, so a
 * client learns at once that it must sign in again.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class BearerAuthenticationFilter implements ContainerRequestFilter {

    private static final String PREFIX = "Bearer ";

    @Inject
    private Caller caller;

    @Inject
    private AccountService accounts;

    @Override
    public void filter(ContainerRequestContext request) {
        String header = request.getHeaderString("Authorization");
        if (header == null || header.isBlank()) {
            return;
        }
        if (!header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            throw ProblemException.unauthorized("Only bearer tokens are accepted: 'Authorization: Bearer <token>'.");
        }
        String token = header.substring(PREFIX.length()).trim();
        Caller.Identity identity = accounts.authenticate(token)
                .orElseThrow(() -> ProblemException.unauthorized(
                        "The token is unknown, expired or revoked. Sign in again."));
        caller.signedIn(identity);
        request.setProperty("ccc.accountId", identity.id());
    }
}
