package org.creativecities.core.space;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import org.creativecities.core.platform.TimeSource;

/**
 * Spaces that a context beside the core owns ({@link SpaceOwner}): it opens one, with a general room, for something
 * of its own (a project), and its owner answers who are the space's members and managers. Administrators are
 * members and managers of every space, as elsewhere.
 */
@ApplicationScoped
public class OwnedSpaces {

    @Inject
    private SpaceRepository spaces;

    @Inject
    private Instance<SpaceOwner> owners;

    @Inject
    private TimeSource time;

    @Inject
    private Event<SpaceService.RoomChanged> roomChanged;

    /**
     * Opens a public space of neither a city nor a field, with its general room, in the caller's transaction (whose
     * observers hear of the room once it commits).
     *
     * @param slug a slug no other space has (e.g. {@code project-12})
     * @param name its name as shown (at most 120 characters are kept)
     * @return the new space's id
     */
    @Transactional
    public long open(String slug, String name) {
        Space space = Space.owned(slug, shown(name), Space.Visibility.PUBLIC, time.now());
        Room general = new Room(space, Room.DISCUSSION, "general", null, null, time.now());
        spaces.addAll(List.of(general));
        roomChanged.fire(new SpaceService.RoomChanged(general.id(), "", general.kind(), true));
        return space.id();
    }

    /** The id of the owned space with that slug, if there is one. */
    @Transactional
    public Optional<Long> find(String slug) {
        return spaces.findBySlug(slug).filter(OwnedSpaces::owned).map(Space::id);
    }

    /**
     * Renames an owned space as its owner's thing is renamed (a project retitled), in the caller's transaction.
     *
     * @return false when there is no such owned space
     */
    @Transactional
    public boolean rename(long spaceId, String name) {
        Optional<Space> space = spaces.find(spaceId).filter(OwnedSpaces::owned);
        space.ifPresent(s -> s.rename(shown(name)));
        return space.isPresent();
    }

    /** At most 120 characters of a name are kept. */
    private static String shown(String name) {
        return name.length() > 120 ? name.substring(0, 120) : name;
    }

    /** Whether the space is an owned one: of neither a city nor a field. */
    static boolean owned(Space space) {
        return space.city().isEmpty() && space.fieldSlug().isEmpty();
    }

    /** The person's rights in an owned space, as its owner says; none when no owner claims it. */
    SpaceOwner.Rights rights(Space space, long accountId) {
        for (SpaceOwner owner : owners) {
            Optional<SpaceOwner.Rights> rights = owner.rights(space.id(), accountId);
            if (rights.isPresent()) {
                return rights.get();
            }
        }
        return new SpaceOwner.Rights(false, false);
    }
}
