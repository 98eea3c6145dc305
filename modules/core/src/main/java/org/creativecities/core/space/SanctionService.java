package org.creativecities.core.space;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.creativecities.core.identity.Account;
import org.creativecities.core.identity.AccountRepository;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.platform.TimeSource;
import org.creativecities.core.platform.web.ProblemException;
import org.creativecities.core.space.SpaceDtos.PersonRef;
import org.creativecities.core.space.SpaceDtos.SanctionView;

/**
 * The mutes and bans that still hold, for a space's managers: listed for a room (its own and the space-wide ones)
 * or for a whole space, extended, and lifted one by one. Every change is audited and, once committed, announced as
 * a {@link ModerationService.Moderated} so that cached posting rights are dropped.
 */
@ApplicationScoped
public class SanctionService {

    @Inject
    private ModerationRepository repository;

    @Inject
    private ModerationService moderation;

    @Inject
    private SpaceService spaces;

    @Inject
    private SpaceRules spaceRules;

    @Inject
    private SpaceRepository spaceRepository;

    @Inject
    private AccountRepository accounts;

    @Inject
    private TimeSource time;

    @Inject
    private Event<ModerationService.Moderated> moderated;

    /** The sanctions that hold in a room now: its own and its space's, oldest first. */
    @Transactional
    public List<SanctionView> ofRoom(Caller.Identity who, long roomId) {
        Room room = managedRoom(who, roomId);
        return views(current(room.space()).filter(s -> s.roomId().map(r -> r.longValue() == room.id()).orElse(true)));
    }

    /** The sanctions that hold now anywhere in a space, oldest first. */
    @Transactional
    public List<SanctionView> ofSpace(Caller.Identity who, long spaceId) {
        Space space = spaces.get(Optional.of(who), spaceId);
        spaceRules.requireManager(who, space);
        return views(current(space));
    }

    /** Moves the end of a timed sanction of the room's space later by {@code minutes}. */
    @Transactional
    public SanctionView extend(Caller.Identity who, long roomId, long sanctionId, int minutes) {
        Room room = managedRoom(who, roomId);
        Sanction s = sanction(room, sanctionId);
        OffsetDateTime end = s.until().orElseThrow(() -> ProblemException.invalidField("minutes",
                "This lasts until lifted already."));
        s.endAt(end.plusMinutes(minutes));
        String action = "extend-" + kind(s);
        moderation.record(who, action, s.spaceId(), s.roomId().orElse(null), s.accountId(), null,
                minutes + " minutes");
        moderated.fire(new ModerationService.Moderated(action, s.accountId(), rooms(s)));
        return views(Stream.of(s)).get(0);
    }

    /** Lifts one sanction of the room's space. */
    @Transactional
    public void lift(Caller.Identity who, long roomId, long sanctionId) {
        Room room = managedRoom(who, roomId);
        Sanction s = sanction(room, sanctionId);
        String action = "un" + kind(s);
        repository.remove(s);
        moderation.record(who, action, s.spaceId(), s.roomId().orElse(room.id()), s.accountId(), null,
                s.roomId().isPresent() ? "this room" : "whole space");
        moderated.fire(new ModerationService.Moderated(action, s.accountId(), rooms(s)));
    }

    private Room managedRoom(Caller.Identity who, long roomId) {
        Room room = spaces.room(Optional.of(who), roomId);
        spaceRules.requireManager(who, room.space());
        return room;
    }

    /** A current sanction of the room's space, else 404 (one of another space is not this room's business). */
    private Sanction sanction(Room room, long sanctionId) {
        return repository.findSanction(sanctionId)
                .filter(s -> s.spaceId() == room.space().id() && s.isCurrent(time.now()))
                .orElseThrow(() -> ProblemException.notFound("Sanction", String.valueOf(sanctionId)));
    }

    private Stream<Sanction> current(Space space) {
        OffsetDateTime now = time.now();
        return repository.sanctionsOfSpace(space.id()).stream().filter(s -> s.isCurrent(now));
    }

    private List<Long> rooms(Sanction s) {
        return s.roomId().map(List::of)
                .orElseGet(() -> spaceRepository.rooms(s.spaceId(), true).stream().map(Room::id).toList());
    }

    private static String kind(Sanction s) {
        return s.kind() == Sanction.Kind.MUTE ? "mute" : "ban";
    }

    private List<SanctionView> views(Stream<Sanction> sanctions) {
        List<Sanction> list = sanctions.toList();
        Map<Long, String> names = names(list.stream().flatMap(s -> Stream.of(s.accountId(), s.createdBy()))
                .collect(Collectors.toSet()));
        Map<Long, String> roomNames = list.stream().flatMap(s -> s.roomId().stream()).distinct()
                .flatMap(id -> spaceRepository.findRoom(id).stream())
                .collect(Collectors.toMap(Room::id, Room::name));
        return list.stream().map(s -> new SanctionView(s.id(), kind(s),
                new PersonRef(s.accountId(), names.getOrDefault(s.accountId(), "")), s.spaceId(),
                s.roomId().orElse(null), s.roomId().map(roomNames::get).orElse(null), s.until().orElse(null),
                new PersonRef(s.createdBy(), names.getOrDefault(s.createdBy(), "")), s.createdAt())).toList();
    }

    private Map<Long, String> names(Collection<Long> ids) {
        return accounts.findByIds(ids).stream().collect(Collectors.toMap(Account::id, Account::displayName,
                (a, b) -> a));
    }
}
