package org.creativecities.core.space;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.creativecities.core.identity.AccountRepository;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.platform.TimeSource;
import org.creativecities.core.platform.web.Page;
import org.creativecities.core.platform.web.PageRequest;
import org.creativecities.core.platform.web.ProblemException;

/**
 * Moderation by a space's managers: mute, kick, ban (and lift) a person in a room or a whole space, and the
 * audit log that every moderation action writes, including message deletions by managers and room settings
 * (lock, slow mode, archive).
 */
@ApplicationScoped
public class ModerationService {

    /**
     * A moderation action took effect (fired in the transaction; live connections react after the commit).
     *
     * @param action    mute, unmute, kick, ban or unban
     * @param accountId the person
     * @param roomIds   the rooms concerned (one, or every room of the space)
     */
    public record Moderated(String action, long accountId, List<Long> roomIds) {
    }

    /**
     * What a manager asks for.
     *
     * @param action    mute, unmute, kick, ban or unban
     * @param accountId the person
     * @param wholeSpace the whole space instead of only this room
     * @param minutes   how long a mute or ban lasts; empty = until lifted
     */
    public record Request(String action, long accountId, boolean wholeSpace, Optional<Integer> minutes) {
    }

    @Inject
    private ModerationRepository repository;

    @Inject
    private SpaceRepository spaces;

    @Inject
    private SpaceService spaceService;

    @Inject
    private SpaceRules spaceRules;

    @Inject
    private AccountRepository accounts;

    @Inject
    private TimeSource time;

    @Inject
    private Event<Moderated> moderated;

    /** Whether a sanction of this kind applies to the person in this room now. */
    public boolean isSanctioned(long accountId, Room room, Sanction.Kind kind) {
        OffsetDateTime now = time.now();
        return repository.sanctions(room.space().id(), accountId).stream()
                .anyMatch(s -> s.kind() == kind && s.appliesTo(room.space().id(), room.id(), now));
    }

    /** Whether a space-wide ban applies to the person now. */
    public boolean isBannedFromSpace(long accountId, Space space) {
        OffsetDateTime now = time.now();
        return repository.sanctions(space.id(), accountId).stream().anyMatch(s -> s.kind() == Sanction.Kind.BAN
                && s.roomId().isEmpty() && s.until().map(u -> u.isAfter(now)).orElse(true));
    }

    @Transactional
    public void moderate(Caller.Identity who, long roomId, Request request) {
        Room room = spaceService.room(Optional.of(who), roomId);
        Space space = room.space();
        if (!spaceRules.canManage(Optional.of(who), space)) {
            throw ProblemException.forbidden("Only the managers of " + space.name() + " can moderate it.");
        }
        if (request.accountId() == who.id()) {
            throw ProblemException.invalidField("accountId", "You cannot moderate yourself.");
        }
        if (accounts.findById(request.accountId()).isEmpty()) {
            throw ProblemException.notFound("Account", String.valueOf(request.accountId()));
        }
        Long scopeRoom = request.wholeSpace() ? null : room.id();
        OffsetDateTime until = request.minutes().map(m -> time.now().plusMinutes(m)).orElse(null);
        switch (request.action()) {
            case "mute" -> repository.add(new Sanction(space.id(), scopeRoom, request.accountId(), Sanction.Kind.MUTE,
                    until, who.id(), time.now()));
            case "ban" -> repository.add(new Sanction(space.id(), scopeRoom, request.accountId(), Sanction.Kind.BAN,
                    until, who.id(), time.now()));
            case "unmute" -> lift(space, scopeRoom, request.accountId(), Sanction.Kind.MUTE);
            case "unban" -> lift(space, scopeRoom, request.accountId(), Sanction.Kind.BAN);
            case "kick" -> {
                // Kicking only ends the person's presence; they may join again.
            }
            default -> throw ProblemException.invalidField("action", "One of mute, unmute, kick, ban, unban.");
        }
        record(who, request.action(), space.id(), room.id(), request.accountId(), null,
                (request.wholeSpace() ? "whole space" : "this room")
                        + request.minutes().map(m -> ", " + m + " minutes").orElse(""));
        List<Long> rooms = request.wholeSpace()
                ? spaces.rooms(space.id(), true).stream().map(Room::id).toList() : List.of(room.id());
        moderated.fire(new Moderated(request.action(), request.accountId(), rooms));
    }

    /** Writes one audit entry in the current transaction. */
    public void record(Caller.Identity who, String action, Long spaceId, Long roomId, Long targetAccount,
                       Long targetSeq, String detail) {
        repository.record(new AuditEntry(who.id(), who.displayName(), action, spaceId, roomId, targetAccount,
                targetSeq, detail, time.now()));
    }

    @Transactional
    public Page<AuditEntry> auditLog(Caller caller, PageRequest page) {
        caller.requireAdmin();
        return page.of(repository.auditLog(page.offset(), page.size()), repository.auditCount());
    }

    private void lift(Space space, Long roomId, long accountId, Sanction.Kind kind) {
        repository.sanctions(space.id(), accountId).stream()
                .filter(s -> s.kind() == kind && s.roomId().equals(Optional.ofNullable(roomId)))
                .forEach(repository::remove);
    }
}
