package org.creativecities.core.identity;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

/**
 * Tells {@link ProtectedOperations} every resource operation Jersey serves, with the right it requires, once at
 * start-up: JAX-RS calls a dynamic feature for each resource method, so the list is Jersey's own.
 */
@Provider
public class ProtectedOperationsFeature implements DynamicFeature {

    @Inject
    private ProtectedOperations operations;

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        if (resourceInfo.getResourceClass() != null && resourceInfo.getResourceMethod() != null) {
            operations.add(resourceInfo.getResourceClass(), resourceInfo.getResourceMethod());
        }
    }
}
