package org.creativecities.core.space;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.space.SpaceDtos.RoomView;
import org.creativecities.core.space.SpaceDtos.SpaceView;

/** Spaces as the caller of a request sees them: what they may do there, and their rooms where asked for. */
@RequestScoped
class SpaceViews {

    @Inject
    private SpaceService service;

    @Inject
    private SpaceRules rules;

    @Inject
    private Caller caller;

    /** The space, without its rooms. */
    SpaceView of(Space s) {
        return of(s, null);
    }

    /** Each space with its rooms that are not archived, as {@code GET /api/spaces/{id}/rooms} answers them. */
    List<SpaceView> withRooms(List<Space> spaces) {
        return spaces.stream().map(s -> of(s, service.rooms(caller.identity(), s.id(), false).stream()
                .map(service::view).toList())).toList();
    }

    private SpaceView of(Space s, List<RoomView> rooms) {
        Optional<Caller.Identity> who = caller.identity();
        boolean canPost = who.map(w -> rules.isMember(w, s)).orElse(false) && !s.isArchived();
        return new SpaceView(s.id(), s.slug(), s.name(), s.city().map(c -> c.slug()).orElse(null),
                s.fieldSlug().orElse(null), s.visibility().name(), s.isArchived(), canPost,
                rules.canManage(who, s), s.createdAt(), rooms);
    }
}
