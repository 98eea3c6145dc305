package org.creativecities.notifications.app;

import java.util.Optional;
import org.creativecities.core.live.MessageReads.Reader;
import org.creativecities.core.live.MessageReads.RoomAccess;

/**
 * The rules of spaces ({@code SpaceService}), applied to a reader's standing read once: a notification or a room
 * in "my rooms" is shown only to someone who may see the room.
 */
final class RoomRules {

    private RoomRules() {
    }

    /** Whether the person belongs to the room's readers, bans aside (public space, its city's or field's member). */
    static boolean member(Reader reader, boolean publicSpace, Optional<String> city, Optional<String> field,
                          boolean fieldSpace) {
        if (reader.admin() || publicSpace) {
            return true;
        }
        if (fieldSpace) {
            return field.map(reader.fields()::contains).orElse(false);
        }
        return city.map(reader.cities()::contains).orElse(false);
    }

    /** Whether the person may read the room now: a member of its readers, and not banned from it. */
    static boolean readable(Reader reader, long roomId, long spaceId, boolean publicSpace, Optional<String> city,
                            Optional<String> field, boolean fieldSpace) {
        return member(reader, publicSpace, city, field, fieldSpace) && (reader.admin()
                || !reader.bannedSpaces().contains(spaceId) && !reader.bannedRooms().contains(roomId));
    }

    static boolean member(Reader reader, RoomAccess room) {
        return member(reader, room.publicSpace(), room.citySlug(), room.field(), room.fieldSpace());
    }

    static boolean readable(Reader reader, RoomAccess room) {
        return readable(reader, room.roomId(), room.spaceId(), room.publicSpace(), room.citySlug(), room.field(),
                room.fieldSpace());
    }
}
