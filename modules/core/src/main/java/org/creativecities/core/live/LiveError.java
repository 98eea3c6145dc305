package org.creativecities.core.live;

import java.util.Locale;

/**
 * The engine's reasons for refusing a frame: each becomes an {@code error} frame with its {@link #code()} (the
 * table in docs/protocol.md). A room kind's own refusals (a plugin's codes) are not listed here: they pass through
 * as the plugin named them.
 */
public enum LiveError {
    /** Not a JSON object, no or unknown {@code type}, a missing or mistyped field. */
    BAD_FRAME,
    /** The frame nests deeper than the limit; refused before parsing. */
    TOO_DEEP,
    /** A number literal too long, with too large an exponent, or out of range. */
    BAD_NUMBER,
    /** Too many frames; the frame was dropped. */
    RATE_LIMITED,
    /** A visitor asked for what needs an account. */
    UNAUTHORIZED,
    /** No such room or message, or one the caller cannot read. */
    NOT_FOUND,
    /** The connection has not joined the room. */
    NOT_JOINED,
    /** Not allowed: not a member, room locked or archived, not one's own message. */
    FORBIDDEN,
    /** The text is longer than a message may be. */
    TOO_LONG,
    /** The room's slow mode. */
    SLOW_MODE,
    /** A plugin's message hook refused the message. */
    VETOED,
    /** The room's kind takes no actions. */
    UNSUPPORTED_KIND,
    /**
     * The room's kind is not available where the room is now: its plugin is switched off in the room's city (or, for
     * a network space, not network-wide) or suspended there. The room works as a plain room.
     */
    KIND_UNAVAILABLE,
    /** The room's plugin failed or did not answer in time. */
    PLUGIN_FAILED,
    /** The caller lost the right to read a room it had joined. */
    ACCESS_REVOKED,
    /** A moderator removed the caller from the room. */
    KICKED,
    /** A moderator banned the caller. */
    BANNED,
    /** The room was deleted; the connection is no longer in it. */
    ROOM_DELETED,
    /** The room opens later (an online event's room, shortly before the event); the reason says when. */
    NOT_OPEN,
    /** The server failed; the client may retry. */
    INTERNAL;

    /** The code on the wire: the name in lower case, words joined by '-'. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
