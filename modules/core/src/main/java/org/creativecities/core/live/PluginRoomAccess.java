package org.creativecities.core.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import org.creativecities.core.city.City;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.platform.TimeSource;
import org.creativecities.core.space.Room;
import org.creativecities.core.space.SpaceRepository;
import org.creativecities.core.space.SpaceRules;

/**
 * Rooms as plugins meet them, each call in a transaction of its own: whether a room exists and who may read it,
 * a person as a room's kind sees them (for its join callback), whether a person may act in a room now (a plugin
 * action), and a plugin's system event appended to a room's log. Rights are the core's: the same rules as reading
 * and posting.
 */
@ApplicationScoped
public class PluginRoomAccess {

    @Inject
    private SpaceRepository spaces;

    @Inject
    private SpaceRules spaceRules;

    @Inject
    private RoomEventRepository events;

    @Inject
    private TimeSource time;

    @Inject
    private LiveService live;

    /**
     * Appends a plugin's system event to a room's log (see {@link RoomPublisher}): locks the room's row, takes its
     * next seq and stores the event, in one transaction. The caller holds the room's in-memory lock.
     *
     * @param kinds the room kinds of the publishing plugin: a room of another kind is refused as not found
     * @throws LiveException {@code not-found} for no such room of those kinds, {@code forbidden} for an archived one
     */
    @Transactional
    public RoomEvent system(long roomId, java.util.Set<String> kinds, RoomPublisher.SystemPost post) {
        Room room = spaces.lockRoom(roomId).filter(r -> kinds.contains(r.kind())).orElseThrow(() ->
                new LiveException(LiveError.NOT_FOUND, "No room " + roomId + " of this plugin's kinds."));
        if (room.isArchived()) {
            throw new LiveException(LiveError.FORBIDDEN, "Room " + roomId + " is archived.");
        }
        return events.add(RoomEvent.system(roomId, room.nextSeq(), post.pluginId(), post.source(), post.event(),
                post.payload(), post.text(), post.html(), time.now()));
    }

    /** The room whatever the caller's rights, if it exists: for the engine's own notices, never for a reply. */
    @Transactional
    public Optional<Room> find(long roomId) {
        return spaces.findRoom(roomId);
    }

    /**
     * The room's visibility for someone: whether it exists, whether its space is members-only, and whether the
     * person (empty: a visitor) may read it now.
     */
    @Transactional
    public Optional<Visibility> visibility(long roomId, Optional<Caller.Identity> who) {
        return spaces.findRoom(roomId).map(r -> new Visibility(r.kind(), r.isArchived(),
                r.space().visibility() == org.creativecities.core.space.Space.Visibility.MEMBERS_ONLY,
                spaceRules.canReadRoom(who, r), r.space().city().map(City::slug)));
    }

    /**
     * @param kind        the room's kind
     * @param archived    the room is archived
     * @param membersOnly its space is members-only
     * @param readable    the person asked about may read it
     * @param citySlug    the city of its space; empty for a network space
     */
    public record Visibility(String kind, boolean archived, boolean membersOnly, boolean readable,
                             Optional<String> citySlug) {
    }

    /** The person as the room's kind sees them (a coordinator of its city?), for the kind's join callback. */
    @Transactional
    public org.creativecities.core.space.RoomKinds.Participant participant(Caller.Identity who, Room room) {
        return spaceRules.participant(who, spaces.findRoom(room.id()).orElse(room).space());
    }

    /**
     * A plugin action's room and actor: the person may read the room and act in it now (the same rule as
     * posting: a member, the room neither archived nor locked for them, not muted).
     */
    @Transactional
    public Acting acting(Caller.Identity who, long roomId) {
        Room room = live.readable(Optional.of(who), roomId);
        spaceRules.postRefusal(who, room).ifPresent(reason -> {
            throw new LiveException(LiveError.FORBIDDEN, "You cannot act here: " + reason + ".");
        });
        return new Acting(room, spaceRules.participant(who, room.space()));
    }

    /**
     * @param room  the room
     * @param actor the person as the room's kind sees them
     */
    public record Acting(Room room, org.creativecities.core.space.RoomKinds.Participant actor) {
    }
}
