package org.creativecities.core.live;

import jakarta.json.JsonObject;

/**
 * An extension point of the live engine: a bounded context outside the core (co-editing of works, in
 * {@code modules/works}) that handles its own frame types on the one {@code /ws} endpoint, without the core depending
 * on it. Implement it as an application-scoped CDI bean; the engine finds every implementation at start
 * ({@code Instance<LiveExtension>}).
 *
 * <p>The engine routes to the extension every client frame whose {@code type} starts with {@link #typePrefix()}
 * (e.g. {@code "doc."}), after the same checks as a room's frames, in the same order: the connection was
 * authenticated and its origin checked at the handshake; the frame's size was capped at the socket (close 1009); the
 * extension's rate limits ({@link #framesPerMinute()}, {@link #accountFramesPerMinute()}; visitors share the
 * visitors' limit of rooms) were applied before parsing; its nesting and numbers were checked; it is one JSON object
 * with a string {@code type}. Everything else (fields, authorisation on every frame) is the extension's job. Frames of
 * rooms never reach an extension and never wait for one.
 *
 * <p>{@link #frame} runs on the thread that read the frame; it answers through {@link LivePeer#send} and fans out
 * through {@link LiveGroup}s, both of which only queue (never block). A refusal is thrown as a {@link LiveRefusal}
 * (or a {@link LiveException}): the engine answers it with an {@code error} frame echoing the frame's {@code id}.
 */
public interface LiveExtension {

    /** The prefix of the frame types this extension handles; ends with a '.', and names no other extension's. */
    String typePrefix();

    /** Frames of this extension one connection may send per minute (a token bucket, apart from rooms' frames). */
    int framesPerMinute();

    /** Frames of this extension one account may send per minute over all its connections. */
    int accountFramesPerMinute();

    /**
     * One frame of this extension, parsed and checked as the type documentation says.
     *
     * @param peer  the connection that sent it
     * @param frame the whole frame; its {@code type} starts with {@link #typePrefix()}
     * @throws LiveRefusal to answer with an error frame
     */
    void frame(LivePeer peer, JsonObject frame);

    /**
     * The connection is gone (closed, its session ended, or closed as a slow consumer) after it sent this extension
     * at least one frame: forget it and tell the others. Called once, on any thread.
     */
    void disconnected(LivePeer peer);
}
