package org.creativecities.plugin.testkit;

import jakarta.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.creativecities.plugin.api.MemberLookup;
import org.creativecities.plugin.api.Permission;
import org.creativecities.plugin.api.PluginPermissionException;
import org.creativecities.plugin.api.http.RequestCaller;
import org.creativecities.plugin.api.room.ListedRoom;
import org.creativecities.plugin.api.room.RoomContext;
import org.creativecities.plugin.api.room.RoomEvent;
import org.creativecities.plugin.api.room.RoomService;
import org.creativecities.plugin.api.room.RoomServiceException;
import org.creativecities.plugin.api.room.RoomServiceException.Reason;

/**
 * The room services of the test host (API 1.3) over the rooms the test opened ({@link TestHost#openRoom}): the
 * host hands them to each kind ({@code attached}) and with every room. Asking about rooms follows the core's rule
 * for a room the test made members-only ({@link #setMembersOnly}): its city's members (the context's
 * {@link TestMembers}) and administrators read it, nobody else; a members-only room outside a city, administrators
 * only. {@link #list} filters for its caller like the core's. Published events and frames to one person are kept for
 * the test to read ({@link #published}, {@link #sentTo}); {@code sendTo} reaches the connections the test put in the
 * room ({@link #connect}). Refusals are the core's: {@code NOT_OWNED}, {@code ARCHIVED}, {@code TOO_LARGE}, and
 * {@link PluginPermissionException} without {@code rooms.write}. There is no rate limit, and rooms are not created or
 * archived for the plugin ({@code create} and {@code archive} are unsupported). Thread-safe.
 */
public final class InMemoryRooms implements RoomService {

    /** What the kit knows of one room. */
    private static final class Known {
        private final RoomContext context;
        private final String name;
        private final List<RoomEvent> published = new CopyOnWriteArrayList<>();
        private final Map<Long, List<RoomEvent>> sent = new ConcurrentHashMap<>();
        private final Map<Long, Integer> connections = new ConcurrentHashMap<>();
        private volatile boolean membersOnly;
        private volatile boolean archived;

        Known(RoomContext context, String name) {
            this.context = context;
            this.name = name;
        }
    }

    private final String pluginId;
    private final Set<String> kinds;
    private final boolean mayWrite;
    private final MemberLookup members;
    private final Map<String, Known> rooms;
    private final List<String> order;

    InMemoryRooms(String pluginId, Set<String> kinds, boolean mayWrite, MemberLookup members) {
        this(pluginId, kinds, mayWrite, members, new ConcurrentHashMap<>(), new CopyOnWriteArrayList<>());
    }

    private InMemoryRooms(String pluginId, Set<String> kinds, boolean mayWrite, MemberLookup members,
                          Map<String, Known> rooms, List<String> order) {
        this.pluginId = pluginId;
        this.kinds = Set.copyOf(kinds);
        this.mayWrite = mayWrite;
        this.members = members;
        this.rooms = rooms;
        this.order = order;
    }

    /** The services of the next start of the plugin: the same rooms, as the engine keeps them over a restart. */
    InMemoryRooms restarted(Set<String> nextKinds, boolean nextMayWrite) {
        return new InMemoryRooms(pluginId, nextKinds, nextMayWrite, members, rooms, order);
    }

    /** A room the host opened, named {@code <kind> <id>}. */
    void opened(RoomContext room) {
        rooms.put(room.roomId(), new Known(room, room.kind() + " " + room.roomId()));
        order.add(room.roomId());
    }

    void archived(String roomId) {
        known(roomId).archived = true;
    }

    void deleted(String roomId) {
        known(roomId);
        rooms.remove(roomId);
        order.remove(roomId);
    }

    /** Makes the room's space members-only (or public again), as a coordinator would. */
    public InMemoryRooms setMembersOnly(String roomId, boolean membersOnly) {
        known(roomId).membersOnly = membersOnly;
        return this;
    }

    /** Counts a connection of the person in the room, so that {@link #sendTo} reaches it. */
    public InMemoryRooms connect(String roomId, long accountId) {
        known(roomId).connections.merge(accountId, 1, Integer::sum);
        return this;
    }

    /** The system events published and said into the room, in order ({@code say} as {@code message {text}}). */
    public List<RoomEvent> published(String roomId) {
        return List.copyOf(known(roomId).published);
    }

    /** The frames sent to one person in the room, in order. */
    public List<RoomEvent> sentTo(String roomId, long accountId) {
        return List.copyOf(known(roomId).sent.getOrDefault(accountId, List.of()));
    }

    @Override
    public long publish(String roomId, RoomEvent event) {
        requireWrite();
        Known room = writable(roomId);
        payload(event);
        room.published.add(event);
        return room.published.size();
    }

    @Override
    public long say(String roomId, String text) {
        requireWrite();
        if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
            throw new RoomServiceException(Reason.TOO_LARGE, "A module's message has 1 to " + MAX_TEXT
                    + " characters.");
        }
        Known room = writable(roomId);
        room.published.add(new RoomEvent("message", Json.createObjectBuilder().add("text", text).build()));
        return room.published.size();
    }

    @Override
    public int sendTo(String roomId, long accountId, RoomEvent event) {
        requireWrite();
        payload(event);
        Known room = own(roomId);
        int reached = room.connections.getOrDefault(accountId, 0);
        if (reached > 0) {
            room.sent.computeIfAbsent(accountId, k -> new CopyOnWriteArrayList<>()).add(event);
        }
        return reached;
    }

    @Override
    public boolean membersOnly(String roomId) {
        return own(roomId).membersOnly;
    }

    @Override
    public boolean mayRead(String roomId, Optional<RequestCaller> caller) {
        return readable(own(roomId), caller);
    }

    @Override
    public List<ListedRoom> list(String kindId, Optional<String> citySlug, Optional<RequestCaller> caller) {
        if (kindId == null || !kinds.contains(kindId)) {
            throw new RoomServiceException(Reason.NOT_OWNED, "No room kind '" + kindId + "' that " + pluginId
                    + " provides (" + String.join(", ", kinds) + ").");
        }
        List<ListedRoom> listed = new ArrayList<>();
        for (int i = order.size() - 1; i >= 0 && listed.size() < MAX_LISTED; i--) {
            Known room = rooms.get(order.get(i));
            RoomContext c = room.context;
            if (c.kind().equals(kindId) && (citySlug.isEmpty() || citySlug.equals(c.citySlug()))
                    && readable(room, caller)) {
                listed.add(new ListedRoom(c.roomId(), c.kind(), c.citySlug(), room.name, room.archived,
                        room.membersOnly));
            }
        }
        return listed;
    }

    private boolean readable(Known room, Optional<RequestCaller> caller) {
        if (!room.membersOnly || caller.map(RequestCaller::admin).orElse(false)) {
            return true;
        }
        return caller.isPresent() && room.context.citySlug()
                .map(city -> members.isMember(caller.get().accountId(), city)).orElse(false);
    }

    private Known known(String roomId) {
        Known room = rooms.get(roomId);
        if (room == null) {
            throw new IllegalArgumentException("the test opened no room " + roomId);
        }
        return room;
    }

    private Known own(String roomId) {
        Known room = roomId == null ? null : rooms.get(roomId);
        if (room == null || !kinds.contains(room.context.kind())) {
            throw new RoomServiceException(Reason.NOT_OWNED, "No room " + roomId + " of a kind " + pluginId
                    + " provides (" + String.join(", ", kinds) + ").");
        }
        return room;
    }

    private Known writable(String roomId) {
        Known room = own(roomId);
        if (room.archived) {
            throw new RoomServiceException(Reason.ARCHIVED, "Room " + roomId + " is archived: it takes no events.");
        }
        return room;
    }

    private void requireWrite() {
        if (!mayWrite) {
            throw new PluginPermissionException(pluginId, Permission.ROOMS_WRITE);
        }
    }

    private static void payload(RoomEvent event) {
        int length = event.payload().toString().length();
        if (length > MAX_PAYLOAD_CHARS) {
            throw new RoomServiceException(Reason.TOO_LARGE, "An event's payload has at most " + MAX_PAYLOAD_CHARS
                    + " characters of JSON; '" + event.type() + "' has " + length + ".");
        }
    }
}
