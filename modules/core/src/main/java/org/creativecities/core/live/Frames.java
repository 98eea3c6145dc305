package org.creativecities.core.live;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.Collection;
import org.creativecities.core.identity.Caller;

/** Builds the server's frames (see docs/protocol.md). Each result is encoded once and shared by all recipients. */
final class Frames {

    /**
     * One factory for every frame. {@code Json.createObjectBuilder()} looks the JSON-P provider up with a
     * {@code ServiceLoader} scan of the web application's class path on every call: profiled, that scan was the
     * largest cost of a join (issue 5, docs/benchmarks.md).
     */
    static final JsonBuilderFactory JSON = Json.createBuilderFactory(null);

    /** Created once, for the same reason as {@link #JSON}. */
    private static final jakarta.json.JsonReaderFactory READERS = Json.createReaderFactory(null);

    private Frames() {
    }

    static JsonObject user(long id, String name) {
        return JSON.createObjectBuilder().add("id", id).add("name", name).build();
    }

    /** The JSON of one room event, as in frames and in the REST history. */
    static JsonObject event(RoomEvent e) {
        if (e.type() == RoomEvent.Type.SYSTEM) {
            return system(e);
        }
        JsonObjectBuilder b = JSON.createObjectBuilder()
                .add("type", e.type().wire())
                .add("room", e.roomId())
                .add("seq", e.seq())
                .add("author", user(e.authorId(), e.authorName()))
                .add("createdAt", e.createdAt().toString());
        switch (e.type()) {
            case MESSAGE -> {
                e.clientMessageId().ifPresent(c -> b.add("clientMessageId", c));
                e.text().ifPresent(t -> b.add("text", t).add("html", e.html().orElseThrow()));
                e.replyTo().ifPresent(r -> b.add("replyTo", r));
                e.editedAt().ifPresent(t -> b.add("editedAt", t.toString()));
                b.add("deleted", e.isDeleted());
            }
            case EDIT -> {
                b.add("target", e.targetSeq().orElseThrow());
                e.text().ifPresent(t -> b.add("text", t).add("html", e.html().orElseThrow()));
            }
            case DELETE -> b.add("target", e.targetSeq().orElseThrow());
            case REACTION -> b.add("target", e.targetSeq().orElseThrow())
                    .add("emoji", e.emoji().orElse(""))
                    .add("action", e.isDeleted() ? "remove" : "add");
            default -> throw new IllegalStateException(e.type().name());
        }
        return b.build();
    }

    /**
     * A plugin's system event: its {@code source} is the module (plugin id and shown name), never a person, so it
     * has no {@code author}; the module's message adds {@code text} and its safe {@code html}.
     */
    private static JsonObject system(RoomEvent e) {
        JsonObjectBuilder b = JSON.createObjectBuilder()
                .add("type", "system")
                .add("room", e.roomId())
                .add("seq", e.seq())
                .add("source", JSON.createObjectBuilder().add("plugin", e.pluginId().orElse(""))
                        .add("name", e.authorName()))
                .add("event", e.systemEvent().orElse(""))
                .add("payload", e.payload().map(Frames::object).orElse(jakarta.json.JsonValue.EMPTY_JSON_OBJECT))
                .add("createdAt", e.createdAt().toString());
        e.text().ifPresent(t -> b.add("text", t).add("html", e.html().orElseThrow()));
        return b.build();
    }

    private static JsonObject object(String json) {
        try (jakarta.json.JsonReader r = READERS.createReader(new java.io.StringReader(json))) {
            return r.readObject();
        }
    }

    static String hello(java.util.Optional<Caller.Identity> who) {
        JsonObjectBuilder b = JSON.createObjectBuilder().add("type", "hello").add("protocol", 1);
        who.ifPresentOrElse(w -> b.add("user", user(w.id(), w.displayName())), () -> b.addNull("user"));
        return b.build().toString();
    }

    static String welcome(long roomId, String kind, long latestSeq, Collection<JsonObject> online, int replayed,
                          JsonObject roomState, String frameId) {
        JsonArrayBuilder users = JSON.createArrayBuilder();
        online.forEach(users::add);
        JsonObjectBuilder b = JSON.createObjectBuilder().add("type", "welcome").add("room", roomId)
                .add("kind", kind).add("latestSeq", latestSeq).add("online", users).add("replay", replayed);
        if (roomState == null) {
            b.addNull("roomState");
        } else {
            b.add("roomState", roomState);
        }
        withId(b, frameId);
        return b.build().toString();
    }

    /** A room kind's new state, for everyone in the room after an accepted action. */
    static String pluginState(long roomId, String kind, JsonObject state) {
        return JSON.createObjectBuilder().add("type", "plugin.state").add("room", roomId).add("kind", kind)
                .add("state", state).build().toString();
    }

    /** A room kind's event, for everyone in the room or, as a reply, for the actor's connection only. */
    static String pluginEvent(long roomId, String kind, String event, JsonObject payload, String frameId) {
        JsonObjectBuilder b = JSON.createObjectBuilder().add("type", "plugin.event").add("room", roomId)
                .add("kind", kind).add("event", event).add("payload", payload);
        withId(b, frameId);
        return b.build().toString();
    }

    /** A room kind's event for one person only (all their connections in the room), never stored. */
    static String privateEvent(long roomId, String kind, String event, JsonObject payload) {
        return JSON.createObjectBuilder().add("type", "plugin.event").add("room", roomId).add("kind", kind)
                .add("event", event).add("payload", payload).add("private", true).build().toString();
    }

    /** A room's moderation settings, for everyone in the room after a manager changed them. */
    static String roomSettings(long roomId, boolean locked, int slowModeSeconds, boolean archived, JsonObject by) {
        return JSON.createObjectBuilder().add("type", "room-settings").add("room", roomId).add("locked", locked)
                .add("slowModeSeconds", slowModeSeconds).add("archived", archived).add("by", by).build().toString();
    }

    static String ack(RoomEvent e, boolean duplicate, String frameId) {
        JsonObjectBuilder b = JSON.createObjectBuilder().add("type", "ack").add("room", e.roomId()).add("seq", e.seq())
                .add("duplicate", duplicate);
        e.clientMessageId().ifPresent(c -> b.add("clientMessageId", c));
        withId(b, frameId);
        return b.build().toString();
    }

    static String mention(RoomEvent e, String excerpt) {
        return JSON.createObjectBuilder().add("type", "mention").add("room", e.roomId()).add("seq", e.seq())
                .add("author", user(e.authorId(), e.authorName())).add("excerpt", excerpt).build().toString();
    }

    static String presence(long roomId, String event, JsonObject user) {
        return JSON.createObjectBuilder().add("type", "presence").add("room", roomId).add("event", event)
                .add("user", user).build().toString();
    }

    static String typing(long roomId, JsonObject user) {
        return JSON.createObjectBuilder().add("type", "typing").add("room", roomId).add("user", user).build()
                .toString();
    }

    static String reset(long roomId, long latestSeq, String reason, String frameId) {
        JsonObjectBuilder b = JSON.createObjectBuilder().add("type", "reset").add("room", roomId)
                .add("latestSeq", latestSeq).add("reason", reason);
        withId(b, frameId);
        return b.build().toString();
    }

    static String left(long roomId, String frameId) {
        JsonObjectBuilder b = JSON.createObjectBuilder().add("type", "left").add("room", roomId);
        withId(b, frameId);
        return b.build().toString();
    }

    static String error(String code, String reason, String frameId, Long roomId) {
        return error(code, reason, frameId, "room", roomId);
    }

    /** An error frame naming what it concerns as {@code scope} (a room, or for an extension e.g. a work), if known. */
    static String error(String code, String reason, String frameId, String scope, Long scopeId) {
        JsonObjectBuilder b = JSON.createObjectBuilder().add("type", "error").add("code", code).add("reason", reason);
        if (scope != null && scopeId != null) {
            b.add(scope, scopeId);
        }
        withId(b, frameId);
        return b.build().toString();
    }

    private static void withId(JsonObjectBuilder b, String frameId) {
        if (frameId != null) {
            b.add("id", frameId);
        }
    }
}
