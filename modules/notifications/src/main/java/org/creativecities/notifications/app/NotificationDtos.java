package org.creativecities.notifications.app;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.creativecities.notifications.domain.Notification;

/** The notification centre's API bodies. */
public final class NotificationDtos {

    private NotificationDtos() {
    }

    /**
     * One notification, as its recipient sees it. Only the references that apply are set.
     *
     * @param kind      mention, reply, join-request, join-answer, work-version, work-fork, work-invitation, moderation,
     *                  event-starting-soon, project-join-request, project-join-answer, project-invitation,
     *                  project-invitation-answer, announcement
     * @param actorId   who did it (absent for moderation and join answers: the moderator stays anonymous)
     * @param room      the room of a mention, reply or moderation
     * @param seq       the message concerned
     * @param work      the work concerned
     * @param fork      for a fork: the new work, if the recipient may see it
     * @param city      the city of a join request or answer
     * @param detail    approved / rejected (join answer); mute, ban, kick, unmute, unban, delete-message
     *                  (moderation); approved / declined (project join answer); accepted / refused (project
     *                  invitation answer)
     * @param excerpt   the start of the message (mention, reply)
     * @param event      the event of an occurrence starting soon
     * @param eventTitle its title
     * @param eventStart the occurrence's start
     * @param project      the project of a join request, an invitation or their answer
     * @param projectTitle its title
     * @param announcement      the announcement (its detail: network, field or city; its excerpt: the body's start)
     * @param announcementTitle its title
     */
    public record NotificationView(long id, String kind, Long actorId, String actorName, Long room,
                                   String roomName, Long seq, Long work, String workTitle, Long fork, String city,
                                   String detail, String excerpt, Long event, String eventTitle,
                                   OffsetDateTime eventStart, Long project, String projectTitle,
                                   Long announcement, String announcementTitle,
                                   OffsetDateTime createdAt, OffsetDateTime readAt) {

        public static NotificationView of(Notification n) {
            return new NotificationView(n.id(), n.kind().apiName(), n.actorId().orElse(null),
                    n.actorName().orElse(null), n.roomId().orElse(null), n.roomName().orElse(null),
                    n.seq().orElse(null), n.workId().orElse(null), n.workTitle().orElse(null),
                    n.forkId().orElse(null), n.citySlug().orElse(null), n.detail().orElse(null),
                    n.excerpt().orElse(null), n.eventId().orElse(null), n.eventTitle().orElse(null),
                    n.eventStart().orElse(null), n.projectId().orElse(null), n.projectTitle().orElse(null),
                    n.announcementId().orElse(null), n.announcementTitle().orElse(null), n.createdAt(),
                    n.readAt().orElse(null));
        }
    }

    /** A page of my notifications, newest first, with how many of all of them are unread. */
    public record NotificationPage(List<NotificationView> items, long total, int page, int size, long unread) {
    }

    /** Which notifications to mark read: the ids given, or all when {@code ids} is absent. */
    public record ReadRequest(List<Long> ids) {
    }

    /** How many were marked read, and how many remain unread. */
    public record ReadResult(int marked, long unread) {
    }

    /**
     * A room I entered, with what is new in it since I last read it.
     *
     * @param lastSeq the room's newest event number
     * @param readSeq how far I read it
     * @param unread  messages by others after {@code readSeq}
     */
    public record MyRoom(long room, String name, long space, String spaceName, String city, boolean archived,
                         long lastSeq, long readSeq, long unread) {
    }

    /** The rooms I entered, with unread counts, most recently read first. */
    public record MyRooms(List<MyRoom> items, long unreadRooms) {
    }

    /**
     * My notification preferences. In-app notifications are always kept ({@code inApp}: always).
     *
     * @param email    per kind: immediate, digest or off
     * @param digest   daily, weekly or off
     * @param language the language of mail: en or fr; "profile" when taken from the profile's languages (French
     *                 for a profile that lists French and not English, English otherwise)
     */
    public record PreferencesView(String inApp, Map<String, String> email, String digest, String language) {
    }

    /**
     * A change of preferences: the kinds given change, the others stay; digest and language unchanged when absent.
     * language: en, fr, or profile (take it from the profile's languages).
     */
    public record PreferencesUpdate(Map<String, String> email, String digest, String language) {
    }
}
