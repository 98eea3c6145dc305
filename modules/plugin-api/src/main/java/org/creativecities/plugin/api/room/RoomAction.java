package org.creativecities.plugin.api.room;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Objects;
import java.util.Optional;

/**
 * One action a client sent for the room's kind, e.g. {@code play} or {@code seek}. The engine takes it from
 * an action frame ({@code {"type":"action","room":…,"action":"seek","payload":{…},"id":…}}, docs/protocol.md)
 * and forwards it unchanged; the kind validates the payload. Immutable.
 *
 * @param type    the action's type, one of {@link RoomKind#actionTypes()}
 * @param payload the action's arguments; an empty object if the frame had none
 */
public record RoomAction(String type, JsonObject payload) {

    public RoomAction {
        Objects.requireNonNull(type, "type");
        payload = payload == null ? JsonValue.EMPTY_JSON_OBJECT : payload;
    }

    /** An action without arguments. */
    public static RoomAction of(String type) {
        return new RoomAction(type, JsonValue.EMPTY_JSON_OBJECT);
    }

    /**
     * Reads an action from a client frame: {@code action} (a string) and an optional {@code payload} (an
     * object). Empty if the frame has no string {@code action} or a {@code payload} that is not an object,
     * which the engine answers with an error frame without calling the plugin.
     */
    public static Optional<RoomAction> fromFrame(JsonObject frame) {
        JsonValue action = frame.get("action");
        JsonValue payload = frame.getOrDefault("payload", JsonValue.EMPTY_JSON_OBJECT);
        if (action == null || action.getValueType() != JsonValue.ValueType.STRING
                || payload.getValueType() != JsonValue.ValueType.OBJECT) {
            return Optional.empty();
        }
        return Optional.of(new RoomAction(frame.getString("action"), payload.asJsonObject()));
    }

    /** The payload's number at {@code key} as a long, if it is an integral number. */
    public Optional<Long> longArg(String key) {
        JsonValue v = payload.get(key);
        if (v == null || v.getValueType() != JsonValue.ValueType.NUMBER) {
            return Optional.empty();
        }
        var n = payload.getJsonNumber(key);
        return n.isIntegral() ? Optional.of(n.longValue()) : Optional.empty();
    }

    /** The action as a frame body, the inverse of {@link #fromFrame}. */
    public JsonObject toFrame() {
        return Json.createObjectBuilder().add("action", type).add("payload", payload).build();
    }
}
