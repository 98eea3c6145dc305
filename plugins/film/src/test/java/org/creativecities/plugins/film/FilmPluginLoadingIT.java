package org.creativecities.plugins.film;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.creativecities.plugin.api.CityLookup;
import org.creativecities.plugin.api.JsonCodec;
import org.creativecities.plugin.api.MemberLookup;
import org.creativecities.plugin.api.ModuleContext;
import org.creativecities.plugin.api.PluginPermissionException;
import org.creativecities.plugin.api.PluginSettings;
import org.creativecities.plugin.api.PluginStorage;
import org.creativecities.plugin.api.room.ActionResult;
import org.creativecities.plugin.api.room.Actor;
import org.creativecities.plugin.api.room.RoomAction;
import org.creativecities.plugin.api.room.RoomContext;
import org.creativecities.plugin.api.room.RoomKind;
import org.creativecities.plugin.api.CommonsModule;
import org.creativecities.plugin.api.ModuleInfo;
import org.creativecities.plugin.api.Permission;
import org.creativecities.plugin.api.RoomKindDescriptor;
import org.creativecities.plugin.api.SettingsValidation;
import org.creativecities.plugin.api.room.RoomKinds;
import org.creativecities.plugin.testkit.PluginJarCheck;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads the packaged film plugin jar (built by this module's {@code package} phase) through a real PF4J
 * {@code JarPluginManager}, as the server does ({@link PluginJarCheck}).
 */
class FilmPluginLoadingIT {

    @TempDir
    Path plugins;

    private static Path jar() {
        return PluginJarCheck.built("film", "target/ccc-plugin-film-0.1.0-SNAPSHOT.jar");
    }

    @Test
    void theBuiltJarLoadsAndOffersTheWatchPartyRoomKind() {
        try (PluginJarCheck loaded = PluginJarCheck.start(jar(), plugins)) {
            assertEquals("film", loaded.pluginId());
            assertEquals("1.0.0", loaded.version());
            ModuleInfo info = loaded.module().info();
            assertEquals(List.of("watch-party"), info.roomKinds().stream().map(RoomKindDescriptor::id).toList());
            assertEquals(java.util.Set.of(Permission.STORAGE, Permission.MEMBERS_READ, Permission.HTTP_ROUTES),
                    info.permissions());
            assertEquals(List.of(), SettingsValidation.checkSchema(info.settings()));
            assertEquals("2000", info.setting("max-drift-ms").orElseThrow().defaultValue());
            assertEquals("false", info.setting("members-may-suggest").orElseThrow().defaultValue());
            var maxDrift = info.setting("max-drift-ms").orElseThrow();
            assertFalse(SettingsValidation.check(maxDrift, 99L).valid());
            assertFalse(SettingsValidation.check(maxDrift, 60_001L).valid());
            assertTrue(SettingsValidation.check(maxDrift, 100L).valid());
            assertEquals(List.of(), RoomKinds.check(info, List.of(new WatchParty(null, null, c -> null))));
        }
    }

    @Test
    void theLoadedModulesWatchPartyRunsAcrossThePluginClassLoader() {
        TestClock clock = new TestClock(Instant.parse("2026-11-23T20:00:00Z"));
        try (PluginJarCheck loaded = PluginJarCheck.start(jar(), plugins)) {
            CommonsModule module = loaded.module();
            module.start(new TestContext(new InMemoryStorage(clock), clock));
            assertTrue(module.http().isPresent());
            RoomKind kind = module.roomKinds().get(0);
            assertEquals("watch-party", kind.id());

            RoomContext room = new RoomContext("room-1", Optional.of("bristol"), "watch-party", 1,
                    JsonValue.EMPTY_JSON_OBJECT, clock);
            Actor host = new Actor(1, "Host", true, false, false);
            assertInstanceOf(ActionResult.Applied.class, kind.open(room, host));
            assertInstanceOf(ActionResult.Applied.class, kind.handle(room, host, RoomAction.of("play")));
            clock.advanceMs(3_000);
            assertEquals(3_000, kind.snapshot(room, clock.instant()).value().getInt("positionMs"));
            assertEquals("not-host", ((ActionResult.Rejected) kind.handle(room,
                    new Actor(2, "Guest", false, false, false), RoomAction.of("pause"))).code());
            module.stop();
            assertEquals(List.of(), module.roomKinds(), "nothing is contributed after stop");
        }
    }

    /**
     * The services the film plugin uses, as the core would hand them (a network without members); cities, which
     * it did not declare, are refused as the core refuses them.
     */
    private record TestContext(PluginStorage storage, Clock clock) implements ModuleContext {

        @Override
        public String pluginId() {
            return "film";
        }

        @Override
        public String pluginVersion() {
            return "1.0.0";
        }

        @Override
        public PluginSettings settings() {
            return new MapSettings(Map.of());
        }

        @Override
        public CityLookup cities() {
            throw new PluginPermissionException("film", Permission.CITIES_READ);
        }

        @Override
        public MemberLookup members() {
            return new MemberLookup() {
                @Override
                public boolean isMember(long accountId, String citySlug) {
                    return false;
                }

                @Override
                public boolean isCoordinator(long accountId, String citySlug) {
                    return false;
                }

                @Override
                public Optional<String> displayName(long accountId) {
                    return Optional.empty();
                }
            };
        }

        @Override
        public JsonCodec json() {
            throw new UnsupportedOperationException("the film plugin does not use JSON-B");
        }

        @Override
        public Logger logger() {
            return Logger.getLogger("ccc.plugin.film");
        }
    }

    @Test
    void anOlderApiRefusesThePlugin() {
        PluginJarCheck.assertRefusedBy("1.1.0", jar(), plugins);
    }
}
