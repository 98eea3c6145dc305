package org.creativecities.plugin.api.room;

import java.util.Locale;
import java.util.Objects;

/**
 * A {@link RoomService} call the engine refused; {@link #reason()} says why, the message says it for people.
 *
 * @since 1.3.0
 */
public class RoomServiceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a call was refused. */
    public enum Reason {
        /** No such room, or a room of a kind this plugin does not provide. */
        NOT_OWNED,
        /** The room is archived: it takes no new events. */
        ARCHIVED,
        /** The payload or the text is over its limit, or the text is blank. */
        TOO_LARGE,
        /** The room took its {@link RoomService#MAX_PER_MINUTE} events from the plugin; it refills steadily. */
        RATE_LIMITED,
        /**
         * A room could not be created or archived for the person the plugin acts for: no such city or person, they
         * may not manage rooms there, the kind is not enabled in the city, or the kind's {@code open} refused it
         * (since 1.3.0, {@link RoomService#create}).
         */
        REFUSED,
        /**
         * The plugin is not on where the room is now: switched off by an administrator in the room's city (for a
         * network space: not network-wide), or suspended there after repeated failures. The room takes nothing from
         * the plugin (no event, no frame) until it is on there again; what was refused is not delivered later.
         */
        UNAVAILABLE;

        /** The reason as lower-case words joined by dashes, e.g. {@code not-owned}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Reason reason;

    public RoomServiceException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
