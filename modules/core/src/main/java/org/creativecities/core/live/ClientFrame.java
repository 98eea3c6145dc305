package org.creativecities.core.live;

import jakarta.json.JsonObject;

/**
 * One frame a client sent, decoded and checked against the protocol's limits ({@link FrameDecoder}); each kind is a
 * record of the fields docs/protocol.md gives it. {@link #id()} is the client's frame id (echoed in the answer, may
 * be null) and {@link #room()} the room it concerns.
 */
sealed interface ClientFrame {

    String id();

    long room();

    /** Join a room; {@code since}: the last seq the client saw, if any. */
    record Join(String id, long room, Long since) implements ClientFrame {
    }

    /** Leave a room. */
    record Leave(String id, long room) implements ClientFrame {
    }

    /** Post a message; {@code replyTo}: the seq of the message answered, if any. */
    record Post(String id, long room, String clientMessageId, String text, Long replyTo) implements ClientFrame {
    }

    /** Edit one's message {@code target}. */
    record Edit(String id, long room, long target, String text) implements ClientFrame {
    }

    /** Delete message {@code target}. */
    record Delete(String id, long room, long target) implements ClientFrame {
    }

    /** Add or remove a reaction to message {@code target}. */
    record React(String id, long room, long target, String emoji, boolean add) implements ClientFrame {
    }

    /** The sender is typing. */
    record Typing(String id, long room) implements ClientFrame {
    }

    /** An action for the room's kind (a plugin), which reads the whole frame. */
    record Action(String id, long room, JsonObject frame) implements ClientFrame {
    }
}
