package org.creativecities.plugin.api.room;

import java.util.List;
import java.util.Optional;
import org.creativecities.plugin.api.http.RequestCaller;

/**
 * The live-room engine's services for a plugin's own rooms (the rooms of the kinds it provides): publishing into
 * them, sending a frame to one person, and asking who may read them. The engine hands it to each kind once per
 * start of the plugin ({@link RoomKind#attached}) and with every call ({@link RoomContext#rooms()}); a plugin
 * may keep it and use it from any thread (a timer, an HTTP route) until {@code stop}.
 *
 * <p><b>Publishing</b> ({@link #publish}, {@link #say}) appends a <em>system event</em> to the room's log: it takes
 * the room's next sequence number, is stored and delivered in order with the room's messages, and a client that
 * resumes gets it replayed like any other event. Its frame is
 * {@code {"type":"system","room":…,"seq":…,"source":{"plugin":…,"name":"the Film module"},"event":…,
 * "payload":{…},"createdAt":…}}, with {@code text} and {@code html} (safe HTML) for {@link #say}. Its source is the
 * module, never a person. A call returns once the event is stored and queued to the room's connections.
 *
 * <p><b>Limits.</b> A payload is at most {@link #MAX_PAYLOAD_CHARS} characters of JSON, a text at most
 * {@link #MAX_TEXT} characters; each room takes a burst of at most {@link #MAX_PER_MINUTE} system events from the
 * plugin (published and said together), refilled steadily at that many a minute. Frames to one person
 * ({@link #sendTo}) are not sequenced, not stored and not counted against that limit.
 *
 * <p><b>Errors.</b> Publishing and sending need {@link org.creativecities.plugin.api.Permission#ROOMS_WRITE}
 * ({@link org.creativecities.plugin.api.PluginPermissionException} otherwise). Every method refuses a room that
 * does not exist or is not of one of the plugin's kinds, and publishing refuses an archived room, a payload or
 * text over the limits and a room over its rate, each with a {@link RoomServiceException} and its
 * {@link RoomServiceException.Reason}.
 *
 * <p>Thread-safe. A call never runs the plugin's code and never waits for the room's kind, so a kind may call it
 * from inside {@link RoomKind#handle} and the lifecycle callbacks.
 *
 * @since 1.3.0
 */
public interface RoomService {

    /** Longest payload of a system event or of a frame to one person, as JSON text, in characters. */
    int MAX_PAYLOAD_CHARS = 8192;

    /** Longest text of {@link #say}, in characters. */
    int MAX_TEXT = 2000;

    /** Most system events one plugin publishes into one room at once; refilled at this many a minute. */
    int MAX_PER_MINUTE = 60;

    /**
     * Most rooms {@link #list} returns: the newest this many rooms the caller may read.
     *
     * @since 1.3.0
     */
    int MAX_LISTED = 200;

    /**
     * Appends a system event to the room's log and delivers it to everyone in the room, e.g.
     * {@code track-changed {"index":3,"of":12}}.
     *
     * @return the event's sequence number in the room
     * @throws RoomServiceException when the room is not the plugin's, archived, over its rate, or the payload is
     *                              too large
     */
    long publish(String roomId, RoomEvent event);

    /**
     * Appends a plain message from the module itself (shown as "the {@code <module name>} module", never as a
     * person) to the room's log: a system event {@code message} with the text and its safe HTML rendering.
     *
     * @return its sequence number in the room
     * @throws RoomServiceException as {@link #publish}, and for a blank text or one over {@link #MAX_TEXT}
     */
    long say(String roomId, String text);

    /**
     * Sends a {@code plugin.event} frame to one person only: to each of their connections that is in the room now,
     * never to anyone else. Not sequenced and not stored: a connection that joins later does not get it, so a kind
     * sends what a person must see again from {@link RoomKind#joined}, which the engine calls on every join of the
     * person's connections, resumes included.
     *
     * @return how many of the person's connections it was queued to (0 when they are not in the room)
     */
    int sendTo(String roomId, long accountId, RoomEvent event);

    /** Whether only the members of the room's space may read the room (its space is members-only). */
    boolean membersOnly(String roomId);

    /**
     * Whether this caller (empty: a visitor) may read the room now, by the same rule the core applies to the
     * room's own pages and frames. A route that shows a room, or lists rooms, asks this for its caller.
     */
    boolean mayRead(String roomId, Optional<RequestCaller> caller);

    /**
     * The plugin's rooms of one kind (in one city, or everywhere) that this caller may read now, newest first, at most
     * {@link #MAX_LISTED}: the listing a route shows its caller. It applies {@link #mayRead}'s rule to every room, so
     * a members-only room is never listed to a visitor or a non-member. There is no listing that skips the rule: a
     * plugin that must find its rooms for itself keeps their ids in its storage. Archived rooms are listed, marked
     * {@link ListedRoom#archived()}. Needs no permission.
     *
     * @param kindId   one of the plugin's room kinds
     * @param citySlug a city to list the rooms of, or empty for all of them (network spaces included)
     * @param caller   the caller of the route ({@code request.caller()}); empty for a visitor
     * @throws RoomServiceException {@code NOT_OWNED} for a kind the plugin does not provide
     * @since 1.3.0
     */
    default List<ListedRoom> list(String kindId, Optional<String> citySlug, Optional<RequestCaller> caller) {
        throw new UnsupportedOperationException("This host cannot list rooms for plugins.");
    }

    /**
     * Creates a room of one of the plugin's kinds in a city's community space (a room per screening, per tasting),
     * as the person the plugin acts for: with exactly their rights, so a plugin can create a room only where that
     * person could (a coordinator of the city, an administrator), and the kind's {@code open} is called as for any
     * room. Needs {@link org.creativecities.plugin.api.Permission#ROOMS_CREATE}.
     *
     * @param citySlug   the city, e.g. {@code lyon}
     * @param kindId     one of the plugin's room kinds
     * @param name       the room's name, 1 to 120 characters
     * @param attributes the creation attributes handed to {@code open} (at most 4000 characters of JSON), or null
     * @param onBehalfOf the account the plugin acts for, usually the caller of its route or the creator of a room
     * @return the new room's id
     * @throws RoomServiceException {@code REFUSED} with the core's reason, {@code NOT_OWNED} for another's kind
     * @since 1.3.0
     */
    default String create(String citySlug, String kindId, String name, jakarta.json.JsonObject attributes,
                          long onBehalfOf) {
        throw new UnsupportedOperationException("This host cannot create rooms for plugins.");
    }

    /**
     * Archives a room of one of the plugin's kinds, as the person the plugin acts for (who must be allowed to manage
     * the room: its city's coordinators, administrators); the kind's {@code close} and {@code archived} follow. For
     * an automatic end (a timer), act for the room's creator. Needs
     * {@link org.creativecities.plugin.api.Permission#ROOMS_CREATE}.
     *
     * @throws RoomServiceException {@code REFUSED} with the core's reason, {@code NOT_OWNED} for another's room
     * @since 1.3.0
     */
    default void archive(String roomId, long onBehalfOf) {
        throw new UnsupportedOperationException("This host cannot archive rooms for plugins.");
    }
}
