package org.creativecities.core.space;

import java.util.Set;

/**
 * Room kinds contributed from outside the core (plugins). The core's {@code discussion} kind is always
 * known; a room of any other kind can be created only while some {@code RoomKinds} bean names it. The
 * plugin host implements this interface; the space context never depends on the plugin context.
 */
public interface RoomKinds {

    /** The kinds known right now, for example {@code watch-party} while the film plugin runs. */
    Set<String> kinds();
}
