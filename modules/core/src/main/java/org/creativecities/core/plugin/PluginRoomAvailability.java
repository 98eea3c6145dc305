package org.creativecities.core.plugin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.creativecities.core.city.City;
import org.creativecities.core.live.LiveError;
import org.creativecities.core.space.Room;

/**
 * Whether a plugin takes part in its rooms in a place now: it is switched on there (the room's city, or network-wide
 * for a network space) and, in a city, not suspended there after repeated failures. The one rule for new rooms
 * ({@link PluginRoomKinds#creatable}) and for rooms opened before the plugin was switched off: the room kinds'
 * dispatcher asks it before every action, snapshot, join and reopening, and a plugin's room services before every
 * write into a room (so neither an action nor a timer of the plugin reaches a room where it is off). The rooms
 * themselves go on as plain rooms: their messages and history are the core's.
 */
@ApplicationScoped
public class PluginRoomAvailability {

    /** The error code of an action refused in a room where its plugin is off. */
    static final String UNAVAILABLE = LiveError.KIND_UNAVAILABLE.code();

    @Inject
    private PluginRegistry registry;

    @Inject
    private PluginSwitches switches;

    /** Whether the plugin is on in a city's rooms or, for an empty city, in network spaces' rooms. */
    public boolean covers(String pluginId, Optional<String> citySlug) {
        return citySlug.isPresent() ? registry.coversCity(pluginId, citySlug.get())
                : switches.of(pluginId).coversNetwork();
    }

    /**
     * Why the plugin's room takes nothing from it now, for people, or empty when it does. The place is the room's:
     * its city by name, or the network spaces; an action refused in the room and a write of the plugin's into it
     * (from a route or a timer) give the same reason.
     */
    public Optional<String> unavailable(String pluginId, Room room) {
        Optional<City> city = room.space().city();
        Optional<String> citySlug = city.map(City::slug);
        if (covers(pluginId, citySlug)) {
            return Optional.empty();
        }
        String name = registry.running(pluginId).map(rt -> rt.info().name()).orElse(pluginId);
        String module = "The " + name + " module";
        String paused = ": the room's " + name + " features are paused (its messages still work)";
        if (city.isEmpty()) {
            return Optional.of(module + " is not switched on for network spaces" + paused
                    + " until an administrator switches it on network-wide.");
        }
        String place = city.get().name();
        boolean switchedOn = switches.of(pluginId).coversCity(citySlug.get());
        return Optional.of(switchedOn ? module + " is suspended in " + place + " after repeated failures" + paused
                + "; try again later." : module + " is switched off in " + place + paused
                + " until an administrator switches it on there again.");
    }
}
