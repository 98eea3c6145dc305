package org.creativecities.core.city;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MultivaluedMap;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.platform.web.AccessCheck;
import org.creativecities.core.platform.web.ProblemException;

/**
 * Operations on the city of path parameter {@code slug} that only its coordinators and administrators may call:
 * refused before their body is read (404 for an unknown city, 403 for anyone else).
 */
@ApplicationScoped
public class CoordinatorOfCity implements AccessCheck {

    @Inject
    private Caller caller;

    @Inject
    private CityService cities;

    @Inject
    private CommunityDirectory community;

    @Override
    @Transactional
    public void check(MultivaluedMap<String, String> pathParameters) {
        Caller.Identity who = caller.require();
        City city = cities.get(pathParameters.getFirst("slug"));
        if (!who.admin() && !community.isCoordinator(who.id(), city.id())) {
            throw ProblemException.forbidden("Only coordinators of " + city.name() + " and administrators can do this.");
        }
    }
}
