package org.creativecities.works.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A work: digital content that people make together (the aggregate of this context). It holds the metadata, its
 * authors and its publication state; its content lives in its immutable {@link WorkVersion}s, the latest of which
 * is the current one. A work is never removed: deleting it marks it deleted, which an administrator can undo.
 */
@Entity
@Table(name = "work")
public class Work {

    /** The core kinds; plugins add structured kinds stored as JSON (see docs/works.md). */
    public static final String TEXT = "text";
    public static final String COLLECTION = "collection";

    /** Draft: seen by its authors; published: seen by its audience. */
    public enum Status { DRAFT, PUBLISHED }

    /** Who reads a published work. */
    public enum Audience { EVERYONE, SPACE }

    @Id
    @SequenceGenerator(name = "work_seq", sequenceName = "work_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "work_seq")
    private Long id;

    @Column(nullable = false)
    private String kind;

    @Column(nullable = false)
    private String title;

    private String summary;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Licence licence;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Enumerated(EnumType.STRING)
    private Audience audience;

    @Column(name = "space_id")
    private Long spaceId;

    @Column(name = "open_to_space", nullable = false)
    private boolean openToSpace;

    @Column(name = "cover_media_id")
    private String coverMediaId;

    @Column(name = "latest_version", nullable = false)
    private int latestVersion;

    @Column(name = "derived_from_work_id")
    private Long derivedFromWorkId;

    @Column(name = "derived_from_version")
    private Integer derivedFromVersion;

    @Column(name = "created_by", nullable = false)
    private long createdBy;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Column(name = "published_at")
    private OffsetDateTime publishedAt;

    @Column(name = "deleted_at")
    private OffsetDateTime deletedAt;

    @Column(name = "deleted_by")
    private Long deletedBy;

    @Version
    @Column(name = "row_version", nullable = false)
    private long rowVersion;

    @Embedded
    private Classification classification = new Classification();

    @OneToMany(mappedBy = "work", cascade = CascadeType.PERSIST, fetch = FetchType.EAGER)
    @OrderBy("joinedAt ASC, id ASC")
    private List<WorkAuthor> authors = new ArrayList<>();

    protected Work() {
    }

    public Work(String kind, String title, Licence licence, long creatorId, Long creatorCityId, OffsetDateTime now) {
        this.kind = kind;
        this.title = title;
        this.licence = licence;
        this.status = Status.DRAFT;
        this.createdBy = creatorId;
        this.createdAt = now;
        this.updatedAt = now;
        this.authors.add(new WorkAuthor(this, creatorId, WorkAuthor.Role.CREATOR, creatorCityId, now));
    }

    /** The format of this kind's content in its versions: Markdown for text, JSON for every other kind. */
    public String format() {
        return TEXT.equals(kind) ? WorkVersion.MARKDOWN : WorkVersion.JSON;
    }

    public boolean isAuthor(long accountId) {
        return author(accountId).isPresent();
    }

    public Optional<WorkAuthor> author(long accountId) {
        return authors.stream().filter(a -> a.accountId() == accountId).findFirst();
    }

    public boolean isCreator(long accountId) {
        return author(accountId).map(a -> a.role() == WorkAuthor.Role.CREATOR).orElse(false);
    }

    /** Adds a co-author; false when they already are one. */
    public boolean addAuthor(long accountId, Long cityId, OffsetDateTime now) {
        if (isAuthor(accountId)) {
            return false;
        }
        authors.add(new WorkAuthor(this, accountId, WorkAuthor.Role.CO_AUTHOR, cityId, now));
        touch(now);
        return true;
    }

    /** Records that version {@code number} is now the latest. */
    public void versioned(int number, String newTitle, OffsetDateTime now) {
        this.latestVersion = number;
        this.title = newTitle;
        touch(now);
    }

    public void publish(Audience to, Long space, Licence under, OffsetDateTime now) {
        this.status = Status.PUBLISHED;
        this.audience = to;
        this.spaceId = to == Audience.SPACE ? space : spaceId;
        this.licence = under;
        this.publishedAt = now;
        touch(now);
    }

    public void derivedFrom(long workId, int version) {
        this.derivedFromWorkId = workId;
        this.derivedFromVersion = version;
    }

    public void delete(long by, OffsetDateTime now) {
        this.deletedAt = now;
        this.deletedBy = by;
    }

    /** Whether a deletion can still be undone at {@code now}: within {@code window} of it. */
    public boolean deletionUndoable(OffsetDateTime now, java.time.Duration window) {
        return deletedAt != null && !deletedAt.plus(window).isBefore(now);
    }

    public void undelete(OffsetDateTime now) {
        this.deletedAt = null;
        this.deletedBy = null;
        touch(now);
    }

    public void describe(String newSummary, OffsetDateTime now) {
        this.summary = newSummary;
        touch(now);
    }

    public void license(Licence newLicence, OffsetDateTime now) {
        this.licence = newLicence;
        touch(now);
    }

    public void placeIn(Long space, boolean open, OffsetDateTime now) {
        this.spaceId = space;
        this.openToSpace = open;
        touch(now);
    }

    public void cover(String mediaId, OffsetDateTime now) {
        this.coverMediaId = mediaId;
        touch(now);
    }

    public void classify(Set<Long> fields, Set<Long> aboutCities, Set<String> newLanguages, Set<String> newTags,
                         OffsetDateTime now) {
        classification.replace(fields, aboutCities, newLanguages, newTags);
        touch(now);
    }

    private void touch(OffsetDateTime now) {
        this.updatedAt = now;
    }

    public Long id() {
        return id;
    }

    public String kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public Optional<String> summary() {
        return Optional.ofNullable(summary);
    }

    public Licence licence() {
        return licence;
    }

    public Status status() {
        return status;
    }

    public boolean isPublished() {
        return status == Status.PUBLISHED;
    }

    public Optional<Audience> audience() {
        return Optional.ofNullable(audience);
    }

    public Optional<Long> spaceId() {
        return Optional.ofNullable(spaceId);
    }

    public boolean isOpenToSpace() {
        return openToSpace;
    }

    public Optional<String> coverMediaId() {
        return Optional.ofNullable(coverMediaId);
    }

    public int latestVersion() {
        return latestVersion;
    }

    public Optional<Long> derivedFromWorkId() {
        return Optional.ofNullable(derivedFromWorkId);
    }

    public Optional<Integer> derivedFromVersion() {
        return Optional.ofNullable(derivedFromVersion);
    }

    public long createdBy() {
        return createdBy;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public OffsetDateTime updatedAt() {
        return updatedAt;
    }

    public Optional<OffsetDateTime> publishedAt() {
        return Optional.ofNullable(publishedAt);
    }

    public Optional<OffsetDateTime> deletedAt() {
        return Optional.ofNullable(deletedAt);
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    public Optional<Long> deletedBy() {
        return Optional.ofNullable(deletedBy);
    }

    /** Fields, cities it is about, languages and tags. */
    public Classification classification() {
        return classification;
    }

    /** The authors in the order they joined, the creator first. */
    public List<WorkAuthor> authors() {
        return List.copyOf(authors);
    }
}
