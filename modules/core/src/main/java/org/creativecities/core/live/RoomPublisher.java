package org.creativecities.core.live;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.Set;

/**
 * What the live engine lets the rest of the core (the plugin host) do in a room without a client frame: append a
 * system event to the room's log and deliver it, and send a frame to one person's connections in the room. Rights
 * (whose room it is, limits) are the caller's business; the engine orders and delivers.
 *
 * <p>A system event is written under the room's in-memory lock, like the writer's posts and the joins
 * ({@link RoomHub}): it takes the room's next seq in the same transaction as its insert, the room's connections get
 * it in seq order with the messages, and a joiner either replays it or receives it live, never both or neither.
 * The call waits for the lock (a room's writer holds it for one batch) but never for a plugin.
 */
@ApplicationScoped
public class RoomPublisher {

    /**
     * A system event to append.
     *
     * @param pluginId the publishing plugin
     * @param source   how its source is shown, e.g. "the Film module" (at most 80 characters)
     * @param event    its type, e.g. {@code track-changed}
     * @param payload  its payload, a JSON object as text
     * @param text     the module's plain message, or null
     * @param html     the text rendered to safe HTML, or null; set by {@link #withText}
     */
    public record SystemPost(String pluginId, String source, String event, String payload, String text, String html) {

        /** An event without a text. */
        public static SystemPost event(String pluginId, String source, String event, String payload) {
            return new SystemPost(pluginId, source, event, payload, null, null);
        }

        /** The same post carrying the module's plain message, rendered like a person's (safe HTML). */
        public SystemPost withText(String message) {
            return new SystemPost(pluginId, source, event, payload, message, MessageRenderer.html(message));
        }
    }

    @Inject
    private LiveEngine engine;

    @Inject
    private PluginRoomAccess service;

    /**
     * Appends the event to the room's log and queues it to everyone in the room.
     *
     * @param kinds the room kinds of the publishing plugin
     * @return the event's seq
     * @throws LiveException {@code not-found}: no room of those kinds; {@code forbidden}: the room is archived
     */
    public long publish(long roomId, Set<String> kinds, SystemPost post) {
        RoomHub hub = engine.hub(roomId);
        hub.lock.lock();
        try {
            RoomEvent e = service.system(roomId, kinds, post);
            engine.feed().committed(hub, java.util.List.of(e));
            return e.seq();
        } finally {
            hub.lock.unlock();
        }
    }

    /**
     * Queues a {@code plugin.event} frame (marked {@code "private": true}) to each connection of one person in the
     * room, to no one else; nothing is stored.
     *
     * @param kind the room's kind, as in every plugin frame
     * @return how many connections it was queued to
     */
    public int sendTo(long roomId, String kind, long accountId, String event, JsonObject payload) {
        RoomHub hub = engine.existingHub(roomId);
        return hub == null ? 0 : hub.sendTo(accountId, Frames.privateEvent(roomId, kind, event, payload));
    }
}
