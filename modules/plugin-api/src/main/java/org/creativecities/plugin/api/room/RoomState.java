package org.creativecities.plugin.api.room;

import jakarta.json.JsonObject;
import java.util.Objects;

/**
 * What clients of a room see of its kind's state, e.g. the watch party's host, whether it plays and the
 * position. The engine puts it in the welcome frame of a joiner and in the state frame it broadcasts after
 * an accepted action. It is a view computed by the kind for an instant; the engine does not persist it
 * (the kind keeps its durable state in its storage). Immutable.
 *
 * @param value the JSON object clients receive
 */
public record RoomState(JsonObject value) {

    public RoomState {
        Objects.requireNonNull(value, "value");
    }
}
