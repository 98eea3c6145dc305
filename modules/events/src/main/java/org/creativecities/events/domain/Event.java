package org.creativecities.events.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * An event of the network (the aggregate root): its title and Markdown description, its start and end as wall-clock
 * times in the organiser's IANA zone (the instants are derived and kept for queries), a place, its organising cities
 * and fields (core rows, by id), a capacity, an optional RRULE, and whether it is published or only proposed by a
 * member and waiting for a coordinator. Its RSVPs are {@link Rsvp} rows; a series answers once.
 */
@Entity
@Table(name = "event")
public class Event {

    /** Published: seen by everyone. Proposed by a member: seen by them and the coordinators. Declined: likewise. */
    public enum Status { PUBLISHED, PROPOSED, DECLINED }

    /** Where it happens: in a city, at an address (optionally in a city), or online. */
    public enum PlaceKind { CITY, ADDRESS, ONLINE }

    @Id
    @SequenceGenerator(name = "event_seq", sequenceName = "event_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "event_seq")
    private Long id;

    @Column(nullable = false)
    private String title;

    private String description;

    @Column(name = "starts_local", nullable = false)
    private LocalDateTime startsLocal;

    @Column(name = "ends_local", nullable = false)
    private LocalDateTime endsLocal;

    @Column(name = "time_zone", nullable = false)
    private String timeZone;

    @Column(name = "starts_at", nullable = false)
    private OffsetDateTime startsAt;

    @Column(name = "ends_at", nullable = false)
    private OffsetDateTime endsAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "place_kind", nullable = false)
    private PlaceKind placeKind;

    @Column(name = "room_id")
    private Long roomId;

    @Column(name = "space_id")
    private Long spaceId;

    @Column(name = "place_city_id")
    private Long placeCityId;

    private String address;

    private Integer capacity;

    private String rrule;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(name = "created_by")
    private Long createdBy;

    @Column(name = "decided_by")
    private Long decidedBy;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "event_city", joinColumns = @JoinColumn(name = "event_id"))
    @Column(name = "city_id")
    private Set<Long> cityIds = new LinkedHashSet<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "event_field", joinColumns = @JoinColumn(name = "event_id"))
    @Column(name = "field_id")
    private Set<Long> fieldIds = new LinkedHashSet<>();

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    protected Event() {
    }

    /** A new event; {@code createdBy} is null for the network's own history, which the platform seeds. */
    public Event(String title, Status status, Long createdBy, OffsetDateTime now) {
        this.title = title;
        this.status = status;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Sets the wall-clock times in the zone, and the instants they stand for. */
    public void schedule(LocalDateTime start, LocalDateTime end, ZoneId zone, OffsetDateTime now) {
        this.startsLocal = start;
        this.endsLocal = end;
        this.timeZone = zone.getId();
        this.startsAt = start.atZone(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        this.endsAt = end.atZone(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        this.updatedAt = now;
    }

    public void retitle(String newTitle, OffsetDateTime now) {
        this.title = newTitle;
        this.updatedAt = now;
    }

    public void describe(String markdown, OffsetDateTime now) {
        this.description = markdown;
        this.updatedAt = now;
    }

    public void place(PlaceKind kind, Long cityId, String newAddress, OffsetDateTime now) {
        this.placeKind = kind;
        this.placeCityId = cityId;
        this.address = newAddress;
        this.updatedAt = now;
    }

    public void limit(Integer newCapacity, OffsetDateTime now) {
        this.capacity = newCapacity;
        this.updatedAt = now;
    }

    public void recur(String newRrule, OffsetDateTime now) {
        this.rrule = newRrule;
        this.updatedAt = now;
    }

    public void organise(Set<Long> cities, Set<Long> fields, OffsetDateTime now) {
        cityIds.clear();
        cityIds.addAll(cities);
        fieldIds.clear();
        fieldIds.addAll(fields);
        this.updatedAt = now;
    }

    /** A coordinator's answer to a proposal. */
    public void decide(boolean approved, long coordinator, OffsetDateTime now) {
        this.status = approved ? Status.PUBLISHED : Status.DECLINED;
        this.decidedBy = coordinator;
        this.updatedAt = now;
    }

    /** An online event's live room, given once when it is published. */
    public void attachRoom(long room, OffsetDateTime now) {
        this.roomId = room;
        this.updatedAt = now;
    }

    public Optional<Long> roomId() {
        return Optional.ofNullable(roomId);
    }

    /** Makes the event one of a space's (a project's own space), or of none. */
    public void belongTo(Long space, OffsetDateTime now) {
        this.spaceId = space;
        this.updatedAt = now;
    }

    /** The space the event belongs to, if any. */
    public Optional<Long> spaceId() {
        return Optional.ofNullable(spaceId);
    }

    public Long id() {
        return id;
    }

    public String title() {
        return title;
    }

    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    public LocalDateTime startsLocal() {
        return startsLocal;
    }

    public LocalDateTime endsLocal() {
        return endsLocal;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public OffsetDateTime startsAt() {
        return startsAt;
    }

    public OffsetDateTime endsAt() {
        return endsAt;
    }

    public PlaceKind placeKind() {
        return placeKind;
    }

    public Optional<Long> placeCityId() {
        return Optional.ofNullable(placeCityId);
    }

    public Optional<String> address() {
        return Optional.ofNullable(address);
    }

    public Optional<Integer> capacity() {
        return Optional.ofNullable(capacity);
    }

    public Optional<String> rrule() {
        return Optional.ofNullable(rrule);
    }

    public Status status() {
        return status;
    }

    public boolean isPublished() {
        return status == Status.PUBLISHED;
    }

    /** Who created or proposed it; empty for a seeded event. */
    public Optional<Long> createdBy() {
        return Optional.ofNullable(createdBy);
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public Set<Long> cityIds() {
        return Set.copyOf(cityIds);
    }

    public Set<Long> fieldIds() {
        return Set.copyOf(fieldIds);
    }

    public long rowVersion() {
        return rowVersion;
    }
}
