package org.creativecities.plugins.music;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.creativecities.plugin.api.PluginStorage;
import org.creativecities.plugin.api.StoragePage;
import org.creativecities.plugin.api.StorageScope;
import org.creativecities.plugin.api.StoredEntry;
import org.creativecities.plugin.api.room.ActionResult;
import org.creativecities.plugin.api.room.Actor;
import org.creativecities.plugin.api.room.RoomAction;
import org.creativecities.plugin.api.room.RoomContext;
import org.creativecities.plugin.testkit.TestModuleContext;
import org.creativecities.plugin.testkit.TestSettings;
import org.creativecities.plugin.testkit.VirtualClock;
import org.creativecities.plugin.testkit.VirtualTimers;
import org.junit.jupiter.api.Test;

/**
 * The track-end timer writes the room's state outside the engine's per-room queue, so an action may find the state
 * changed between its read and its compare-and-set: it is applied to the new state, not refused.
 */
class ListeningRoomConflictTest {

    private static final Actor HOST = new Actor(1, "Host", true, false, false);

    /** Storage that, once armed, lets another writer (the timer) bump the entry right after the next read. */
    private static final class RacingStorage implements PluginStorage {
        private final PluginStorage inner;
        final AtomicBoolean armed = new AtomicBoolean();

        RacingStorage(PluginStorage inner) {
            this.inner = inner;
        }

        @Override
        public Optional<StoredEntry> get(StorageScope scope, String key) {
            Optional<StoredEntry> read = inner.get(scope, key);
            if (read.isPresent() && armed.compareAndSet(true, false)) {
                inner.put(scope, key, read.get().value());
            }
            return read;
        }

        @Override
        public StoredEntry put(StorageScope scope, String key, String value) {
            return inner.put(scope, key, value);
        }

        @Override
        public StoredEntry put(StorageScope scope, String key, String value, Duration ttl) {
            return inner.put(scope, key, value, ttl);
        }

        @Override
        public StoredEntry compareAndSet(StorageScope scope, String key, long expectedVersion, String value,
                                         Duration ttl) {
            return inner.compareAndSet(scope, key, expectedVersion, value, ttl);
        }

        @Override
        public StoredEntry putDocument(StorageScope scope, String key, Object document) {
            return inner.putDocument(scope, key, document);
        }

        @Override
        public <T> Optional<T> getDocument(StorageScope scope, String key, Class<T> type) {
            return inner.getDocument(scope, key, type);
        }

        @Override
        public boolean delete(StorageScope scope, String key) {
            return inner.delete(scope, key);
        }

        @Override
        public StoragePage list(StorageScope scope, String prefix, String cursor, int limit) {
            return inner.list(scope, prefix, cursor, limit);
        }
    }

    @Test
    void anActionThatRacesAnotherWriteIsAppliedToTheNewState() {
        TestModuleContext context = new TestModuleContext("music", "1.0.0", new MusicModule().info(),
                Instant.parse("2026-12-05T20:00:00Z"));
        RacingStorage storage = new RacingStorage(context.storage());
        VirtualClock clock = context.virtualClock();
        TestSettings settings = context.testSettings();
        VirtualTimers timers = context.virtualTimers();
        timers.onDurable(t -> { });
        ListeningRoom kind = new ListeningRoom(storage, new TrackSources(c -> settings, context::files,
                new FileDurations(storage)), new TrackTimers(() -> timers, context.logger()), c -> settings, clock);
        RoomContext room = new RoomContext("r1", Optional.of("bristol"), ListeningRoom.ID, 1,
                JsonObject.EMPTY_JSON_OBJECT, clock);
        kind.open(room, HOST);

        storage.armed.set(true);
        ActionResult result = kind.handle(room, HOST, new RoomAction("add", Json.createObjectBuilder()
                .add("title", "One").add("url", "https://archive.org/one.mp3").add("durationMs", 5_000).build()));
        ActionResult.Applied applied = assertInstanceOf(ActionResult.Applied.class, result, result.toString());
        assertEquals("One", applied.state().orElseThrow().value().getJsonObject("nowPlaying").getString("title"));
    }
}
