package org.creativecities.core.plugin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.creativecities.core.city.City;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.space.Room;
import org.creativecities.core.space.Space;
import org.creativecities.core.space.SpaceRepository;
import org.creativecities.core.space.SpaceRules;
import org.creativecities.plugin.api.room.ListedRoom;
import org.creativecities.plugin.api.room.RoomService;

/**
 * The rooms of one kind that someone may read, for {@link RoomService#list} (API 1.3): newest first, each room held
 * to the core's own reading rule ({@link SpaceRules#canReadRoom}: the space's visibility, membership, bans), read
 * a page at a time until {@link RoomService#MAX_LISTED} rooms are found or none are left.
 */
@ApplicationScoped
public class PluginRoomListing {

    private static final int PAGE = RoomService.MAX_LISTED;

    @Inject
    private SpaceRepository repository;

    @Inject
    private SpaceRules spaceRules;

    /**
     * @param kind     the kind
     * @param citySlug a city, or empty for every room of the kind
     * @param who      the reader, empty for a visitor
     */
    @Transactional
    public List<ListedRoom> readable(String kind, Optional<String> citySlug, Optional<Caller.Identity> who) {
        List<ListedRoom> listed = new ArrayList<>();
        for (int first = 0; listed.size() < RoomService.MAX_LISTED; first += PAGE) {
            List<Room> page = repository.roomsOfKind(kind, citySlug, first, PAGE);
            for (Room room : page) {
                if (listed.size() < RoomService.MAX_LISTED && spaceRules.canReadRoom(who, room)) {
                    listed.add(new ListedRoom(String.valueOf(room.id()), room.kind(),
                            room.space().city().map(City::slug), room.name(), room.isArchived(),
                            room.space().visibility() == Space.Visibility.MEMBERS_ONLY));
                }
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        return listed;
    }
}
