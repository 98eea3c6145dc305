package org.creativecities.core.identity;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Refuses everyone but network administrators on {@link AdminOnly} operations: 401 for visitors, 403 for other
 * accounts. Runs after matching and before the entity is read or validated.
 */
@Provider
@AdminOnly
@Priority(Priorities.AUTHORIZATION)
public class AdminOnlyFilter implements ContainerRequestFilter {

    @Inject
    private Caller caller;

    @Override
    public void filter(ContainerRequestContext request) {
        caller.requireAdmin();
    }
}
