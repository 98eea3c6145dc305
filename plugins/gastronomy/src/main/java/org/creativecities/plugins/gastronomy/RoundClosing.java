package org.creativecities.plugins.gastronomy;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.creativecities.plugin.api.PluginSettings;
import org.creativecities.plugin.api.PluginStorage;
import org.creativecities.plugin.api.StorageConflictException;
import org.creativecities.plugin.api.StorageScope;
import org.creativecities.plugin.api.StoredEntry;
import org.creativecities.plugin.api.room.RoomEvent;
import org.creativecities.plugin.api.room.RoomService;
import org.creativecities.plugin.api.room.RoomServiceException;
import org.creativecities.plugin.api.timer.DurableTimer;
import org.creativecities.plugin.api.timer.PluginTimers;
import org.creativecities.plugin.api.timer.TimerLimitException;

/**
 * How a tasting's rounds end: the durable round timer ({@code round:<room>}, one per room, replaced by the next
 * round's), the close itself (keeping named ratings under {@code ratings/<dish>} only where the city's
 * {@code reveal-names} setting is on), and the announcement into the room: the system event {@code round-closed}
 * with the results, and the module's message "Round closed: dish 2 (…) scores 4.6 from 5 ballots.".
 */
final class RoundClosing {

    private static final String RATINGS = "ratings/";
    private static final String TIMER = "round:";

    private final PluginStorage storage;
    private final Supplier<PluginTimers> timers;
    private final Function<Optional<String>, PluginSettings> settings;
    private final Supplier<RoomService> rooms;
    private final Logger log;

    RoundClosing(PluginStorage storage, Supplier<PluginTimers> timers,
                 Function<Optional<String>, PluginSettings> settings, Supplier<RoomService> rooms, Logger log) {
        this.storage = storage;
        this.timers = timers;
        this.settings = settings;
        this.rooms = rooms;
        this.log = log;
    }

    static void write(PluginStorage storage, StorageScope scope, long version, Tasting tasting) {
        storage.compareAndSet(scope, TastingRoom.KEY, version, TastingJson.store(tasting), null);
    }

    /** Sets the round timer of a dish just revealed with a deadline. */
    void schedule(String roomId, Optional<String> city, Tasting.Dish opened) {
        try {
            timers.get().scheduleDurable(TIMER + roomId, opened.closesAt().orElseThrow(), Json.createObjectBuilder()
                    .add("room", roomId).add("dish", opened.id()).add("city", city.orElse("")).build().toString());
        } catch (TimerLimitException e) {
            throw new TastingRefused("timer-unavailable", "No timer can be set now; reveal the dish without "
                    + "one (seconds 0) and close the round yourself.");
        }
    }

    void cancelTimer(String roomId) {
        timers.get().cancelDurable(TIMER + roomId);
    }

    /** The named ratings of a closed dish, where they were kept. */
    Optional<String> namedRatings(String roomId, String dishId) {
        return storage.get(StorageScope.room(roomId), RATINGS + dishId).map(StoredEntry::value);
    }

    /** Closes the open round, keeping the named ratings where the city shows them. */
    Tasting close(String roomId, Optional<String> city, Tasting before) {
        Tasting.Dish open = before.openDish().orElseThrow();
        if (settings.apply(city).getBoolean(GastronomyModule.REVEAL_NAMES) && !open.ballots().isEmpty()) {
            JsonArrayBuilder named = Json.createArrayBuilder();
            open.ballots().values().stream().sorted(java.util.Comparator.comparing(Tasting.Ballot::name))
                    .forEach(b -> named.add(Json.createObjectBuilder().add("name", b.name())
                            .add("scores", TastingJson.scores(b.scores()))));
            storage.put(StorageScope.room(roomId), RATINGS + open.id(), named.build().toString());
        }
        return before.closeRound();
    }

    /**
     * A round's timer came due (durable, so also after a restart): closes the round if that dish's round is still
     * open, and announces a close that was not announced yet. Idempotent.
     */
    void roundTimer(DurableTimer timer) {
        JsonObject p = TastingJson.parse(timer.payload());
        String roomId = p.getString("room");
        String dishId = p.getString("dish");
        Optional<String> city = Optional.of(p.getString("city", "")).filter(c -> !c.isEmpty());
        StorageScope scope = StorageScope.room(roomId);
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<StoredEntry> entry = storage.get(scope, TastingRoom.KEY);
            if (entry.isEmpty()) {
                return;
            }
            Tasting tasting = TastingJson.load(entry.get().value());
            Optional<Tasting.Dish> dish = tasting.dish(dishId);
            if (dish.isEmpty() || dish.get().status() == Tasting.Dish.Status.HIDDEN) {
                return;
            }
            try {
                if (dish.get().status() == Tasting.Dish.Status.OPEN) {
                    write(storage, scope, entry.get().version(), close(roomId, city, tasting));
                } else if (!dish.get().announced()) {
                    announce(roomId, tasting, dishId);
                    write(storage, scope, entry.get().version(), tasting.announced(dishId));
                    return;
                } else {
                    return;
                }
            } catch (StorageConflictException e) {
                log.fine(() -> "tasting " + roomId + " changed while its round timer closed it; reading it again");
            }
        }
        throw new IllegalStateException("the tasting of room " + roomId + " kept changing; the timer will retry");
    }

    /** Publishes a closed round's results and says them; a refusal is logged, never fatal to the close. */
    void announce(String roomId, Tasting tasting, String dishId) {
        RoomService services = rooms.get();
        if (services == null) {
            throw new IllegalStateException("the room services are not attached yet");
        }
        Tasting.Dish d = tasting.dish(dishId).orElseThrow();
        Results r = d.tally(tasting.criteria());
        JsonObject payload = Json.createObjectBuilder(TastingJson.results(r)).add("dish", d.id())
                .add("number", d.number()).add("name", d.name()).build();
        try {
            services.publish(roomId, new RoomEvent("round-closed", payload));
            services.say(roomId, r.score().map(s -> "Round closed: dish " + d.number() + " (" + d.name()
                    + ") scores " + s + " from " + r.ballots() + (r.ballots() == 1 ? " ballot." : " ballots."))
                    .orElse("Round closed: dish " + d.number() + " (" + d.name() + ") had no ballots."));
        } catch (RoomServiceException e) {
            log.log(Level.WARNING, "could not announce the close of dish " + dishId + " in room " + roomId
                    + ": " + e.reason().code(), e);
        }
    }
}
