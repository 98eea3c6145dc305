package org.creativecities.plugins.film;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.creativecities.plugin.api.PluginSettings;
import org.creativecities.plugin.api.PluginStorage;
import org.creativecities.plugin.api.StorageConflictException;
import org.creativecities.plugin.api.StoredEntry;
import org.creativecities.plugin.api.room.ActionResult;
import org.creativecities.plugin.api.room.Actor;
import org.creativecities.plugin.api.room.RoomAction;
import org.creativecities.plugin.api.room.RoomContext;
import org.creativecities.plugin.api.room.RoomEvent;
import org.creativecities.plugin.api.room.RoomKind;
import org.creativecities.plugin.api.room.RoomService;
import org.creativecities.plugin.api.room.RoomState;

/**
 * The {@code watch-party} room kind: synchronised playback of a film, driven by the host.
 *
 * <p><b>Actions</b> (payloads in brackets): {@code play}, {@code pause}, {@code seek} {@code {positionMs}},
 * {@code hand-over} {@code {accountId}} (host only; others get {@code not-host}) and {@code sync}
 * {@code {positionMs}} (anyone: a client reports its player's position and, if it is further than the
 * {@code max-drift-ms} setting from the party's, gets a {@code resync} reply with the position to jump to).
 *
 * <p><b>State</b> clients see: {@code {"host", "playing", "positionMs", "at", "durationMs", "rate", "ended"}}
 * where {@code positionMs} is the position at the server instant {@code at}; a player adds the time elapsed
 * since {@code at} while {@code playing}. A party opened from a screening also shows the film:
 * {@code "screening"}, {@code "title"} and {@code "videoUrl"} (null when the screening has none), copied when
 * the room opens.
 *
 * <p><b>Persistence.</b> The {@link Playback} is stored in the room's storage scope under {@code playback}
 * and written with compare-and-set before the result returns, so a restart resumes the party where it was:
 * the position is recomputed from the stored instant. Opened from a screening (creation attribute
 * {@code screening}), the room's id is recorded on the screening; closing the room marks the link closed.
 *
 * <p>Thread-safe and stateless apart from storage; the engine serialises calls per room.
 */
public final class WatchParty implements RoomKind {

    /** This kind's id. */
    public static final String ID = Screening.ROOM_KIND;

    private static final String KEY = "playback";

    private final PluginStorage storage;
    private final Screenings screenings;
    private final Function<Optional<String>, PluginSettings> settings;
    private volatile RoomService rooms;

    /**
     * @param storage    the plugin's storage
     * @param screenings the screenings, to link a party to the screening it was opened from
     * @param settings   the settings that apply in a city (or network-wide for an empty city)
     */
    public WatchParty(PluginStorage storage, Screenings screenings,
                      Function<Optional<String>, PluginSettings> settings) {
        this.storage = storage;
        this.screenings = screenings;
        this.settings = settings;
    }

    @Override
    public String id() {
        return ID;
    }

    /** Keeps the engine's room services (API 1.3), for the routes' questions of who may read a party. */
    @Override
    public void attached(RoomService services) {
        this.rooms = services;
    }

    /** The engine's room services, once the engine attached them (never in a unit test without an engine). */
    public Optional<RoomService> rooms() {
        return Optional.ofNullable(rooms);
    }

    @Override
    public Set<String> actionTypes() {
        return Set.of("play", "pause", "seek", "hand-over", "sync");
    }

    @Override
    public ActionResult open(RoomContext room, Actor creator) {
        Instant now = room.clock().instant();
        Optional<StoredEntry> existing = storage.get(room.storageScope(), KEY);
        if (existing.isPresent()) {
            return ActionResult.changed(view(parse(existing.get()), film(existing.get()), now));
        }
        JsonValue duration = room.attributes().getOrDefault("durationMs", JsonValue.NULL);
        long durationMs = duration.getValueType() == JsonValue.ValueType.NUMBER
                ? Math.max(0, room.attributes().getJsonNumber("durationMs").longValue()) : 0;
        Optional<String> screeningId = screeningId(room);
        JsonObject film = JsonValue.EMPTY_JSON_OBJECT;
        if (screeningId.isPresent()) {
            if (room.citySlug().isEmpty()) {
                return ActionResult.rejected("unknown-screening", "Screenings belong to a city's rooms.");
            }
            String city = room.citySlug().get();
            Optional<Screening> screening = screenings.find(city, screeningId.get());
            if (screening.isEmpty()) {
                return ActionResult.rejected("unknown-screening", "No screening " + screeningId.get() + " in "
                        + city + ".");
            }
            Optional<Screening.WatchPartyLink> link = screening.get().watchParty();
            if (link.isPresent() && link.get().status().equals("open")) {
                return ActionResult.rejected("already-open", "The screening's watch party is room "
                        + link.get().roomId() + ".");
            }
            durationMs = screening.get().durationMs();
            film = film(screening.get());
            screenings.update(city, screeningId.get(), s -> s.withWatchParty(new Screening.WatchPartyLink("open",
                    room.roomId(),
                    s.watchParty().map(Screening.WatchPartyLink::requestedBy).orElse(creator.accountId()),
                    s.watchParty().map(Screening.WatchPartyLink::requestedAt).orElse(now.toString()))));
        }
        Playback playback = Playback.start(creator.accountId(), durationMs, now);
        storage.compareAndSet(room.storageScope(), KEY, 0, toJson(playback, film).toString(), null);
        return ActionResult.changed(view(playback, film, now));
    }

    @Override
    public ActionResult handle(RoomContext room, Actor actor, RoomAction action) {
        Instant now = room.clock().instant();
        Optional<StoredEntry> entry = storage.get(room.storageScope(), KEY);
        if (entry.isEmpty()) {
            return ActionResult.rejected("not-open", "This watch party has no playback state.");
        }
        Playback before = parse(entry.get());
        JsonObject film = film(entry.get());
        long who = actor.accountId();
        try {
            Playback after;
            switch (action.type()) {
                case "play" -> after = before.play(who, now);
                case "pause" -> after = before.pause(who, now);
                case "seek" -> after = before.seek(who, position(action), now);
                case "hand-over" -> after = before.handOver(who, action.longArg("accountId").orElseThrow(() ->
                        new PlaybackRefused("bad-host", "'accountId' must be a whole number.")), now);
                case "sync" -> {
                    return sync(room, before, film, position(action), now);
                }
                default -> {
                    return ActionResult.rejected("unknown-action", "A watch party does not know '"
                            + action.type() + "'.");
                }
            }
            if (after.equals(before)) {
                return ActionResult.unchanged();
            }
            storage.compareAndSet(room.storageScope(), KEY, entry.get().version(), toJson(after, film).toString(),
                    null);
            ActionResult.Applied result = ActionResult.changed(view(after, film, now));
            if (after.hostId() != before.hostId()) {
                result = result.andBroadcast(new RoomEvent("host-changed", Json.createObjectBuilder()
                        .add("from", before.hostId()).add("to", after.hostId()).build()));
            }
            return result;
        } catch (PlaybackRefused e) {
            return ActionResult.rejected(e.code(), e.getMessage());
        } catch (StorageConflictException e) {
            return ActionResult.rejected("conflict", "The playback changed meanwhile; try again.");
        }
    }

    private ActionResult sync(RoomContext room, Playback playback, JsonObject film, long reportedMs, Instant now) {
        long maxDrift = settings.apply(room.citySlug()).getInteger(FilmModule.MAX_DRIFT_MS);
        if (!playback.needsResync(reportedMs, now, maxDrift)) {
            return ActionResult.unchanged();
        }
        JsonObject resync = Json.createObjectBuilder(view(playback, film, now).value())
                .add("driftMs", playback.driftMs(reportedMs, now)).add("maxDriftMs", maxDrift).build();
        return ActionResult.unchanged().andReply(new RoomEvent("resync", resync));
    }

    @Override
    public RoomState snapshot(RoomContext room, Instant now) {
        return storage.get(room.storageScope(), KEY).map(e -> view(parse(e), film(e), now))
                .orElseGet(() -> new RoomState(Json.createObjectBuilder().add("open", false).build()));
    }

    @Override
    public void close(RoomContext room) {
        storage.delete(room.storageScope(), KEY);
        Optional<String> screeningId = screeningId(room);
        if (screeningId.isPresent() && room.citySlug().isPresent()) {
            screenings.update(room.citySlug().get(), screeningId.get(), s -> s.watchParty()
                    .filter(l -> l.roomId().equals(room.roomId()))
                    .map(l -> s.withWatchParty(new Screening.WatchPartyLink("closed", l.roomId(), l.requestedBy(),
                            l.requestedAt())))
                    .orElse(s));
        }
    }

    /** The screening the room was opened from: the creation attribute {@code screening}, if it is a string. */
    private static Optional<String> screeningId(RoomContext room) {
        return Optional.ofNullable(room.attributes().get("screening"))
                .filter(v -> v.getValueType() == JsonValue.ValueType.STRING)
                .map(v -> room.attributes().getString("screening"));
    }

    /** What clients see of a playback at an instant. */
    static RoomState view(Playback p, Instant now) {
        return view(p, JsonValue.EMPTY_JSON_OBJECT, now);
    }

    /** What clients see of a playback at an instant, with the film it shows (empty when not from a screening). */
    static RoomState view(Playback p, JsonObject film, Instant now) {
        return new RoomState(Json.createObjectBuilder(film).add("open", true).add("host", p.hostId())
                .add("playing", p.playing() && !p.endedAt(now)).add("positionMs", p.positionAt(now))
                .add("at", now.toString()).add("durationMs", p.durationMs()).add("rate", Playback.RATE)
                .add("ended", p.endedAt(now)).build());
    }

    /** The film of a screening, as the party's state shows it. */
    static JsonObject film(Screening s) {
        return Json.createObjectBuilder().add("screening", s.id()).add("title", s.title())
                .add("videoUrl", s.videoUrl().isEmpty() ? JsonValue.NULL : Json.createValue(s.videoUrl())).build();
    }

    static JsonObject toJson(Playback p) {
        return toJson(p, JsonValue.EMPTY_JSON_OBJECT);
    }

    static JsonObject toJson(Playback p, JsonObject film) {
        return Json.createObjectBuilder().add("host", p.hostId()).add("playing", p.playing())
                .add("positionMs", p.positionMs()).add("since", p.since().toString())
                .add("durationMs", p.durationMs()).add("film", film).build();
    }

    /** The film stored with a playback (empty for parties stored before films were kept, or not from a screening). */
    private static JsonObject film(StoredEntry entry) {
        try (var reader = Json.createReader(new StringReader(entry.value()))) {
            JsonObject o = reader.readObject();
            return o.get("film") instanceof JsonObject f ? f : JsonValue.EMPTY_JSON_OBJECT;
        }
    }

    static Playback fromJson(JsonObject o) {
        return new Playback(o.getJsonNumber("host").longValue(), o.getBoolean("playing"),
                o.getJsonNumber("positionMs").longValue(), Instant.parse(o.getString("since")),
                o.getJsonNumber("durationMs").longValue());
    }

    private static Playback parse(StoredEntry entry) {
        try (var reader = Json.createReader(new StringReader(entry.value()))) {
            return fromJson(reader.readObject());
        }
    }

    private static long position(RoomAction action) {
        return action.longArg("positionMs").orElseThrow(() ->
                new PlaybackRefused("bad-position", "'positionMs' must be a whole number of milliseconds."));
    }
}
