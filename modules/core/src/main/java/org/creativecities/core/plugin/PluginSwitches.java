package org.creativecities.core.plugin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The plugins' switches as administrators set them (enabled or not; network-wide or in which cities), kept in memory
 * so that the rules asked on every plugin room call, route and hook ({@link PluginRoomAvailability},
 * {@link PluginRegistry#coversCity}) read no database row. Every change of a {@link PluginRecord} goes through
 * {@link PluginStates}, which announces it ({@link PluginStates.Changed}); once it committed, every switch is read
 * again. A switch read while such a change committed is never kept past it (each carries the generation it was read
 * in). Suspensions after failures are the supervisor's, in memory, and not kept here.
 */
@ApplicationScoped
public class PluginSwitches {

    /** Most switches kept; past it the cache starts again (a plugin costs one entry). */
    static final int MAX_ENTRIES = 1_000;

    /**
     * One plugin's switch.
     *
     * @param enabled     the plugin is enabled
     * @param networkWide it is switched on for the whole network (every city and the network spaces)
     * @param cities      the cities it is switched on in, when not network-wide
     */
    record Switch(boolean enabled, boolean networkWide, Set<String> cities) {

        /** The switch of a plugin without a record: off. */
        static final Switch OFF = new Switch(false, false, Set.of());

        Switch {
            cities = Set.copyOf(cities);
        }

        static Switch of(PluginRecord r) {
            return new Switch(r.isEnabled(), r.isNetworkWide(), r.cities());
        }

        /** Whether the plugin is on in this city (ignoring suspensions). */
        boolean coversCity(String citySlug) {
            return enabled && (networkWide || cities.contains(citySlug));
        }

        /** Whether the plugin is on for the network spaces. */
        boolean coversNetwork() {
            return enabled && networkWide;
        }
    }

    private record Entry(Switch value, long generation) {
    }

    private final ConcurrentMap<String, Entry> switches = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final Function<String, Switch> reader;

    @Inject
    private PluginStates states;

    public PluginSwitches() {
        this.reader = null;
    }

    /** Switches read through the given function instead of the database (unit tests). */
    PluginSwitches(Function<String, Switch> reader) {
        this.reader = reader;
    }

    /** The plugin's switch now; off for a plugin the host has no record of. */
    Switch of(String pluginId) {
        long current = generation.get();
        Entry e = switches.get(pluginId);
        if (e != null && e.generation() == current) {
            return e.value();
        }
        Switch read = read(pluginId);
        if (switches.size() >= MAX_ENTRIES) {
            switches.clear();
        }
        switches.put(pluginId, new Entry(read, current));
        return read;
    }

    private Switch read(String pluginId) {
        return reader != null ? reader.apply(pluginId) : states.find(pluginId).map(Switch::of).orElse(Switch.OFF);
    }

    /** Drops every switch: a plugin's record changed. */
    void forgetAll() {
        generation.incrementAndGet();
        switches.clear();
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) PluginStates.Changed event) {
        forgetAll();
    }
}
