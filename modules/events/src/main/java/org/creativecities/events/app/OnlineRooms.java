package org.creativecities.events.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.live.RoomOpening;
import org.creativecities.core.platform.TimeSource;
import org.creativecities.core.space.Room;
import org.creativecities.core.space.Space;
import org.creativecities.core.space.SpaceDtos.NewRoom;
import org.creativecities.core.space.SpaceRules;
import org.creativecities.core.space.SpaceService;
import org.creativecities.events.domain.Event;
import org.creativecities.events.domain.EventRepository;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * An online event's live room. When an online event is published (created by a coordinator, or approved), the
 * person publishing it opens a discussion room for it in the community space of an organising city they manage,
 * through the core's room services. The room can be entered over {@code /ws} from {@code
 * ccc.events.room-opens-minutes} (15) before the event's first start; a join before that is refused with a {@code
 * not-open} error frame saying when it opens (the core's {@link RoomOpening} port).
 */
@ApplicationScoped
public class OnlineRooms implements RoomOpening {

    private static final Logger LOG = Logger.getLogger(OnlineRooms.class.getName());
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'");

    @Inject
    private EventRepository events;

    @Inject
    private SpaceService spaces;

    @Inject
    private SpaceRules spaceRules;

    @Inject
    private EventViews views;

    @Inject
    private TimeSource time;

    @Inject
    @ConfigProperty(name = "ccc.events.room-opens-minutes", defaultValue = "15")
    private int opensMinutes;

    /** Rooms that are open for good: no event's, or an event's past its opening. Joins of these ask nothing. */
    private final Set<Long> open = ConcurrentHashMap.newKeySet();

    /** Gives a published online event without a room its room, in a space the publisher manages (if any). */
    public void give(Caller.Identity who, Event event) {
        if (!event.isPublished() || event.placeKind() != Event.PlaceKind.ONLINE || event.roomId().isPresent()) {
            return;
        }
        for (var city : views.cityRefs(event.cityIds())) {
            Optional<Space> space = spaces.list(Optional.of(who), Optional.of(city.slug()), Optional.empty(), false)
                    .stream().filter(s -> s.slug().equals(SpaceService.citySpaceSlug(city.slug()))).findFirst();
            if (space.isPresent() && !space.get().isArchived() && spaceRules.canManage(Optional.of(who), space.get())) {
                Room room = spaces.createRoom(who, space.get().id(), new NewRoom(name(event.title()), null,
                        "The live room of the online event \"" + name(event.title()) + "\".", null));
                event.attachRoom(room.id(), time.now());
                return;
            }
        }
        LOG.info(() -> "Online event " + event.id() + " has no room: its publisher manages none of its cities' spaces");
    }

    @Override
    public Optional<String> notOpenYet(long roomId) {
        if (open.contains(roomId)) {
            return Optional.empty();
        }
        Optional<Event> event = events.ofRoom(roomId);
        if (event.isEmpty()) {
            open.add(roomId);
            return Optional.empty();
        }
        OffsetDateTime opens = opensAt(event.get());
        if (!time.now().isBefore(opens)) {
            open.add(roomId);
            return Optional.empty();
        }
        return Optional.of("The room of \"" + event.get().title() + "\" opens at "
                + opens.withOffsetSameInstant(ZoneOffset.UTC).format(AT) + ", " + opensMinutes
                + " minutes before the event starts; join it then.");
    }

    private OffsetDateTime opensAt(Event e) {
        return e.startsAt().minus(Duration.ofMinutes(Math.max(0, opensMinutes)));
    }

    private static String name(String title) {
        return title.length() <= 120 ? title : title.substring(0, 119) + "…";
    }
}
