package org.creativecities.plugins.music;

import jakarta.json.Json;
import jakarta.json.JsonString;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.creativecities.plugin.api.PluginSettings;
import org.creativecities.plugin.api.PluginStorage;
import org.creativecities.plugin.api.StorageConflictException;
import org.creativecities.plugin.api.StorageScope;
import org.creativecities.plugin.api.StoredEntry;
import org.creativecities.plugin.api.room.ActionResult;
import org.creativecities.plugin.api.room.Actor;
import org.creativecities.plugin.api.room.RoomAction;
import org.creativecities.plugin.api.room.RoomContext;
import org.creativecities.plugin.api.room.RoomEvent;
import org.creativecities.plugin.api.room.RoomKind;
import org.creativecities.plugin.api.room.RoomService;
import org.creativecities.plugin.api.room.RoomServiceException;
import org.creativecities.plugin.api.room.RoomState;

/**
 * The {@code listening-room} room kind: a shared queue of tracks that everyone hears in step.
 *
 * <p><b>Actions</b> (payloads in brackets): {@code add} {@code {title, url | mediaId, durationMs}} and
 * {@code vote} {@code {trackId}} for anyone who may act in the room; {@code skip}, {@code move}
 * {@code {trackId, index}} and {@code remove} {@code {trackId}} for the host (the room's creator, or anyone who
 * moderates it; others get {@code not-host}). Refusals: {@code bad-title}, {@code bad-source}, {@code bad-url},
 * {@code host-not-allowed}, {@code unknown-file}, {@code not-audio}, {@code bad-duration}, {@code queue-full},
 * {@code bad-track}, {@code unknown-track}, {@code already-voted}, {@code bad-index}, {@code nothing-playing},
 * {@code conflict}.
 *
 * <p><b>State</b> clients see: {@link ListeningJson#view}. When a track ends, the next one starts by itself: a
 * durable timer ({@link TrackTimers}) stores the change and publishes the system event {@code track-started}
 * (or {@code queue-ended} when nothing is left), payload {@link ListeningJson#advanced}.
 *
 * <p><b>Persistence.</b> The {@link Listening} is stored in the room's storage scope under {@code listening}, written
 * with compare-and-set before an action's result returns, so a restart loses nothing acknowledged; positions are
 * computed from the stored start instants. Thread-safe; the engine serialises calls per room, and the timer's
 * writes are compare-and-set too.
 */
public final class ListeningRoom implements RoomKind {

    /** This kind's id. */
    public static final String ID = "listening-room";

    static final String KEY = "listening";

    /** How many times a write that lost a race with another writer of the room's state is tried. */
    private static final int WRITE_ATTEMPTS = 3;

    private static final Logger LOG = Logger.getLogger("ccc.plugin.music");

    private final PluginStorage storage;
    private final TrackSources sources;
    private final TrackTimers timers;
    private final Function<Optional<String>, PluginSettings> settings;
    private final Clock clock;
    private volatile RoomService rooms;

    ListeningRoom(PluginStorage storage, TrackSources sources, TrackTimers timers,
                  Function<Optional<String>, PluginSettings> settings, Clock clock) {
        this.storage = storage;
        this.sources = sources;
        this.timers = timers;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void attached(RoomService services) {
        this.rooms = services;
    }

    @Override
    public Set<String> actionTypes() {
        return Set.of("add", "vote", "move", "remove", "skip");
    }

    @Override
    public ActionResult open(RoomContext room, Actor creator) {
        Instant now = room.clock().instant();
        Optional<StoredEntry> existing = storage.get(room.storageScope(), KEY);
        if (existing.isPresent()) {
            return ActionResult.changed(view(ListeningJson.parse(existing.get().value()).at(now), now));
        }
        Listening fresh = Listening.start(creator.accountId());
        storage.compareAndSet(room.storageScope(), KEY, 0, ListeningJson.store(fresh), null);
        return ActionResult.changed(view(fresh, now));
    }

    /**
     * Applies one action. The track-end timer writes the state outside the engine's per-room queue, so a write that
     * finds the state changed since it was read is tried again on the new state (a few times) rather than refused.
     */
    @Override
    public ActionResult handle(RoomContext room, Actor actor, RoomAction action) {
        for (int attempt = 1; ; attempt++) {
            try {
                return attempt(room, actor, action);
            } catch (QueueRefused e) {
                return ActionResult.rejected(e.code(), e.getMessage());
            } catch (StorageConflictException e) {
                if (attempt == WRITE_ATTEMPTS) {
                    return ActionResult.rejected("conflict", "The queue changed meanwhile; try again.");
                }
            }
        }
    }

    private ActionResult attempt(RoomContext room, Actor actor, RoomAction action) {
        Instant now = room.clock().instant();
        Optional<StoredEntry> entry = storage.get(room.storageScope(), KEY);
        if (entry.isEmpty()) {
            return ActionResult.rejected("not-open", "This listening room has no queue.");
        }
        Listening before = ListeningJson.parse(entry.get().value());
        boolean host = actor.moderates() || actor.accountId() == before.hostId();
        Listening after = switch (action.type()) {
            case "add" -> {
                TrackSources.Source s = sources.check(room.citySlug(), action.payload());
                int maxQueue = (int) settings.apply(room.citySlug()).getInteger(MusicModule.MAX_QUEUE);
                yield before.add(actor.accountId(), s.title(), s.url(), s.mediaId(), s.durationMs(), maxQueue, now);
            }
            case "vote" -> before.vote(actor.accountId(), trackId(action), now);
            case "move" -> before.move(host, trackId(action), action.longArg("index").orElseThrow(() ->
                    new QueueRefused("bad-index", "'index' must be a whole number (0: next).")), now);
            case "remove" -> before.remove(host, trackId(action), now);
            case "skip" -> before.skip(host, now);
            default -> throw new QueueRefused("unknown-action", "A listening room does not know '"
                    + action.type() + "'.");
        };
        if (after.equals(before)) {
            return ActionResult.unchanged();
        }
        storage.compareAndSet(room.storageScope(), KEY, entry.get().version(), ListeningJson.store(after), null);
        if (after.plays() != before.plays() || (after.playing() == null) != (before.playing() == null)) {
            timers.follow(room.roomId(), after);
        }
        return ActionResult.changed(view(after, now));
    }

    @Override
    public RoomState snapshot(RoomContext room, Instant now) {
        return storage.get(room.storageScope(), KEY).map(e -> view(ListeningJson.parse(e.value()).at(now), now))
                .orElseGet(() -> new RoomState(Json.createObjectBuilder().add("open", false).build()));
    }

    @Override
    public void close(RoomContext room) {
        timers.cancel(room.roomId());
        storage.delete(room.storageScope(), KEY);
    }

    /**
     * The room's timer fired: stores the state the clock has brought (the next track playing, or none), sets the
     * timer for the end of that track and announces the change in the room. Idempotent: a second delivery finds
     * nothing to change. A room that is gone (closed) is left alone.
     */
    void advance(String roomId) {
        StorageScope scope = StorageScope.room(roomId);
        for (int attempt = 0; attempt < WRITE_ATTEMPTS; attempt++) {
            Optional<StoredEntry> entry = storage.get(scope, KEY);
            if (entry.isEmpty()) {
                return;
            }
            Instant now = clock.instant();
            Listening stored = ListeningJson.parse(entry.get().value());
            Listening current = stored.at(now);
            if (current.equals(stored)) {
                timers.follow(roomId, current);
                return;
            }
            try {
                storage.compareAndSet(scope, KEY, entry.get().version(), ListeningJson.store(current), null);
            } catch (StorageConflictException e) {
                continue;
            }
            timers.follow(roomId, current);
            announce(roomId, current, now);
            return;
        }
    }

    private void announce(String roomId, Listening current, Instant now) {
        RoomService services = rooms;
        if (services == null) {
            return;
        }
        String event = current.playing() == null ? "queue-ended" : "track-started";
        try {
            services.publish(roomId, new RoomEvent(event, ListeningJson.advanced(current, now)));
        } catch (RoomServiceException e) {
            LOG.log(Level.INFO, "Could not announce the next track in room {0}: {1}",
                    new Object[] {roomId, e.getMessage()});
        }
    }

    private static RoomState view(Listening s, Instant now) {
        return new RoomState(ListeningJson.view(s, now));
    }

    private static String trackId(RoomAction action) {
        if (action.payload().get("trackId") instanceof JsonString s && !s.getString().isBlank()) {
            return s.getString();
        }
        throw new QueueRefused("bad-track", "'trackId' must name a track of the queue, e.g. \"t3\".");
    }
}
