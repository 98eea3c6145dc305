package org.creativecities.core.live;

import jakarta.json.JsonObject;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.space.Room;
import org.creativecities.core.space.RoomKinds;
import org.creativecities.core.space.SpaceService;

/**
 * The {@code action} frame of a plugin room: authorised here (the same rule as posting), then decided by the room's
 * kind on the room's own queue (in arrival order, one at a time per room), without the room's lock, so ordinary
 * messages and other rooms never wait for a plugin. When the kind has decided, the actor gets its refusal or its
 * replies, and the room the new state and the kind's events.
 */
final class PluginActions {

    private static final Logger LOG = Logger.getLogger(PluginActions.class.getName());

    private final LiveService service;
    private final SpaceService spaces;
    private final PluginRoomAccess pluginRooms;
    private final RoomHubs hubs;

    PluginActions(LiveService service, SpaceService spaces, PluginRoomAccess pluginRooms, RoomHubs hubs) {
        this.service = service;
        this.spaces = spaces;
        this.pluginRooms = pluginRooms;
        this.hubs = hubs;
    }

    void act(Connection c, long roomId, JsonObject f, String frameId) {
        Caller.Identity who = c.signedIn();
        c.joined(roomId);
        Room room = service.readable(c.who(), roomId);
        Optional<RoomKinds> kinds = Room.DISCUSSION.equals(room.kind()) ? Optional.empty()
                : spaces.provider(room.kind());
        if (kinds.isEmpty()) {
            throw new LiveException(LiveError.UNSUPPORTED_KIND, "Rooms of kind '" + room.kind() + "' take no actions.");
        }
        PluginRoomAccess.Acting acting = pluginRooms.acting(who, roomId);
        String kind = room.kind();
        kinds.get().act(acting.room(), acting.actor(), f).whenComplete((outcome, error) -> {
            if (error != null) {
                LOG.log(Level.WARNING, "Plugin action failed", error);
                c.send(Frames.error(LiveError.PLUGIN_FAILED.code(), "The room's plugin failed; try again.", frameId,
                        roomId));
                return;
            }
            if (outcome.refusal().isPresent()) {
                c.send(Frames.error(outcome.refusal().get().code(), outcome.refusal().get().reason(), frameId,
                        roomId));
                return;
            }
            RoomHub hub = hubs.of(roomId);
            outcome.state().ifPresent(state -> hub.broadcast(Frames.pluginState(roomId, kind, state)));
            for (RoomKinds.KindEvent e : outcome.broadcast()) {
                hub.broadcast(Frames.pluginEvent(roomId, kind, e.type(), e.payload(), null));
            }
            for (RoomKinds.KindEvent e : outcome.replies()) {
                c.send(Frames.pluginEvent(roomId, kind, e.type(), e.payload(), frameId));
            }
        });
    }
}
