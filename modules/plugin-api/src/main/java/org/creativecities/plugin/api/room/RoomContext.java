package org.creativecities.plugin.api.room;

import jakarta.json.JsonObject;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.creativecities.plugin.api.StorageScope;

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
 */
public record RoomContext(String roomId, Optional<String> citySlug, String kind, long creatorId,
                          JsonObject attributes, Clock clock) {

    public RoomContext {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(citySlug, "citySlug");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(attributes, "attributes");
        Objects.requireNonNull(clock, "clock");
    }

    /** The storage scope of this room, where a kind keeps the room's durable state. */
    public StorageScope storageScope() {
        return StorageScope.room(roomId);
    }
}
