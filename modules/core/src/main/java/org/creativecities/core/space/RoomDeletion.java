package org.creativecities.core.space;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.creativecities.core.city.City;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.platform.web.ProblemException;

/**
 * Deletes a room for good: the managers of its space (coordinators of its city, or administrators) delete an
 * archived room, with everything that refers to it. Archiving first is the rule, so that a deletion is always a
 * second, deliberate step: an archived room takes no posts, its plugin kind has been closed, and its readers have
 * seen it read-only before it disappears. In the deleting transaction, {@link Deleting} lets the contexts that keep
 * rows about the room (the live engine's events and mentions) delete them; once it committed, {@link Deleted} tells
 * the live engine (people in the room get {@code room-deleted}), the search index and the room's plugin kind.
 */
@ApplicationScoped
public class RoomDeletion {

    /**
     * Fired in the deleting transaction, before the room's row is removed: delete what refers to the room.
     *
     * @param roomId the room
     */
    public record Deleting(long roomId) {
    }

    /**
     * Fired after a deletion (observe it {@code AFTER_SUCCESS}): what the room was.
     *
     * @param roomId     the room
     * @param spaceId    its space
     * @param citySlug   its space's city, empty in a network space
     * @param kind       its kind
     * @param createdBy  who created it, if known
     * @param attributes its creation attributes (JSON), if any
     * @param lastSeq    the last sequence number of its events
     */
    public record Deleted(long roomId, long spaceId, Optional<String> citySlug, String kind, Optional<Long> createdBy,
                          Optional<String> attributes, long lastSeq) {
    }

    @Inject
    private SpaceRepository repository;

    @Inject
    private SpaceService spaces;

    @Inject
    private SpaceRules spaceRules;

    @Inject
    private ModerationService moderation;

    @Inject
    private Event<Deleting> deleting;

    @Inject
    private Event<Deleted> deleted;

    @Inject
    private Event<SpaceService.RulesChanged> rulesChanged;

    /**
     * Deletes an archived room the caller manages.
     *
     * @throws ProblemException 404 when the caller cannot see the room, 403 when they do not manage its space, 409
     *                          when it is not archived
     */
    @Transactional
    public void delete(Caller.Identity who, long roomId) {
        Room room = spaces.room(Optional.of(who), roomId);
        Space space = room.space();
        spaceRules.requireManager(who, space);
        if (!room.isArchived()) {
            throw new ProblemException(409, "/problems/room-not-archived", "Room not archived",
                    room.name() + " is not archived: archive it first (PATCH /api/rooms/" + roomId
                            + " with {\"archived\": true}); only an archived room can be deleted.",
                    List.of(), null);
        }
        Deleted was = new Deleted(roomId, space.id(), space.city().map(City::slug), room.kind(), room.createdBy(),
                room.attributes(), room.lastSeq());
        deleting.fire(new Deleting(roomId));
        repository.removeRoom(room);
        moderation.record(who, "delete-room", space.id(), roomId, null, null, room.name());
        deleted.fire(was);
        rulesChanged.fire(new SpaceService.RulesChanged(space.id()));
    }
}
