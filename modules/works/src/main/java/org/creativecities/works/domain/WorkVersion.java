package org.creativecities.works.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * One saved state of a work: its full content, title, authors, time and an optional message. Immutable: written
 * once, never changed (there are no setters), so that nothing is ever lost.
 */
@Entity
@Table(name = "work_version")
public class WorkVersion {

    /** Text works: the content is Markdown. */
    public static final String MARKDOWN = "markdown";
    /** Collections and plugin kinds: the content is a JSON document. */
    public static final String JSON = "json";

    @Id
    @SequenceGenerator(name = "work_version_seq", sequenceName = "work_version_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "work_version_seq")
    private Long id;

    @Column(name = "work_id", nullable = false, updatable = false)
    private long workId;

    @Column(name = "version_number", nullable = false, updatable = false)
    private int number;

    @Column(nullable = false, updatable = false)
    private String title;

    @Column(nullable = false, updatable = false)
    private String format;

    @Column(nullable = false, updatable = false)
    private String content;

    @Column(updatable = false)
    private String message;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "work_version_author", joinColumns = @JoinColumn(name = "version_id"))
    @Column(name = "account_id")
    private Set<Long> authorIds = new LinkedHashSet<>();

    protected WorkVersion() {
    }

    public WorkVersion(long workId, int number, String title, String format, String content, String message,
                       Set<Long> authorIds, OffsetDateTime createdAt) {
        this.workId = workId;
        this.number = number;
        this.title = title;
        this.format = format;
        this.content = content;
        this.message = message;
        this.authorIds.addAll(authorIds);
        this.createdAt = createdAt;
    }

    public long workId() {
        return workId;
    }

    public int number() {
        return number;
    }

    public String title() {
        return title;
    }

    public String format() {
        return format;
    }

    public String content() {
        return content;
    }

    public Optional<String> message() {
        return Optional.ofNullable(message);
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }

    public Set<Long> authorIds() {
        return Set.copyOf(authorIds);
    }
}
