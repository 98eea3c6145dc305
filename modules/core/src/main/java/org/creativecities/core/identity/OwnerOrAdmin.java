package org.creativecities.core.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedMap;
import org.creativecities.core.platform.web.AccessCheck;
import org.creativecities.core.platform.web.ProblemException;

/**
 * Operations on the account of path parameter {@code id} that only its owner and administrators may call: refused
 * with 403 before their body is read.
 */
@ApplicationScoped
public class OwnerOrAdmin implements AccessCheck {

    @Inject
    private Caller caller;

    @Override
    public void check(MultivaluedMap<String, String> pathParameters) {
        long id;
        try {
            id = Long.parseLong(pathParameters.getFirst("id"));
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("Account", String.valueOf(pathParameters.getFirst("id")));
        }
        caller.requireSelfOrAdmin(id);
    }
}
