package org.creativecities.events.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.space.Space;
import org.creativecities.core.space.SpaceRepository;
import org.creativecities.core.space.SpaceRules;
import org.creativecities.events.EventsException;

/**
 * Which space an event belongs to. Only someone who manages the space (the core's space rules: a project's leads
 * for its own space, through the project's {@code SpaceOwner}) makes an event one of its: so a project's events are
 * those of its space, and the events context never learns what a project is.
 */
@ApplicationScoped
public class EventSpaces {

    @Inject
    private SpaceRepository spaces;

    @Inject
    private SpaceRules spaceRules;

    /**
     * The space's id, checked: 400 naming {@code space} when there is no such space the caller reads, 403 when they
     * do not manage it; empty for 0, which means no space.
     */
    public Optional<Long> checked(Caller.Identity who, long spaceId) {
        if (spaceId == 0) {
            return Optional.empty();
        }
        Space space = spaces.find(spaceId).filter(s -> spaceRules.canRead(Optional.of(who), s))
                .orElseThrow(() -> EventsException.invalid("space", "No such space."));
        if (!spaceRules.canManage(Optional.of(who), space)) {
            throw EventsException.forbidden("Only those who manage " + space.name() + " add its events.");
        }
        return Optional.of(space.id());
    }
}
