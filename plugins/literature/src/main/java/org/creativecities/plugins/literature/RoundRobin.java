package org.creativecities.plugins.literature;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
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
import org.creativecities.plugin.api.timer.PluginTimers;
import org.creativecities.plugin.api.timer.TimerLimitException;
import org.creativecities.plugin.api.work.PluginWork;
import org.creativecities.plugin.api.work.PluginWorkException;
import org.creativecities.plugin.api.work.PluginWorks;

/**
 * The {@code round-robin} room kind: a story written in turns. Only the one whose turn it is writes; what they write
 * is appended to the story's {@code text} work (created by the host's {@code start}, through {@link PluginWorks}) as a
 * new version authored by them, so the story is versioned, exportable and forkable like any work. A turn lasts the
 * city's {@code turn-seconds} setting; a durable timer named {@code turn:<roomId>} passes it to the next participant
 * when the time is up, even across a restart, and publishes the system event {@code turn-timed-out}.
 *
 * <p><b>Actions</b>: {@code join-rota}, {@code leave-rota}, {@code start} (host), {@code write {text}} and
 * {@code pass} (the one whose turn it is; others get {@code not-your-turn}), {@code end} (host).
 *
 * <p><b>Storage</b> (room scope): {@code story} ({@link Story}, the room's city and host), written with
 * compare-and-set.
 */
public final class RoundRobin implements RoomKind {

    /** This kind's id. */
    public static final String ID = "round-robin";

    private static final String KEY = "story";

    private final PluginStorage storage;
    private final PluginWorks works;
    private final PluginTimers timers;
    private final Function<String, PluginSettings> settings;
    private final Logger log;
    private volatile RoomService rooms;

    /**
     * @param storage  the plugin's storage
     * @param works    the works the stories are written into
     * @param timers   the plugin's timers, for each turn's durable time-out
     * @param settings the settings that apply in a city ("" for network-wide)
     * @param log      the plugin's logger
     */
    public RoundRobin(PluginStorage storage, PluginWorks works, PluginTimers timers,
                      Function<String, PluginSettings> settings, Logger log) {
        this.storage = storage;
        this.works = works;
        this.timers = timers;
        this.settings = settings;
        this.log = log;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void attached(RoomService services) {
        this.rooms = services;
    }

    /** The engine's room services, once attached (never in a unit test without an engine). */
    Optional<RoomService> rooms() {
        return Optional.ofNullable(rooms);
    }

    @Override
    public Set<String> actionTypes() {
        return Set.of("join-rota", "leave-rota", "start", "write", "pass", "end");
    }

    @Override
    public ActionResult open(RoomContext room, Actor creator) {
        Optional<StoredEntry> existing = storage.get(room.storageScope(), KEY);
        if (existing.isPresent()) {
            return ActionResult.changed(snapshot(room, room.clock().instant()));
        }
        try {
            Story story = Story.gather(Documents.stringArg(room.attributes(), "title", "bad-title"));
            Documents.Place place = new Documents.Place(room.citySlug().orElse(""), room.creatorId());
            storage.compareAndSet(room.storageScope(), KEY, 0, Documents.story(story, place).toString(), null);
            return ActionResult.changed(view(story, place, Optional.empty()));
        } catch (LiteratureRefused e) {
            return ActionResult.rejected(e.code(), e.getMessage());
        }
    }

    @Override
    public ActionResult handle(RoomContext room, Actor actor, RoomAction action) {
        Optional<StoredEntry> entry = storage.get(room.storageScope(), KEY);
        if (entry.isEmpty()) {
            return ActionResult.rejected("not-open", "This story has no state.");
        }
        JsonObject stored = Documents.parse(entry.get().value());
        Story before = Documents.story(stored);
        Documents.Place city = Documents.Place.of(stored);
        Instant now = room.clock().instant();
        Story story = before.catchUp(now, turnTime(city));
        Person who = new Person(actor.accountId(), actor.displayName(), actor.moderates());
        try {
            return switch (action.type()) {
                case "join-rota" -> save(room, entry.get(), before, story.join(who), city, null);
                case "leave-rota" -> save(room, entry.get(), before, story.leave(who.accountId(), now,
                        turnTime(city)), city, null);
                case "start" -> start(room, entry.get(), story, who, city, now);
                case "write" -> write(room, entry.get(), before, story, who, city, now,
                        Documents.stringArg(action.payload(), "text", "bad-text"));
                case "pass" -> save(room, entry.get(), before, story.pass(who.accountId(), now, turnTime(city)),
                        city, null);
                case "end" -> save(room, entry.get(), before, story.end(who), city, null);
                default -> ActionResult.rejected("unknown-action", "A round-robin story does not know '"
                        + action.type() + "'.");
            };
        } catch (LiteratureRefused e) {
            return ActionResult.rejected(e.code(), e.getMessage());
        } catch (PluginWorkException e) {
            return ActionResult.rejected("work-refused", e.getMessage());
        } catch (StorageConflictException e) {
            return ActionResult.rejected("conflict", "The story changed meanwhile; try again.");
        }
    }

    private ActionResult start(RoomContext room, StoredEntry entry, Story story, Person who, Documents.Place city,
                               Instant now) {
        story.requireStartable(who);
        if (city.city().isEmpty()) {
            throw new LiteratureRefused("no-city", "A round-robin story is written in a city's room.");
        }
        PluginWork work = works.create(city.city(), PluginWorks.TEXT, story.title(), "",
                "Started in the round-robin room", who.accountId());
        return save(room, entry, story, story.start(who, work.id(), now, turnTime(city)), city, null);
    }

    private ActionResult write(RoomContext room, StoredEntry entry, Story before, Story story, Person who,
                               Documents.Place city, Instant now, String text) {
        story.requireTurn(who.accountId(), now);
        String part = Story.contribution(text, settings.apply(city.city()).getInteger(LiteratureModule.MAX_TURN_CHARS));
        Story next = story.written(who.accountId(), now, turnTime(city));
        String sofar = works.find(story.workId()).map(PluginWork::content).orElse("");
        works.addVersion(story.workId(), sofar.isEmpty() ? part : sofar + "\n\n" + part,
                "Turn " + story.turn() + " by " + who.name(), who.accountId());
        return save(room, entry, before, next, city, new RoomEvent("turn-written", Json.createObjectBuilder()
                .add("turn", story.turn()).add("by", who.accountId()).add("name", who.name()).build()));
    }

    private ActionResult save(RoomContext room, StoredEntry entry, Story before, Story after, Documents.Place city,
                              RoomEvent broadcast) {
        storage.compareAndSet(room.storageScope(), KEY, entry.version(), Documents.story(after, city).toString(),
                null);
        schedule(room.roomId(), before, after);
        ActionResult.Applied result = ActionResult.changed(view(after, city, text(after)));
        return broadcast == null ? result : result.andBroadcast(broadcast);
    }

    /**
     * A new turn gets its durable time-out; an ended story loses it. When the plugin has its maximum of timers
     * ({@code ccc.plugins.timers.max-per-plugin}: one per running story) the turn is kept without a time-out, and the
     * log says so: its writer may still write or pass, and the host end the story.
     */
    private void schedule(String roomId, Story before, Story after) {
        if (after.writing() && after.turn() != before.turn()) {
            try {
                timers.scheduleDurable(timerName(roomId), after.deadline(), Json.createObjectBuilder()
                        .add("room", roomId).add("turn", after.turn()).build().toString());
            } catch (TimerLimitException e) {
                log.warning("turn " + after.turn() + " of the story in room " + roomId + " has no time-out: "
                        + e.getMessage());
            }
        } else if (!after.writing() && before.writing()) {
            timers.cancelDurable(timerName(roomId));
        }
    }

    static String timerName(String roomId) {
        return "turn:" + roomId;
    }

    /**
     * A turn's time-out came due (a durable timer; maybe delivered twice): if that turn is still running, the next
     * one begins and everyone in the room is told with the system event {@code turn-timed-out}.
     *
     * @return whether the turn passed
     */
    public boolean timedOut(String roomId, long turn, Instant now) {
        StorageScope scope = StorageScope.room(roomId);
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<StoredEntry> entry = storage.get(scope, KEY);
            if (entry.isEmpty()) {
                return false;
            }
            JsonObject stored = Documents.parse(entry.get().value());
            Story story = Documents.story(stored);
            Documents.Place city = Documents.Place.of(stored);
            Optional<Story> next = story.timedOut(turn, now, turnTime(city));
            if (next.isEmpty()) {
                return false;
            }
            try {
                storage.compareAndSet(scope, KEY, entry.get().version(), Documents.story(next.get(), city).toString(),
                        null);
            } catch (StorageConflictException e) {
                continue;
            }
            schedule(roomId, story, next.get());
            publish(roomId, new RoomEvent("turn-timed-out", Json.createObjectBuilder()
                    .add("timedOut", story.current().map(Story.Participant::accountId).orElse(0L))
                    .add("state", view(next.get(), city, Optional.empty()).value()).build()));
            return true;
        }
        throw new IllegalStateException("the story of room " + roomId + " kept changing; the timer is tried again");
    }

    private void publish(String roomId, RoomEvent event) {
        RoomService services = rooms;
        if (services == null) {
            return;
        }
        try {
            services.publish(roomId, event);
        } catch (RoomServiceException e) {
            // An archived room is not told; the story's state is stored either way.
            return;
        }
    }

    private Duration turnTime(Documents.Place place) {
        return Duration.ofSeconds(settings.apply(place.city()).getInteger(LiteratureModule.TURN_SECONDS));
    }

    Optional<String> text(Story story) {
        return story.workId() == 0 ? Optional.empty() : works.find(story.workId()).map(PluginWork::content);
    }

    /** The story of a room, with its city, if it has one. */
    Optional<JsonObject> stored(StorageScope scope) {
        return storage.get(scope, KEY).map(e -> Documents.parse(e.value()));
    }

    @Override
    public RoomState snapshot(RoomContext room, Instant now) {
        return current(room.storageScope(), now)
                .orElseGet(() -> new RoomState(Json.createObjectBuilder().add("open", false).build()));
    }

    /** What everyone sees of a room's story at {@code now} (turns whose time is over passed on), with its text. */
    Optional<RoomState> current(StorageScope scope, Instant now) {
        return stored(scope).map(o -> {
            Documents.Place place = Documents.Place.of(o);
            Story story = Documents.story(o).catchUp(now, turnTime(place));
            return view(story, place, text(story));
        });
    }

    @Override
    public void close(RoomContext room) {
        timers.cancelDurable(timerName(room.roomId()));
    }

    /** What everyone sees; {@code text} is the story so far (left out of the time-out's system event). */
    RoomState view(Story s, Documents.Place place, Optional<String> text) {
        return StoryView.of(s, place, settings.apply(place.city()).getInteger(LiteratureModule.TURN_SECONDS), text);
    }
}
