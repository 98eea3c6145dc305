package org.creativecities.notifications.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * One notification for one person (the aggregate of the notification centre): what happened ({@link NotificationKind}), who
 * did it, what it is about (a room's message, a work, a city, an event, a project, an announcement) and whether the
 * person has read it. It is created only for someone who may see what it is about, and never for the person who did
 * it.
 */
@Entity
@Table(name = "notification")
public class Notification {

    /** Longest excerpt of a message kept in a notification. */
    public static final int EXCERPT = 280;

    @Id
    @SequenceGenerator(name = "notification_seq", sequenceName = "notification_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notification_seq")
    private Long id;

    @Column(name = "account_id", nullable = false)
    private long accountId;

    @Column(nullable = false)
    private String kind;

    @Column(name = "actor_id")
    private Long actorId;

    @Column(name = "actor_name")
    private String actorName;

    @Column(name = "room_id")
    private Long roomId;

    @Column(name = "room_name")
    private String roomName;

    @Column(name = "seq")
    private Long seq;

    @Column(name = "work_id")
    private Long workId;

    @Column(name = "work_title")
    private String workTitle;

    @Column(name = "fork_id")
    private Long forkId;

    @Column(name = "city_slug")
    private String citySlug;

    @Column(name = "detail")
    private String detail;

    @Column(name = "excerpt")
    private String excerpt;

    @Column(name = "event_id")
    private Long eventId;

    @Column(name = "event_title")
    private String eventTitle;

    @Column(name = "event_start")
    private OffsetDateTime eventStart;

    @Column(name = "project_id")
    private Long projectId;

    @Column(name = "project_title")
    private String projectTitle;

    @Column(name = "announcement_id")
    private Long announcementId;

    @Column(name = "announcement_title")
    private String announcementTitle;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "read_at")
    private OffsetDateTime readAt;

    protected Notification() {
    }

    private Notification(long accountId, NotificationKind kind, Long actorId, String actorName, OffsetDateTime now) {
        this.accountId = accountId;
        this.kind = kind.name();
        this.actorId = actorId;
        this.actorName = actorName;
        this.createdAt = now;
    }

    /** A notification about a room's message (a mention, a reply, a moderation in a room). */
    public static Notification aboutRoom(long accountId, NotificationKind kind, Long actorId, String actorName, Long roomId,
                                         String roomName, Long seq, String detail, String text,
                                         OffsetDateTime now) {
        Notification n = new Notification(accountId, kind, actorId, actorName, now);
        n.roomId = roomId;
        n.roomName = roomName;
        n.seq = seq;
        n.detail = detail;
        n.excerpt = excerpt(text);
        return n;
    }

    /** A notification about a work. */
    public static Notification aboutWork(long accountId, NotificationKind kind, long actorId, String actorName, long workId,
                                         String workTitle, Long forkId, OffsetDateTime now) {
        Notification n = new Notification(accountId, kind, actorId, actorName, now);
        n.workId = workId;
        n.forkId = forkId;
        n.workTitle = workTitle;
        return n;
    }

    /** A notification about a city's community (a join request, its answer). */
    public static Notification aboutCity(long accountId, NotificationKind kind, Long actorId, String actorName, String citySlug,
                                         String detail, OffsetDateTime now) {
        Notification n = new Notification(accountId, kind, actorId, actorName, now);
        n.citySlug = citySlug;
        n.detail = detail;
        return n;
    }

    /** A notification about an occurrence of an event (it starts soon). */
    public static Notification aboutEvent(long accountId, NotificationKind kind, long eventId, String eventTitle,
                                          OffsetDateTime eventStart, OffsetDateTime now) {
        Notification n = new Notification(accountId, kind, null, null, now);
        n.eventId = eventId;
        n.eventTitle = eventTitle;
        n.eventStart = eventStart;
        return n;
    }

    /** A notification about a project (a join request, an invitation, their answers). */
    public static Notification aboutProject(long accountId, NotificationKind kind, long actorId, String actorName,
                                            long projectId, String projectTitle, String detail, OffsetDateTime now) {
        Notification n = new Notification(accountId, kind, actorId, actorName, now);
        n.projectId = projectId;
        n.projectTitle = projectTitle;
        n.detail = detail;
        return n;
    }

    /** A notification of an announcement: its author, title, the start of its body, and the city it went to. */
    public static Notification aboutAnnouncement(long accountId, Announcement a, OffsetDateTime now) {
        Notification n = new Notification(accountId, NotificationKind.ANNOUNCEMENT, a.authorId(), a.authorName(), now);
        n.announcementId = a.id();
        n.announcementTitle = a.title();
        n.citySlug = a.citySlug().orElse(null);
        n.detail = a.audience().apiName();
        n.excerpt = excerpt(a.body());
        return n;
    }

    private static String excerpt(String text) {
        if (text == null) {
            return null;
        }
        return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT - 1) + "…";
    }

    public void markRead(OffsetDateTime now) {
        if (readAt == null) {
            readAt = now;
        }
    }

    public Long id() {
        return id;
    }

    public long accountId() {
        return accountId;
    }

    public NotificationKind kind() {
        return NotificationKind.valueOf(kind);
    }

    public Optional<Long> actorId() {
        return Optional.ofNullable(actorId);
    }

    public Optional<String> actorName() {
        return Optional.ofNullable(actorName);
    }

    public Optional<Long> roomId() {
        return Optional.ofNullable(roomId);
    }

    public Optional<String> roomName() {
        return Optional.ofNullable(roomName);
    }

    public Optional<Long> seq() {
        return Optional.ofNullable(seq);
    }

    public Optional<Long> workId() {
        return Optional.ofNullable(workId);
    }

    public Optional<String> workTitle() {
        return Optional.ofNullable(workTitle);
    }

    public Optional<Long> forkId() {
        return Optional.ofNullable(forkId);
    }

    public Optional<String> citySlug() {
        return Optional.ofNullable(citySlug);
    }

    public Optional<Long> eventId() {
        return Optional.ofNullable(eventId);
    }

    public Optional<String> eventTitle() {
        return Optional.ofNullable(eventTitle);
    }

    public Optional<OffsetDateTime> eventStart() {
        return Optional.ofNullable(eventStart);
    }

    public Optional<Long> projectId() {
        return Optional.ofNullable(projectId);
    }

    public Optional<String> projectTitle() {
        return Optional.ofNullable(projectTitle);
    }

    public Optional<String> detail() {
        return Optional.ofNullable(detail);
    }

    public Optional<String> excerpt() {
        return Optional.ofNullable(excerpt);
    }

    public Optional<Long> announcementId() {
        return Optional.ofNullable(announcementId);
    }

    public Optional<String> announcementTitle() {
        return Optional.ofNullable(announcementTitle);
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public Optional<OffsetDateTime> readAt() {
        return Optional.ofNullable(readAt);
    }
}
