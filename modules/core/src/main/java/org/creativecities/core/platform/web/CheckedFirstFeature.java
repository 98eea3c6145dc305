package org.creativecities.core.platform.web;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

/**
 * Gives every resource method marked {@link CheckedFirst} a request filter that runs its {@link AccessCheck}. Jersey
 * runs request filters after matching and before it reads the entity, and this one after the authorization filters
 * of {@code @SignedIn} and {@code @AdminOnly}: who is asking first, then whether they may act on this target, then
 * the body.
 */
@Provider
public class CheckedFirstFeature implements DynamicFeature {

    /** After the caller checks ({@link Priorities#AUTHORIZATION}), before anything else. */
    static final int PRIORITY = Priorities.AUTHORIZATION + 100;

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        CheckedFirst checked = resourceInfo.getResourceMethod().getAnnotation(CheckedFirst.class);
        if (checked != null) {
            context.register(new Filter(checked.value()), PRIORITY);
        }
    }

    /** The filter of one method; the check bean is looked up once, on first use. */
    private static final class Filter implements ContainerRequestFilter {

        private final Class<? extends AccessCheck> type;
        private volatile AccessCheck check;

        Filter(Class<? extends AccessCheck> type) {
            this.type = type;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            AccessCheck c = check;
            if (c == null) {
                c = CDI.current().select(type).get();
                check = c;
            }
            c.check(request.getUriInfo().getPathParameters());
        }
    }
}
