package org.creativecities.plugins.music;

import jakarta.json.Json;
import java.io.StringReader;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.creativecities.plugin.api.timer.DurableTimer;
import org.creativecities.plugin.api.timer.PluginTimers;
import org.creativecities.plugin.api.timer.TimerLimitException;

/**
 * One durable timer per listening room that is playing, due when its track ends ({@code track-end:<roomId>},
 * payload {@code {"room": roomId}}): when it fires, the room advances to the next track and announces it. Durable,
 * so that a track that ends while the server restarts still gives way to the next one after the start.
 *
 * <p>The timer only announces: the room's state at any instant already follows from the clock
 * ({@link Listening#at}), so a late or missed timer never puts anyone out of step, and a timer refused because the
 * plugin has as many as it may ({@link TimerLimitException}) only delays the announcement until the next action.
 */
final class TrackTimers {

    private static final String PREFIX = "track-end:";

    private final Supplier<PluginTimers> timers;
    private final Logger log;

    TrackTimers(Supplier<PluginTimers> timers, Logger log) {
        this.timers = timers;
        this.log = log;
    }

    /** Sets the room's timer for the end of the track now playing, or removes it when the room is idle. */
    void follow(String roomId, Listening state) {
        if (state.playing() == null) {
            cancel(roomId);
            return;
        }
        try {
            timers.get().scheduleDurable(PREFIX + roomId, state.playing().endsAt(),
                    Json.createObjectBuilder().add("room", roomId).build().toString());
        } catch (TimerLimitException e) {
            log.log(Level.WARNING, "No timer for the end of the track in room {0}: {1}",
                    new Object[] {roomId, e.getMessage()});
        }
    }

    /** The room a fired timer is about. */
    static String roomOf(DurableTimer timer) {
        try (var reader = Json.createReader(new StringReader(timer.payload()))) {
            return reader.readObject().getString("room");
        }
    }

    void cancel(String roomId) {
        timers.get().cancelDurable(PREFIX + roomId);
    }
}
