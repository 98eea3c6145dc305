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
 * An announcement (an aggregate of the notification centre): a title and a Markdown body that an administrator
 * sends to the whole network or to a creative field, or a city's coordinator to their city's members. Each
 * recipient gets one {@link NotificationKind#ANNOUNCEMENT} notification. The announcement also keeps its fan-out's
 * progress: the audience is walked in account id order, and {@link #deliveredTo()} is the last account whose
 * notification is stored, committed with it, so that a fan-out cut short resumes after it and nobody gets it twice.
 */
@Entity
@Table(name = "announcement")
public class Announcement {

    /** Who receives it. */
    public enum Audience {
        /** Every account of the network. */
        NETWORK,
        /** Every active member of a city designated in a creative field. */
        FIELD,
        /** Every active member of one city. */
        CITY;

        /** The name used in the API. */
        public String apiName() {
            return ApiNames.of(this);
        }

        /** The audience with this API name, if there is one. */
        public static Optional<Audience> ofApiName(String name) {
            return ApiNames.find(Audience.class, name);
        }
    }

    /** Longest title. */
    public static final int TITLE_MAX = 200;

    /** Longest body (Markdown). */
    public static final int BODY_MAX = 4000;

    @Id
    @SequenceGenerator(name = "announcement_seq", sequenceName = "announcement_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "announcement_seq")
    private Long id;

    @Column(name = "author_id", nullable = false)
    private long authorId;

    @Column(name = "author_name", nullable = false)
    private String authorName;

    @Column(nullable = false)
    private String audience;

    @Column(name = "field_slug")
    private String fieldSlug;

    @Column(name = "city_id")
    private Long cityId;

    @Column(name = "city_slug")
    private String citySlug;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String body;

    @Column(nullable = false)
    private int recipients;

    @Column(nullable = false)
    private int delivered;

    @Column(name = "delivered_to", nullable = false)
    private long deliveredTo;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "completed_at")
    private OffsetDateTime completedAt;

    /** The node delivering the fan-out now, and until when its claim holds; null once complete or never claimed. */
    @Column(name = "claimed_by")
    private String claimedBy;

    @Column(name = "claimed_until")
    private OffsetDateTime claimedUntil;

    protected Announcement() {
    }

    /**
     * A new announcement, not yet delivered to anyone.
     *
     * @param target     the field's slug (FIELD), the city's slug (CITY), null (NETWORK)
     * @param cityId     the city's id (CITY), else null
     */
    public Announcement(long authorId, String authorName, Audience audience, String target, Long cityId,
                        String title, String body, OffsetDateTime now) {
        this.authorId = authorId;
        this.authorName = authorName;
        this.audience = audience.apiName();
        this.fieldSlug = audience == Audience.FIELD ? target : null;
        this.citySlug = audience == Audience.CITY ? target : null;
        this.cityId = cityId;
        this.title = title;
        this.body = body;
        this.createdAt = now;
    }

    /** How many people its audience holds now (the fan-out reaches those there when it passes). */
    public void counted(int people) {
        this.recipients = people;
    }

    /** One batch of the fan-out is stored: its last account, and how many it held. */
    public void batchDelivered(long lastAccountId, int count) {
        this.deliveredTo = lastAccountId;
        this.delivered += count;
    }

    /** The audience is exhausted. */
    /** Whether another node's claim on the fan-out holds at {@code now}. */
    public boolean claimedByAnother(String node, OffsetDateTime now) {
        return claimedBy != null && !claimedBy.equals(node) && claimedUntil != null && claimedUntil.isAfter(now);
    }

    /** This node delivers the fan-out until {@code until}, unless it claims it again (each batch does). */
    public void claim(String node, OffsetDateTime until) {
        this.claimedBy = node;
        this.claimedUntil = until;
    }

    public void complete(OffsetDateTime now) {
        this.claimedBy = null;
        this.claimedUntil = null;
        this.completedAt = now;
    }

    public Long id() {
        return id;
    }

    public long authorId() {
        return authorId;
    }

    public String authorName() {
        return authorName;
    }

    public Audience audience() {
        return Audience.valueOf(audience.toUpperCase(java.util.Locale.ROOT));
    }

    public Optional<String> fieldSlug() {
        return Optional.ofNullable(fieldSlug);
    }

    public Optional<Long> cityId() {
        return Optional.ofNullable(cityId);
    }

    public Optional<String> citySlug() {
        return Optional.ofNullable(citySlug);
    }

    public String title() {
        return title;
    }

    public String body() {
        return body;
    }

    public int recipients() {
        return recipients;
    }

    public int delivered() {
        return delivered;
    }

    public long deliveredTo() {
        return deliveredTo;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public Optional<OffsetDateTime> completedAt() {
        return Optional.ofNullable(completedAt);
    }
}
