package org.creativecities.notifications.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.creativecities.core.city.CityRepository;
import org.creativecities.core.city.CommunityDirectory;
import org.creativecities.core.identity.AccountRepository;
import org.creativecities.core.live.MessageAddressed;
import org.creativecities.core.live.MessageReads;
import org.creativecities.core.live.MessageReads.Reader;
import org.creativecities.core.live.MessageReads.RoomAccess;
import org.creativecities.core.live.MessageRemoved;
import org.creativecities.core.membership.MembershipService.MembershipChanged;
import org.creativecities.core.platform.TimeSource;
import org.creativecities.core.space.ModerationService.Moderated;
import org.creativecities.events.app.StartingSoon;
import org.creativecities.notifications.domain.Notification;
import org.creativecities.notifications.domain.NotificationKind;
import org.creativecities.projects.app.ProjectActivity;
import org.creativecities.works.WorksException;
import org.creativecities.works.app.WorkAccess;
import org.creativecities.works.app.WorkActivity;

/**
 * Decides who hears of what: turns one event of another context into the notifications it causes. Nobody hears
 * of their own action, and a notification names a room or a work only to someone who may see it.
 */
@ApplicationScoped
public class Composer {

    @Inject
    private MessageReads reads;

    @Inject
    private CommunityDirectory directory;

    @Inject
    private CityRepository cities;

    @Inject
    private AccountRepository accounts;

    @Inject
    private WorkAccess works;

    @Inject
    private TimeSource time;

    /**
     * A message's mentions and its reply. The people it mentions can read the room (the core found them so); the
     * author of the message answered is told only if they still can. Someone both mentioned and answered gets
     * the mention alone.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Notification> message(MessageAddressed m) {
        Optional<RoomAccess> room = reads.room(m.roomId());
        if (room.isEmpty()) {
            return List.of();
        }
        List<Notification> out = new ArrayList<>();
        for (long id : m.mentioned()) {
            if (id != m.authorId()) {
                out.add(Notification.aboutRoom(id, NotificationKind.MENTION, m.authorId(), m.authorName(), m.roomId(),
                        room.get().roomName(), m.seq(), null, m.text(), time.now()));
            }
        }
        m.repliedTo().filter(id -> id != m.authorId() && !m.mentioned().contains(id))
                .filter(id -> reads.reader(id).map(r -> RoomRules.readable(r, room.get())).orElse(false))
                .ifPresent(id -> out.add(Notification.aboutRoom(id, NotificationKind.REPLY, m.authorId(), m.authorName(),
                        m.roomId(), room.get().roomName(), m.seq(), null, m.text(), time.now())));
        return out;
    }

    /**
     * A moderator muted, banned, kicked (or lifted a sanction of) someone. The moderator is not named; the room
     * (or the space, for a space-wide sanction) is named only to someone who belongs to its readers, bans aside.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Notification> moderated(Moderated m) {
        if (m.roomIds().isEmpty()) {
            return List.of();
        }
        Optional<RoomAccess> room = reads.room(m.roomIds().get(0));
        Optional<Reader> reader = reads.reader(m.accountId());
        if (reader.isEmpty()) {
            return List.of();
        }
        boolean named = room.map(r -> RoomRules.member(reader.get(), r)).orElse(false);
        Long roomId = named ? room.get().roomId() : null;
        String name = !named ? null : m.roomIds().size() > 1 ? room.get().spaceName() : room.get().roomName();
        return List.of(Notification.aboutRoom(m.accountId(), NotificationKind.MODERATION, null, null, roomId, name, null,
                m.action(), null, time.now()));
    }

    /** A manager deleted someone's message. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Notification> removed(MessageRemoved m) {
        if (m.authorId() == m.removedBy()) {
            return List.of();
        }
        Optional<RoomAccess> room = reads.room(m.roomId());
        boolean named = room.isPresent()
                && reads.reader(m.authorId()).map(r -> RoomRules.member(r, room.get())).orElse(false);
        return List.of(Notification.aboutRoom(m.authorId(), NotificationKind.MODERATION, null, null,
                named ? m.roomId() : null, named ? room.get().roomName() : null, named ? m.seq() : null,
                "delete-message", null, time.now()));
    }

    /** A join request goes to the city's coordinators; an answer to the person who asked. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Notification> membership(MembershipChanged c) {
        switch (c.kind()) {
            case "requested" -> {
                String name = accounts.findById(c.accountId()).map(a -> a.displayName()).orElse(null);
                return cities.findBySlug(c.citySlug()).map(city -> directory.coordinators(city.id())).orElse(List.of())
                        .stream().filter(co -> co.accountId() != c.accountId())
                        .map(co -> Notification.aboutCity(co.accountId(), NotificationKind.JOIN_REQUEST, c.accountId(), name,
                                c.citySlug(), "requested", time.now())).toList();
            }
            case "approved", "rejected" -> {
                return List.of(Notification.aboutCity(c.accountId(), NotificationKind.JOIN_ANSWER, null, null, c.citySlug(),
                        c.kind(), time.now()));
            }
            default -> {
                return List.of();
            }
        }
    }

    /**
     * A new version of a work goes to its other authors; a fork too, naming the new work only to who may see it; an
     * invitation to the person added as a co-author.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Notification> work(WorkActivity a) {
        NotificationKind kind = switch (a.action()) {
            case "fork" -> NotificationKind.WORK_FORK;
            case "invitation" -> NotificationKind.WORK_INVITATION;
            default -> NotificationKind.WORK_VERSION;
        };
        List<Notification> out = new ArrayList<>();
        for (long author : a.authorIds()) {
            if (author == a.actorId()) {
                continue;
            }
            Long fork = kind == NotificationKind.WORK_FORK && canRead(author, a.forkId()) ? a.forkId() : null;
            out.add(Notification.aboutWork(author, kind, a.actorId(), a.actorName(), a.workId(), a.title(), fork,
                    time.now()));
        }
        return out;
    }

    private boolean canRead(long accountId, long workId) {
        try {
            works.readable(works.identityOf(accountId), workId);
            return true;
        } catch (WorksException hidden) {
            return false;
        }
    }

    /** An occurrence of an event starts soon: one notification to each person the events context reminds. */
    public List<Notification> startingSoon(StartingSoon e) {
        return e.accountIds().stream().map(id -> Notification.aboutEvent(id, NotificationKind.EVENT_STARTING_SOON, e.eventId(),
                e.title(), e.start(), time.now())).toList();
    }

    /**
     * A step into a project: a join request and an invitation's answer go to the project's leads, a request's answer
     * and an invitation to the person. Projects are public, so the project is named to everyone told.
     */
    public List<Notification> project(ProjectActivity a) {
        NotificationKind kind = switch (a.action()) {
            case "requested" -> NotificationKind.PROJECT_JOIN_REQUEST;
            case "approved", "declined" -> NotificationKind.PROJECT_JOIN_ANSWER;
            case "invited" -> NotificationKind.PROJECT_INVITATION;
            case "accepted", "refused" -> NotificationKind.PROJECT_INVITATION_ANSWER;
            default -> null;
        };
        if (kind == null) {
            return List.of();
        }
        String detail = kind == NotificationKind.PROJECT_JOIN_ANSWER || kind == NotificationKind.PROJECT_INVITATION_ANSWER ? a.action() : null;
        Set<Long> told = a.toLeads() ? a.leadIds() : Set.of(a.personId());
        return told.stream().filter(id -> id != a.actorId()).sorted()
                .map(id -> Notification.aboutProject(id, kind, a.actorId(), a.actorName(), a.projectId(), a.title(),
                        detail, time.now())).toList();
    }
}
