package org.creativecities.plugin.api.room;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Objects;

/**
 * Something a kind tells clients, e.g. {@code host-changed} or, to the actor only, {@code resync}. The
 * engine sends it as a plugin-event frame ({@code {"type":"plugin.event","room":…,"event":…,"payload":…}}).
 * Immutable.
 *
 * @param type    what happened; lower-case letters, digits and dashes
 * @param payload the details; an empty object if none
 */
public record RoomEvent(String type, JsonObject payload) {

    public RoomEvent {
        Objects.requireNonNull(type, "type");
        payload = payload == null ? JsonValue.EMPTY_JSON_OBJECT : payload;
        if (!type.matches("[a-z0-9][a-z0-9-]{0,63}")) {
            throw new IllegalArgumentException("event type '" + type
                    + "' must be lower-case letters, digits and dashes (at most 64)");
        }
    }
}
