package org.creativecities.core.identity;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Refuses visitors on {@link SignedIn} operations. Jersey runs it after matching and before it reads the entity
 * or validates anything, so a visitor always gets 401 first, whatever the body or the target.
 */
@Provider
@SignedIn
@Priority(Priorities.AUTHORIZATION)
public class SignedInFilter implements ContainerRequestFilter {

    @Inject
    private Caller caller;

    @Override
    public void filter(ContainerRequestContext request) {
        caller.require();
    }
}
