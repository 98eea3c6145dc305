package org.creativecities.plugin.api.room;

import java.util.Objects;
import java.util.Optional;

/**
 * One of the plugin's rooms as {@link RoomService#list} gives it: a room the caller may read.
 *
 * @param roomId      the room's id
 * @param kind        its kind (one of the plugin's)
 * @param citySlug    its city, empty in a network space
 * @param name        its name, as people see it
 * @param archived    it is archived (read-only)
 * @param membersOnly only the members of its space may read it
 * @since 1.3.0
 */
public record ListedRoom(String roomId, String kind, Optional<String> citySlug, String name, boolean archived,
                         boolean membersOnly) {

    public ListedRoom {
        Objects.requireNonNull(roomId, "roomId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(citySlug, "citySlug");
        Objects.requireNonNull(name, "name");
    }
}
