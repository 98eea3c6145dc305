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
import org.creativecities.core.membership.Membership;
import org.creativecities.core.membership.MembershipRepository;
import org.creativecities.core.platform.TimeSource;
import org.creativecities.core.platform.web.ProblemException;
import org.creativecities.core.space.SpaceDtos.NewRoom;
import org.creativecities.core.space.SpaceDtos.NewSpace;
import org.creativecities.core.space.SpaceDtos.RoomUpdate;
import org.creativecities.core.space.SpaceDtos.SpaceUpdate;

/**
 * The rules of spaces and rooms. Who is a member of a space: for a city space, an active member of the
 * city; for a network space of a field, an active member of any city currently designated in that field; for an
 * owned space (a project's), whom its {@link SpaceOwner} names; administrators always. Readers of a public space:
 * everyone. Readers of a members-only space: its members only; to everybody else it does not exist (404).
 * Managers: the city's coordinators and administrators for a city space, administrators for a network space, whom
 * the owner names (and administrators) for an owned space.
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
    private MembershipRepository memberships;

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

    /** Whether the person is a member of the space (see the class comment). */
    public boolean isMember(Caller.Identity who, Space space) {
        if (who.admin()) {
            return true;
        }
        if (space.city().isPresent()) {
            return memberships.find(space.city().get().id(), who.id()).filter(Membership::isActive).isPresent();
        }
        if (OwnedSpaces.owned(space)) {
            return owned.rights(space, who.id()).member();
        }
        String field = space.fieldSlug().orElse("");
        return memberships.ofAccount(who.id()).stream().filter(Membership::isActive)
                .anyMatch(m -> m.city().currentField().map(f -> f.slug().equals(field)).orElse(false));
    }

    public boolean canRead(Optional<Caller.Identity> who, Space space) {
        if (who.isPresent() && !who.get().admin() && moderation.isBannedFromSpace(who.get().id(), space)) {
            return false;
        }
        return space.visibility() == Space.Visibility.PUBLIC || who.map(w -> isMember(w, space)).orElse(false);
    }

    /** Whether the person may read the room: they may read its space and are not banned from the room. */
    public boolean canReadRoom(Optional<Caller.Identity> who, Room room) {
        return canRead(who, room.space()) && who.filter(w -> !w.admin())
                .map(w -> !moderation.isSanctioned(w.id(), room, Sanction.Kind.BAN)).orElse(true);
    }

    public boolean canManage(Optional<Caller.Identity> who, Space space) {
        if (who.isEmpty()) {
            return false;
        }
        Caller.Identity w = who.get();
        if (w.admin()) {
            return true;
        }
        if (OwnedSpaces.owned(space)) {
            return owned.rights(space, w.id()).manager();
        }
        return space.city().flatMap(c -> memberships.find(c.id(), w.id()))
                .filter(m -> m.isActive() && m.role() == Membership.Role.COORDINATOR).isPresent();
    }

    /** Why the person may not post in the room now, or empty when they may. */
    public Optional<String> postRefusal(Caller.Identity who, Room room) {
        Space space = room.space();
        if (!isMember(who, space)) {
            return Optional.of("only members of " + space.name() + " can post here");
        }
        if (room.isArchived() || space.isArchived()) {
            return Optional.of("the room is archived");
        }
        if (room.isLocked() && !canManage(Optional.of(who), space)) {
            return Optional.of("the room is locked");
        }
        if (moderation.isSanctioned(who.id(), room, Sanction.Kind.MUTE)) {
            return Optional.of("you are muted here");
        }
        return Optional.empty();
    }

    @Transactional
    public List<Space> list(Optional<Caller.Identity> who, Optional<String> city, Optional<String> field,
                            boolean includeArchived) {
        city.ifPresent(this::ensureCitySpace);
        return spaces.list(city, field, includeArchived).stream().filter(s -> canRead(who, s)).toList();
    }

    @Transactional
    public Space get(Optional<Caller.Identity> who, long id) {
        return spaces.find(id).filter(s -> canRead(who, s))
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
        requireManager(who, space);
        return spaces.add(space);
    }

    @Transactional
    public Space update(Caller.Identity who, long id, SpaceUpdate body) {
        Space space = get(Optional.of(who), id);
        requireManager(who, space);
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
        return spaces.findRoom(roomId).filter(r -> canReadRoom(who, r))
                .orElseThrow(() -> ProblemException.notFound("Room", String.valueOf(roomId)));
    }

    @Transactional
    public Room createRoom(Caller.Identity who, long spaceId, NewRoom body) {
        Space space = get(Optional.of(who), spaceId);
        requireManager(who, space);
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
        Optional<RoomKinds.Refusal> refusal = provider.open(room, participant(who, space));
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

    /** The person as a room kind sees them. */
    public RoomKinds.Participant participant(Caller.Identity who, Space space) {
        return new RoomKinds.Participant(who.id(), who.displayName(), isCoordinator(who, space), who.admin());
    }

    /** Whether the person is an active coordinator of the space's city (never for a network space). */
    public boolean isCoordinator(Caller.Identity who, Space space) {
        return space.city().flatMap(c -> memberships.find(c.id(), who.id()))
                .filter(m -> m.isActive() && m.role() == Membership.Role.COORDINATOR).isPresent();
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
        requireManager(who, room.space());
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

    /** Creates the community space of a city (with its general room) if it has none yet. */
    @Transactional
    public void ensureCitySpace(String citySlug) {
        City city = cities.get(citySlug);
        if (spaces.findBySlug(citySpaceSlug(city.slug())).isEmpty()) {
            addCitySpace(city);
        }
    }

    /**
     * Creates what every platform has: a space per city and a network space per field, each with a room. Reads
     * first, then writes everything at once: one flush instead of two per space.
     */
    @Transactional
    public int ensureDefaultSpaces() {
        List<Room> created = new java.util.ArrayList<>();
        for (City city : spaces.citiesWithoutSpace()) {
            created.add(citySpace(city));
        }
        for (var field : cityRepository.fields()) {
            String slug = "field-" + field.slug();
            if (spaces.findBySlug(slug).isEmpty()) {
                Space space = Space.ofField(slug, "Cities of " + field.name(), field.slug(),
                        Space.Visibility.PUBLIC, time.now());
                created.add(generalRoom(space));
            }
        }
        if (!created.isEmpty()) {
            spaces.addAll(created);
        }
        return created.size();
    }

    private void addCitySpace(City city) {
        spaces.addAll(List.of(citySpace(city)));
    }

    /** A city's community space (not yet stored) with its general room. */
    private Room citySpace(City city) {
        return generalRoom(Space.ofCity(citySpaceSlug(city.slug()), city.name() + " community", city,
                Space.Visibility.PUBLIC, time.now()));
    }

    private Room generalRoom(Space space) {
        return new Room(space, Room.DISCUSSION, "general", null, null, time.now());
    }

    /** Refuses with 403 anyone who does not manage the space. */
    void requireManager(Caller.Identity who, Space space) {
        if (!canManage(Optional.of(who), space)) {
            throw ProblemException.forbidden(space.city().isPresent()
                    ? "Only coordinators of " + space.city().get().name() + " and administrators can do this."
                    : OwnedSpaces.owned(space) ? "Only the managers of " + space.name() + " can do this."
                    : "Only network administrators can manage network spaces.");
        }
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
