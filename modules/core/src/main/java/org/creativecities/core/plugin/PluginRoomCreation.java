package org.creativecities.core.plugin;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.Set;
import org.creativecities.core.identity.Account;
import org.creativecities.core.identity.AccountRepository;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.platform.web.ProblemException;
import org.creativecities.core.space.Room;
import org.creativecities.core.space.SpaceDtos.NewRoom;
import org.creativecities.core.space.SpaceDtos.RoomUpdate;
import org.creativecities.core.space.SpaceRepository;
import org.creativecities.core.space.SpaceService;
import org.creativecities.plugin.api.room.RoomServiceException;
import org.creativecities.plugin.api.room.RoomServiceException.Reason;

/**
 * Rooms that plugins create and archive (plugin API 1.3, {@code rooms.create}): always as a person, through the same
 * space service as the room REST API, so a plugin can do nothing the person it acts for could not (manage rooms in
 * the city's space), and every rule of room creation (the kind enabled in the city, its {@code open}, the attributes'
 * size) applies. The core's refusal becomes {@link Reason#REFUSED} with its detail.
 */
@ApplicationScoped
public class PluginRoomCreation {

    @Inject
    private SpaceService spaces;

    @Inject
    private SpaceRepository spaceRepository;

    @Inject
    private AccountRepository accounts;

    /** Creates a room of one of {@code kinds} in the city's community space as {@code onBehalfOf}; its id. */
    String create(Set<String> kinds, String citySlug, String kindId, String name, JsonObject attributes,
                  long onBehalfOf) {
        if (!kinds.contains(kindId)) {
            throw new RoomServiceException(Reason.NOT_OWNED, "'" + kindId + "' is not a room kind of this plugin.");
        }
        Caller.Identity who = person(onBehalfOf);
        long space = spaceRepository.findBySlug(SpaceService.citySpaceSlug(citySlug == null ? "" : citySlug))
                .orElseThrow(() -> new RoomServiceException(Reason.REFUSED, "No city '" + citySlug + "'."))
                .id();
        try {
            Room room = spaces.createRoom(who, space, new NewRoom(name == null ? "" : name.strip(), kindId, null,
                    attributes));
            return String.valueOf(room.id());
        } catch (ProblemException e) {
            throw new RoomServiceException(Reason.REFUSED, e.getMessage());
        }
    }

    /** Archives a room of one of {@code kinds} as {@code onBehalfOf}. */
    void archive(Set<String> kinds, String roomId, long onBehalfOf) {
        Caller.Identity who = person(onBehalfOf);
        long id;
        try {
            id = Long.parseLong(roomId);
        } catch (NumberFormatException e) {
            throw new RoomServiceException(Reason.NOT_OWNED, "No room '" + roomId + "'.");
        }
        try {
            Room room = spaces.room(java.util.Optional.of(who), id);
            if (!kinds.contains(room.kind())) {
                throw new RoomServiceException(Reason.NOT_OWNED, "Room " + roomId + " is not of this plugin's kinds.");
            }
            spaces.updateRoom(who, id, new RoomUpdate(null, null, true, null, null));
        } catch (ProblemException e) {
            throw new RoomServiceException(Reason.REFUSED, e.getMessage());
        }
    }

    private Caller.Identity person(long accountId) {
        Account account = accounts.findById(accountId).orElseThrow(() ->
                new RoomServiceException(Reason.REFUSED, "No account " + accountId + " to act for."));
        return new Caller.Identity(account.id(), account.displayName(), account.isAdmin(), null);
    }
}
