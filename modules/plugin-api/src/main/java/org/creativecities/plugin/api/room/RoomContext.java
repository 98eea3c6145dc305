package org.creativecities.plugin.api.room;

import jakarta.json.JsonObject;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.creativecities.plugin.api.StorageScope;
import org.creativecities.plugin.api.http.RequestCaller;

/**
 * The room a {@link RoomKind} call is about, as the live-room engine knows it. Immutable; the engine passes
 * the same values for the whole life of the room (including after a server restart), so a kind may derive
 * storage keys from them.
 *
 * @param roomId     the room's id, stable and unique across the network
 * @param citySlug   the city of a city space's room; empty for a network-wide space's room
 * @param kind       the room kind's id, e.g. {@code watch-party}
 * @param creatorId  the account that created the room
 * @param attributes what the creator passed for the kind when creating the room (e.g.
 *                   {@code {"screening":"s-1f3a"}}); the engine stores them with the room and never
 *                   interprets them; an empty object if none
 * @param clock      the server clock (UTC); use it, never {@code Instant.now()}
 * @param rooms      the engine's services for the plugin's rooms (since 1.3.0); a context built with the
 *                   six-argument constructor (a unit test) has none, and its {@code rooms()} refuses every call
 *                   with an {@link IllegalStateException}
 */
public record RoomContext(String roomId, Optional<String> citySlug, String kind, long creatorId,
                          JsonObject attributes, Clock clock, RoomService rooms) {

    public RoomContext {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(citySlug, "citySlug");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(attributes, "attributes");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(rooms, "rooms");
    }

    /**
     * A context without the engine's services, as API 1.1 and 1.2 built it (unit tests of a kind); kept so that
     * plugins built against 1.2 link unchanged.
     */
    public RoomContext(String roomId, Optional<String> citySlug, String kind, long creatorId, JsonObject attributes,
                       Clock clock) {
        this(roomId, citySlug, kind, creatorId, attributes, clock, NoEngine.INSTANCE);
    }

    /**
     * Where a kind keeps one person's state in this room (their hand, their ballot): the key {@code person/<id>}
     * in the room's {@link #storageScope()}, so that it goes with the room's data.
     *
     * @since 1.3.0
     */
    public String personKey(long accountId) {
        return "person/" + accountId;
    }

    /**
     * Publishes a system event into this room: {@link RoomService#publish} for {@link #roomId()}.
     *
     * @since 1.3.0
     */
    public long publish(RoomEvent event) {
        return rooms.publish(roomId, event);
    }

    /**
     * Sends a frame to one person in this room: {@link RoomService#sendTo} for {@link #roomId()}.
     *
     * @since 1.3.0
     */
    public int sendTo(long accountId, RoomEvent event) {
        return rooms.sendTo(roomId, accountId, event);
    }

    /** The room services of a context built without an engine: every call is refused. */
    private enum NoEngine implements RoomService {
        INSTANCE;

        private static IllegalStateException none() {
            return new IllegalStateException("this RoomContext was built without the live-room engine; "
                    + "pass a RoomService to the constructor to test publishing");
        }

        @Override
        public long publish(String roomId, RoomEvent event) {
            throw none();
        }

        @Override
        public long say(String roomId, String text) {
            throw none();
        }

        @Override
        public int sendTo(String roomId, long accountId, RoomEvent event) {
            throw none();
        }

        @Override
        public boolean membersOnly(String roomId) {
            throw none();
        }

        @Override
        public boolean mayRead(String roomId, Optional<RequestCaller> caller) {
            throw none();
        }
    }

    /** The storage scope of this room, where a kind keeps the room's durable state. */
    public StorageScope storageScope() {
        return StorageScope.room(roomId);
    }
}
