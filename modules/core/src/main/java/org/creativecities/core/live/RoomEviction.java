package org.creativecities.core.live;

import java.util.Set;
import org.creativecities.core.space.ModerationService;

/**
 * Takes connections out of rooms they may no longer be in, once the change that decided it committed, each told with
 * an {@code error} frame for the room: {@code access-revoked} when a membership change took the right to read it
 * away, {@code kicked} or {@code banned} when a moderator removed the person, {@code room-deleted} for everyone in a
 * deleted room.
 */
final class RoomEviction {

    private final Connections connections;
    private final RoomHubs hubs;
    private final RoomEntry entry;
    private final LiveService service;

    RoomEviction(Connections connections, RoomHubs hubs, RoomEntry entry, LiveService service) {
        this.connections = connections;
        this.hubs = hubs;
        this.entry = entry;
        this.service = service;
    }

    /** Re-checks every room the account's connections are in. */
    void membershipChanged(long accountId) {
        for (Connection c : connections.of(accountId)) {
            for (Long roomId : Set.copyOf(c.rooms())) {
                try {
                    service.readable(c.who(), roomId);
                } catch (LiveException e) {
                    entry.leave(c, roomId);
                    c.send(Frames.error(LiveError.ACCESS_REVOKED.code(), "You can no longer read this room.", null,
                            roomId));
                }
            }
        }
    }

    /** Kicked or banned people leave the rooms concerned at once. */
    void moderated(ModerationService.Moderated event) {
        if (!event.action().equals("kick") && !event.action().equals("ban")) {
            return;
        }
        String code = (event.action().equals("kick") ? LiveError.KICKED : LiveError.BANNED).code();
        for (Connection c : connections.of(event.accountId())) {
            for (Long roomId : event.roomIds()) {
                if (c.rooms().contains(roomId)) {
                    entry.leave(c, roomId);
                    c.send(Frames.error(code, "A moderator removed you from this room.", null, roomId));
                }
            }
        }
    }

    /**
     * A deleted room: everyone in it leaves it at once, and its hub is dropped. Its kind hears {@code deleted}
     * instead of a {@code left} for each.
     */
    void roomDeleted(long roomId) {
        RoomHub hub = hubs.remove(roomId);
        if (hub == null) {
            return;
        }
        hub.lock.lock();
        try {
            for (Connection c : hub.connections()) {
                c.rooms().remove(roomId);
                hub.leave(c);
                c.send(Frames.error(LiveError.ROOM_DELETED.code(), "This room was deleted.", null, roomId));
            }
        } finally {
            hub.lock.unlock();
        }
    }
}
