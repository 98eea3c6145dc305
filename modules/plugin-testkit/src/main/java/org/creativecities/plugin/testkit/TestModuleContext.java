package org.creativecities.plugin.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.logging.Logger;
import org.creativecities.plugin.api.CityLookup;
import org.creativecities.plugin.api.JsonCodec;
import org.creativecities.plugin.api.MemberLookup;
import org.creativecities.plugin.api.ModuleContext;
import org.creativecities.plugin.api.ModuleInfo;
import org.creativecities.plugin.api.Permission;
import org.creativecities.plugin.api.PluginFiles;
import org.creativecities.plugin.api.PluginPermissionException;
import org.creativecities.plugin.api.PluginStorage;
import org.creativecities.plugin.api.timer.PluginTimers;
import org.creativecities.plugin.api.work.PluginWorks;

/**
 * A {@link ModuleContext} whose services keep everything in memory. Like the core, it checks the permissions the
 * plugin declared in its {@link ModuleInfo}: {@link #storage()}, {@link #cities()}, {@link #members()},
 * {@link #files()} and {@link #works()} throw {@link PluginPermissionException} when the plugin did not declare what
 * they need. The test reaches the same services without that check through the typed accessors
 * ({@link #memoryStorage()}, {@link #testSettings()}, {@link #testCities()}, {@link #testMembers()},
 * {@link #memoryFiles()}, {@link #memoryWorks()}, {@link #virtualTimers()}, {@link #virtualClock()}) to arrange data
 * and make assertions.
 */
public final class TestModuleContext implements ModuleContext {

    /** Where the virtual clock starts unless the test says otherwise. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-01T12:00:00Z");

    private final String pluginId;
    private final String pluginVersion;
    private final ModuleInfo info;
    private final VirtualClock clock;
    private final JsonpCodec json = new JsonpCodec();
    private final InMemoryStorage storage;
    private final TestSettings settings;
    private final TestCities cities = new TestCities();
    private final TestMembers members = new TestMembers();
    private final InMemoryFiles files = new InMemoryFiles();
    private final InMemoryWorks works = new InMemoryWorks();
    private final VirtualTimers timers;
    private final java.util.concurrent.atomic.AtomicLong roomIds = new java.util.concurrent.atomic.AtomicLong();

    /** A context for the plugin described by {@code info}, its clock at {@link #DEFAULT_START}. */
    public TestModuleContext(String pluginId, String pluginVersion, ModuleInfo info) {
        this(pluginId, pluginVersion, info, DEFAULT_START);
    }

    public TestModuleContext(String pluginId, String pluginVersion, ModuleInfo info, Instant start) {
        this.pluginId = Objects.requireNonNull(pluginId, "pluginId");
        this.pluginVersion = Objects.requireNonNull(pluginVersion, "pluginVersion");
        this.info = Objects.requireNonNull(info, "info");
        this.clock = new VirtualClock(start);
        this.storage = new InMemoryStorage(clock, json);
        this.settings = new TestSettings(info.settings());
        this.timers = new VirtualTimers(pluginId, clock);
    }

    @Override
    public String pluginId() {
        return pluginId;
    }

    @Override
    public String pluginVersion() {
        return pluginVersion;
    }

    @Override
    public PluginStorage storage() {
        need(Permission.STORAGE);
        return storage;
    }

    @Override
    public TestSettings settings() {
        return settings;
    }

    @Override
    public CityLookup cities() {
        need(Permission.CITIES_READ);
        return cities;
    }

    @Override
    public MemberLookup members() {
        need(Permission.MEMBERS_READ);
        return members;
    }

    @Override
    public PluginFiles files() {
        need(Permission.FILES);
        return files;
    }

    @Override
    public PluginWorks works() {
        need(Permission.WORKS_WRITE);
        return works;
    }

    @Override
    public JsonCodec json() {
        return json;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public Logger logger() {
        return Logger.getLogger("ccc.plugin." + pluginId);
    }

    @Override
    public PluginTimers timers() {
        return timers;
    }

    /**
     * Moves the virtual clock forward, firing the plugin's timers that come due on the way.
     *
     * @return how many timer tasks and deliveries ran
     */
    public int advance(Duration duration) {
        return timers.advance(duration);
    }

    /** A room id not used before in this context, across restarts of the plugin on it. */
    public String nextRoomId() {
        return "room-" + roomIds.incrementAndGet();
    }

    /** The plugin's description this context was made for. */
    public ModuleInfo info() {
        return info;
    }

    public InMemoryStorage memoryStorage() {
        return storage;
    }

    public TestSettings testSettings() {
        return settings;
    }

    public TestCities testCities() {
        return cities;
    }

    public TestMembers testMembers() {
        return members;
    }

    public InMemoryFiles memoryFiles() {
        return files;
    }

    public InMemoryWorks memoryWorks() {
        return works;
    }

    public VirtualTimers virtualTimers() {
        return timers;
    }

    public VirtualClock virtualClock() {
        return clock;
    }

    public JsonpCodec jsonCodec() {
        return json;
    }

    private void need(Permission permission) {
        if (!info.declares(permission)) {
            throw new PluginPermissionException(pluginId, permission);
        }
    }
}
