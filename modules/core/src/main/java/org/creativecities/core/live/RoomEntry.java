package org.creativecities.core.live;

import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.creativecities.core.space.Room;
import org.creativecities.core.space.RoomKinds;
import org.creativecities.core.space.SpaceService;

/**
 * Joining and leaving rooms ({@code join}, {@code leave}): a join is authorised, checked against the rooms that open
 * only at a time ({@link RoomOpening}), and answered under the room's lock with its {@code welcome}, then a
 * {@code reset} when the client is too far behind ({@link ResumePlan}) or the events it missed (a resume), so that
 * what it replays and the live events after it have no gap and no overlap. A plugin room's joiner gets the kind's
 * snapshot in its welcome, and the kind hears of arrivals and departures.
 */
final class RoomEntry {

    private final LiveService service;
    private final SpaceService spaces;
    private final PluginRoomAccess pluginRooms;
    private final List<RoomOpening> openings;
    private final RoomHubs hubs;
    private final int resumeMax;
    private final RoomFeed feed;

    RoomEntry(LiveService service, SpaceService spaces, PluginRoomAccess pluginRooms, List<RoomOpening> openings,
              RoomHubs hubs, int resumeMax, RoomFeed feed) {
        this.feed = feed;
        this.service = service;
        this.spaces = spaces;
        this.pluginRooms = pluginRooms;
        this.openings = List.copyOf(openings);
        this.hubs = hubs;
        this.resumeMax = resumeMax;
    }

    /**
     * A join: for a plugin room in the kind's turn (its snapshot is the welcome's state), then, once the room's lock
     * and the kind's queue are released, the kind hears of the signed-in joiner ({@link RoomKinds#joined}) without
     * anyone waiting for it.
     *
     * @param since the last seq the client has, or null for none (no replay)
     */
    void join(Connection c, long roomId, Long since, String frameId) {
        Room room = service.readable(c.who(), roomId);
        for (RoomOpening opening : openings) {
            Optional<String> notYet = opening.notOpenYet(roomId);
            if (notYet.isPresent()) {
                throw new LiveException(LiveError.NOT_OPEN, notYet.get());
            }
        }
        Optional<RoomKinds> kinds = Room.DISCUSSION.equals(room.kind()) ? Optional.empty()
                : spaces.provider(room.kind());
        if (kinds.isEmpty()) {
            joinLocked(c, roomId, since, null, frameId);
            return;
        }
        hubs.of(roomId).room = room;
        boolean arrived = kinds.get().withSnapshot(room, state -> joinLocked(c, roomId, since, state.orElse(null),
                frameId));
        c.who().ifPresent(w -> kinds.get().joined(room, pluginRooms.participant(w, room), arrived));
    }

    /** @return true when it is the person's first connection in the room */
    private boolean joinLocked(Connection c, long roomId, Long since, JsonObject roomState, String frameId) {
        RoomHub hub = hubs.of(roomId);
        hub.lock.lock();
        try {
            LiveService.Joined joined = service.join(c.who(), roomId, since, resumeMax);
            Room room = joined.room();
            // Those already in first get what other nodes committed up to the seq this join read.
            feed.joining(hub, room.lastSeq());
            c.rooms().add(roomId);
            // In a cluster another node may commit between the join's reads: what is after lastSeq comes live.
            List<RoomEvent> replay = joined.replay().stream().filter(e -> e.seq() <= room.lastSeq()).toList();
            boolean arrived = hub.enter(c, online -> Frames.welcome(roomId, room.kind(), room.lastSeq(), online,
                    replay.size(), roomState, frameId));
            if (joined.plan().action() == ResumePlan.Action.RESET) {
                c.send(Frames.reset(roomId, room.lastSeq(), "You are too far behind: fetch the history over REST "
                        + "up to seq " + room.lastSeq() + "; live events after it follow here.", null));
            }
            for (RoomEvent e : replay) {
                c.send(Frames.event(e).toString());
            }
            return arrived;
        } finally {
            hub.lock.unlock();
        }
    }

    /** A {@code leave} frame: the connection leaves the room and is told with {@code left}. */
    void leaveFrame(Connection c, long roomId, String frameId) {
        leave(c, roomId);
        c.send(Frames.left(roomId, frameId));
    }

    /** A connection leaves a room; a plugin room's kind hears when it was the person's last connection there. */
    void leave(Connection c, long roomId) {
        c.rooms().remove(roomId);
        RoomHub hub = hubs.existing(roomId);
        if (hub != null && hub.leave(c)) {
            Room room = hub.room;
            if (room != null) {
                spaces.provider(room.kind()).ifPresent(k -> k.left(room, c.who().orElseThrow().id()));
            }
        }
    }

    /** The connection leaves every room it is in (it is closing). */
    void leaveAll(Connection c) {
        for (Long roomId : Set.copyOf(c.rooms())) {
            leave(c, roomId);
        }
    }
}
