package org.creativecities.core.plugin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.identity.RateLimiter;
import org.creativecities.core.live.LiveError;
import org.creativecities.core.live.LiveException;
import org.creativecities.core.live.PluginRoomAccess;
import org.creativecities.core.live.RoomPublisher;
import org.creativecities.core.space.Room;
import org.creativecities.core.space.Space;
import org.creativecities.plugin.api.ModuleInfo;
import org.creativecities.plugin.api.Permission;
import org.creativecities.plugin.api.PluginPermissionException;
import org.creativecities.plugin.api.http.RequestCaller;
import org.creativecities.plugin.api.room.ListedRoom;
import org.creativecities.plugin.api.room.RoomEvent;
import org.creativecities.plugin.api.room.RoomService;
import org.creativecities.plugin.api.room.RoomServiceException;
import org.creativecities.plugin.api.room.RoomServiceException.Reason;

/**
 * Makes each start of a plugin its {@link RoomService} (API 1.3): the plugin's rights over its own rooms, checked
 * here on every call (the {@code rooms.write} permission, that the room is of one of its kinds, that the plugin is on
 * where the room is ({@link PluginRoomAvailability}: a plugin switched off in a city writes nothing into its rooms
 * there, from an action, a route or a timer), the size limits and each room's rate), with the live engine
 * ({@link RoomPublisher}) doing the ordered write and the delivery. The rate limit is kept here, per plugin and room,
 * for all the plugin's starts together.
 */
@ApplicationScoped
public class PluginRoomServices {

    /** Longest shown name of a module as a source ("the … module"), the width of the author column. */
    private static final int MAX_SOURCE = 80;

    @Inject
    private RoomPublisher publisher;

    @Inject
    private PluginRoomAccess live;

    @Inject
    private PluginRegistry registry;

    @Inject
    private PluginRoomCreation creation;

    @Inject
    private PluginRoomListing listing;

    @Inject
    private PluginRoomAvailability availability;

    private final RateLimiter perRoom = new RateLimiter(RoomService.MAX_PER_MINUTE, Duration.ofMinutes(1));

    /** The room services of one start of a plugin, for the room kinds it provides. */
    RoomService forPlugin(String pluginId, ModuleInfo info, Set<String> kinds) {
        String source = "the " + info.name() + " module";
        return new Service(pluginId, info.permissions().contains(Permission.ROOMS_WRITE),
                info.permissions().contains(Permission.ROOMS_CREATE),
                source.length() > MAX_SOURCE ? source.substring(0, MAX_SOURCE - 1) + "…" : source, Set.copyOf(kinds));
    }

    private final class Service implements RoomService {

        private final String pluginId;
        private final boolean mayWrite;
        private final boolean mayCreate;
        private final String source;
        private final Set<String> kinds;

        Service(String pluginId, boolean mayWrite, boolean mayCreate, String source, Set<String> kinds) {
            this.pluginId = pluginId;
            this.mayWrite = mayWrite;
            this.mayCreate = mayCreate;
            this.source = source;
            this.kinds = kinds;
        }

        @Override
        public long publish(String roomId, RoomEvent event) {
            return append(roomId, RoomPublisher.SystemPost.event(pluginId, source, event.type(), payload(event)));
        }

        @Override
        public long say(String roomId, String text) {
            if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
                throw new RoomServiceException(Reason.TOO_LARGE, "A module's message has 1 to " + MAX_TEXT
                        + " characters.");
            }
            return append(roomId, RoomPublisher.SystemPost.event(pluginId, source, "message", "{}").withText(text));
        }

        private long append(String roomId, RoomPublisher.SystemPost post) {
            requireWrite();
            Room room = own(roomId);
            if (room.isArchived()) {
                throw archived(roomId);
            }
            requireAvailable(roomId, room);
            long id = room.id();
            // Counted only for a room that takes events now: a refused publish does not use up the room's rate.
            if (perRoom.tryAcquire(pluginId + ":" + id).isPresent()) {
                throw new RoomServiceException(Reason.RATE_LIMITED, "Room " + roomId + " took its " + MAX_PER_MINUTE
                        + " events from " + pluginId + " (refilled at " + MAX_PER_MINUTE
                        + " a minute); publish less often.");
            }
            try {
                return publisher.publish(id, kinds, post);
            } catch (LiveException e) {
                throw refusal(roomId, e);
            }
        }

        @Override
        public int sendTo(String roomId, long accountId, RoomEvent event) {
            requireWrite();
            payload(event);
            Room room = own(roomId);
            requireAvailable(roomId, room);
            return publisher.sendTo(room.id(), room.kind(), accountId, event.type(), event.payload());
        }

        @Override
        public String create(String citySlug, String kindId, String name, JsonObject attributes, long onBehalfOf) {
            requireCreate();
            return creation.create(kinds, citySlug, kindId, name, attributes, onBehalfOf);
        }

        @Override
        public void archive(String roomId, long onBehalfOf) {
            requireCreate();
            creation.archive(kinds, roomId, onBehalfOf);
        }

        private void requireCreate() {
            if (!mayCreate) {
                throw new PluginPermissionException(pluginId, Permission.ROOMS_CREATE);
            }
            if (registry.running(pluginId).isEmpty()) {
                throw new RoomServiceException(Reason.NOT_OWNED, "The plugin " + pluginId + " is not running.");
            }
        }

        @Override
        public boolean membersOnly(String roomId) {
            return own(roomId).space().visibility() == Space.Visibility.MEMBERS_ONLY;
        }

        @Override
        public boolean mayRead(String roomId, Optional<RequestCaller> caller) {
            long id = parse(roomId);
            return live.visibility(id, identity(caller)).filter(v -> kinds.contains(v.kind()))
                    .orElseThrow(() -> notOwned(roomId)).readable();
        }

        @Override
        public List<ListedRoom> list(String kindId, Optional<String> citySlug, Optional<RequestCaller> caller) {
            if (kindId == null || !kinds.contains(kindId)) {
                throw new RoomServiceException(Reason.NOT_OWNED, "No room kind '" + kindId + "' that " + pluginId
                        + " provides (" + String.join(", ", kinds) + ").");
            }
            return listing.readable(kindId, citySlug, identity(caller));
        }

        private static Optional<Caller.Identity> identity(Optional<RequestCaller> caller) {
            return caller.map(c -> new Caller.Identity(c.accountId(), c.displayName(), c.admin(), null));
        }

        private void requireWrite() {
            if (!mayWrite) {
                throw new PluginPermissionException(pluginId, Permission.ROOMS_WRITE);
            }
            if (registry.running(pluginId).isEmpty()) {
                throw new RoomServiceException(Reason.NOT_OWNED, "The plugin " + pluginId
                        + " is not running: its rooms take nothing from it now.");
            }
        }

        /** The plugin is on where the room is, or nothing of it reaches the room. */
        private void requireAvailable(String roomId, Room room) {
            availability.unavailable(pluginId, room).ifPresent(why -> {
                throw new RoomServiceException(Reason.UNAVAILABLE, "Room " + roomId + ": " + why);
            });
        }

        /** The room, if it exists and is of one of the plugin's kinds. */
        private Room own(String roomId) {
            return live.find(parse(roomId)).filter(r -> kinds.contains(r.kind())).orElseThrow(() -> notOwned(roomId));
        }

        private long parse(String roomId) {
            try {
                return Long.parseLong(roomId);
            } catch (NumberFormatException | NullPointerException e) {
                throw notOwned(roomId);
            }
        }

        private RoomServiceException notOwned(String roomId) {
            return new RoomServiceException(Reason.NOT_OWNED, "No room " + roomId + " of a kind " + pluginId
                    + " provides (" + String.join(", ", kinds) + ").");
        }

        private RoomServiceException refusal(String roomId, LiveException e) {
            return e.error() == LiveError.FORBIDDEN ? archived(roomId) : notOwned(roomId);
        }

        private static RoomServiceException archived(String roomId) {
            return new RoomServiceException(Reason.ARCHIVED, "Room " + roomId + " is archived: it takes no events.");
        }

        private static String payload(RoomEvent event) {
            String json = event.payload().toString();
            if (json.length() > MAX_PAYLOAD_CHARS) {
                throw new RoomServiceException(Reason.TOO_LARGE, "An event's payload has at most "
                        + MAX_PAYLOAD_CHARS + " characters of JSON; '" + event.type() + "' has " + json.length()
                        + ".");
            }
            return json;
        }
    }
}
