package org.creativecities.core.space;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Optional;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.platform.web.AccessCheck;
import org.creativecities.core.platform.web.ProblemException;

/**
 * The checks, before the body is read, of operations that only a space's managers may call: 404 when the caller
 * cannot see the space or room (as the services answer), 403 when they see it but do not manage it.
 */
public abstract class SpaceManagers implements AccessCheck {

    @Inject
    Caller caller;

    @Inject
    SpaceService spaces;

    @Inject
    SpaceRules spaceRules;

    private final String what;

    SpaceManagers(String what) {
        this.what = what;
    }

    @Override
    @Transactional
    public void check(MultivaluedMap<String, String> pathParameters) {
        Caller.Identity who = caller.require();
        long id;
        try {
            id = Long.parseLong(pathParameters.getFirst("id"));
        } catch (NumberFormatException e) {
            throw ProblemException.notFound(what, String.valueOf(pathParameters.getFirst("id")));
        }
        spaceRules.requireManager(who, space(who, id));
    }

    /** The space the operation acts on, as the caller may see it (404 otherwise). */
    abstract Space space(Caller.Identity who, long id);

    /** Operations on the space of path parameter {@code id}. */
    @ApplicationScoped
    public static class OfSpace extends SpaceManagers {

        public OfSpace() {
            super("Space");
        }

        @Override
        Space space(Caller.Identity who, long id) {
            return spaces.get(Optional.of(who), id);
        }
    }

    /** Operations on the room of path parameter {@code id}, which its space's managers may call. */
    @ApplicationScoped
    public static class OfRoom extends SpaceManagers {

        public OfRoom() {
            super("Room");
        }

        @Override
        Space space(Caller.Identity who, long id) {
            return spaces.room(Optional.of(who), id).space();
        }
    }
}
