package org.creativecities.core.space;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.creativecities.core.city.City;
import org.creativecities.core.city.CityRepository;
import org.creativecities.core.city.CityService;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.platform.TimeSource;
import org.creativecities.core.platform.web.ProblemException;
import org.creativecities.core.space.SpaceDtos.NewRoom;
import org.creativecities.core.space.SpaceDtos.NewSpace;
import org.creativecities.core.space.SpaceDtos.RoomUpdate;
import org.creativecities.core.space.SpaceDtos.SpaceUpdate;

/**
 * Spaces and rooms: listing, reading, creating and changing them, each checked against {@link SpaceRules}. The
 * changes are announced as CDI events ({@link RoomChanged}, {@link RulesChanged}, {@link RoomSettingsChanged}).
 */
@ApplicationScoped
public class SpaceService {

    /**
     * A room was opened (created or restored) or closed (archived); observers that must only see committed
     * changes observe it after success.
     *
     * @param roomId   the room
     * @param citySlug the room's city, or empty for a network-wide space
     * @param kind     the room's kind
     * @param open     true when opened, false when closed
     */
    public record RoomChanged(long roomId, String citySlug, String kind, boolean open) {
    }

    @Inject
    private jakarta.enterprise.event.Event<RoomChanged> roomChanged;

    /**
     * A space's or a room's settings changed (visibility, archived, locked, slow mode): who may read or post there
     * may have changed. Observers that cache rights drop them after success.
     *
     * @param spaceId the space concerned (a room's change names its space)
     */
    public record RulesChanged(long spaceId) {
    }

    @Inject
    private jakarta.enterprise.event.Event<RulesChanged> rulesChanged;

    /**
     * A manager changed what a room lets its people do (locked, slow mode, archived): the live rooms push it to
     * everyone in the room after the commit, so that composers follow without a reload.
     *
     * @param by the manager who changed it
     */
    public record RoomSettingsChanged(long roomId, boolean locked, int slowModeSeconds, boolean archived,
                                      Caller.Identity by) {
    }

    @Inject
    private jakarta.enterprise.event.Event<RoomSettingsChanged> roomSettingsChanged;

    @Inject
    private SpaceRepository spaces;

    @Inject
    private SpaceRules rules;

    @Inject
    private DefaultSpaces defaults;

    @Inject
    private CityService cities;

    @Inject
    private CityRepository cityRepository;

    @Inject
    private TimeSource time;

    @Inject
    private Instance<RoomKinds> roomKinds;

    @Inject
    private ModerationService moderation;

    @Inject
    private OwnedSpaces owned;

    /** The community space slug of a city. */
    public static String citySpaceSlug(String citySlug) {
        return "city-" + citySlug;
    }

    @Transactional
    public List<Space> list(Optional<Caller.Identity> who, Optional<String> city, Optional<String> field,
                            boolean includeArchived) {
        city.ifPresent(defaults::ensureCitySpace);
        return spaces.list(city, field, includeArchived).stream().filter(s -> rules.canRead(who, s)).toList();
    }

    @Transactional
    public Space get(Optional<Caller.Identity> who, long id) {
        return spaces.find(id).filter(s -> rules.canRead(who, s))
                .orElseThrow(() -> ProblemException.notFound("Space", String.valueOf(id)));
    }

    @Transactional
    public Space create(Caller.Identity who, NewSpace body) {
        Space.Visibility visibility = body.visibility() == null ? Space.Visibility.PUBLIC
                : Space.Visibility.valueOf(body.visibility());
        boolean hasCity = body.city() != null && !body.city().isBlank();
        boolean hasField = body.field() != null && !body.field().isBlank();
        if (hasCity == hasField) {
            throw ProblemException.invalidField("city", "Give either a city or a field.");
        }
        Space space;
        String suffix = "-" + City.slugOf(body.name());
        if (hasCity) {
            City city = cities.get(body.city());
            space = Space.ofCity(uniqueSlug(citySpaceSlug(city.slug()) + suffix), body.name().trim(), city,
                    visibility, time.now());
        } else {
            String field = cityRepository.findField(body.field())
                    .orElseThrow(() -> ProblemException.notFound("Field", body.field())).slug();
            space = Space.ofField(uniqueSlug("field-" + field + suffix), body.name().trim(), field, visibility,
                    time.now());
        }
        rules.requireManager(who, space);
        return spaces.add(space);
    }

    @Transactional
    public Space update(Caller.Identity who, long id, SpaceUpdate body) {
        Space space = get(Optional.of(who), id);
        rules.requireManager(who, space);
        if (body.name() != null) {
            space.rename(body.name().trim());
        }
        if (body.visibility() != null) {
            space.setVisibility(Space.Visibility.valueOf(body.visibility()));
        }
        if (body.archived() != null) {
            space.setArchived(body.archived());
        }
        rulesChanged.fire(new RulesChanged(space.id()));
        return space;
    }

    @Transactional
    public List<Room> rooms(Optional<Caller.Identity> who, long spaceId, boolean includeArchived) {
        Space space = get(who, spaceId);
        return spaces.rooms(space.id(), includeArchived);
    }

    @Transactional
    public Room room(Optional<Caller.Identity> who, long roomId) {
        return spaces.findRoom(roomId).filter(r -> rules.canReadRoom(who, r))
                .orElseThrow(() -> ProblemException.notFound("Room", String.valueOf(roomId)));
    }

    @Transactional
    public Room createRoom(Caller.Identity who, long spaceId, NewRoom body) {
        Space space = get(Optional.of(who), spaceId);
        rules.requireManager(who, space);
        if (space.isArchived()) {
            throw ProblemException.conflict("Space archived", space.name() + " is archived.");
        }
        String kind = body.kind() == null || body.kind().isBlank() ? Room.DISCUSSION
                : body.kind().trim().toLowerCase(Locale.ROOT);
        if (Room.DISCUSSION.equals(kind)) {
            return opened(spaces.addRoom(new Room(space, kind, body.name().trim(), blankToNull(body.topic()), who.id(),
                    time.now())));
        }
        Optional<String> citySlug = space.city().map(City::slug);
        RoomKinds provider = provider(kind).orElseThrow(() -> unknownKind(kind));
        if (!provider.creatable(kind, citySlug)) {
            throw new ProblemException(422, "/problems/room-kind-unavailable", "Room kind unavailable",
                    "Rooms of kind '" + kind + "' cannot be created in " + space.name()
                            + ": its plugin is not enabled there.", List.of(), null);
        }
        String attributes = body.attributes() == null ? null : body.attributes().toString();
        if (attributes != null && attributes.length() > 4000) {
            throw ProblemException.invalidField("attributes", "At most 4000 characters of JSON.");
        }
        Room room = spaces.addRoom(new Room(space, kind, body.name().trim(), blankToNull(body.topic()), who.id(),
                attributes, time.now()));
        Optional<RoomKinds.Refusal> refusal = provider.open(room, rules.participant(who, space));
        if (refusal.isPresent()) {
            throw new ProblemException(422, "/problems/room-refused/" + refusal.get().code(),
                    "Room refused: " + refusal.get().code(), refusal.get().reason(), List.of(), null);
        }
        return opened(room);
    }

    private Room opened(Room room) {
        roomChanged.fire(new RoomChanged(room.id(), room.space().city().map(City::slug).orElse(""), room.kind(),
                true));
        return room;
    }

    /** The kinds of room that can be created in the space now: discussion, then the plugins' kinds. */
    @Transactional
    public List<SpaceDtos.RoomKindView> roomKinds(Optional<Caller.Identity> who, long spaceId) {
        Space space = get(who, spaceId);
        Optional<String> citySlug = space.city().map(City::slug);
        List<SpaceDtos.RoomKindView> kinds = new java.util.ArrayList<>();
        kinds.add(new SpaceDtos.RoomKindView(Room.DISCUSSION, "Discussion",
                "A chat room: messages, threads, reactions and mentions.", null, null));
        for (RoomKinds provider : roomKinds) {
            provider.offers(citySlug).forEach(o -> kinds.add(
                    new SpaceDtos.RoomKindView(o.id(), o.name(), o.description(), o.pluginId(), o.ui())));
        }
        return kinds;
    }

    /** The room as its readers see it, with the browser element of its kind when that is available. */
    public SpaceDtos.RoomView view(Room room) {
        RoomKinds.Ui ui = Room.DISCUSSION.equals(room.kind()) ? null : provider(room.kind())
                .flatMap(p -> p.ui(room.kind(), room.space().city().map(City::slug))).orElse(null);
        return SpaceDtos.RoomView.of(room, ui);
    }

    /** The bean that provides a plugin room kind now, if any. */
    public Optional<RoomKinds> provider(String kind) {
        for (RoomKinds kinds : roomKinds) {
            if (kinds.handles(kind)) {
                return Optional.of(kinds);
            }
        }
        return Optional.empty();
    }

    private static ProblemException unknownKind(String kind) {
        return ProblemException.invalidField("kind", "Unknown room kind '" + kind + "'.");
    }

    @Transactional
    public Room updateRoom(Caller.Identity who, long roomId, RoomUpdate body) {
        Room room = room(Optional.of(who), roomId);
        rules.requireManager(who, room.space());
        boolean wasLocked = room.isLocked();
        int wasSlow = room.slowModeSeconds();
        boolean wasArchived = room.isArchived();
        if (body.name() != null) {
            room.rename(body.name().trim());
        }
        if (body.topic() != null) {
            room.setTopic(blankToNull(body.topic()));
        }
        if (body.archived() != null && body.archived() != room.isArchived()) {
            room.setArchived(body.archived());
            if (body.archived() && !Room.DISCUSSION.equals(room.kind())) {
                provider(room.kind()).ifPresent(p -> p.close(room));
            }
            moderation.record(who, body.archived() ? "archive-room" : "restore-room", room.space().id(), room.id(),
                    null, null, null);
            roomChanged.fire(new RoomChanged(room.id(), room.space().city().map(City::slug).orElse(""), room.kind(),
                    !body.archived()));
        }
        if (body.locked() != null && body.locked() != room.isLocked()) {
            room.setLocked(body.locked());
            moderation.record(who, body.locked() ? "lock-room" : "unlock-room", room.space().id(), room.id(), null,
                    null, null);
        }
        if (body.slowModeSeconds() != null && body.slowModeSeconds() != room.slowModeSeconds()) {
            room.setSlowModeSeconds(body.slowModeSeconds());
            moderation.record(who, "slow-mode", room.space().id(), room.id(), null, null,
                    body.slowModeSeconds() + " seconds");
        }
        rulesChanged.fire(new RulesChanged(room.space().id()));
        if (wasLocked != room.isLocked() || wasSlow != room.slowModeSeconds() || wasArchived != room.isArchived()) {
            roomSettingsChanged.fire(new RoomSettingsChanged(room.id(), room.isLocked(), room.slowModeSeconds(),
                    room.isArchived(), who));
        }
        return room;
    }

    private String uniqueSlug(String base) {
        String slug = base;
        int n = 2;
        while (spaces.findBySlug(slug).isPresent()) {
            slug = base + "-" + n++;
        }
        return slug;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
