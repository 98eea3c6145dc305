package org.creativecities.citypages.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One saved state of a city's brand page: the whole page, who saved it and when. Immutable: written once, never
 * changed, so that nothing is lost. A city's page is its latest version; its number is the page's entity tag, and
 * the database refuses a second version with the same number, so two edits of one version cannot both land.
 */
@Entity
@Table(name = "city_page_version")
public class PageVersion {

    @Id
    @SequenceGenerator(name = "city_page_version_seq", sequenceName = "city_page_version_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "city_page_version_seq")
    private Long id;

    @Column(name = "city_id", nullable = false, updatable = false)
    private long cityId;

    @Column(name = "version_number", nullable = false, updatable = false)
    private int number;

    @Column(nullable = false, updatable = false)
    private String content;

    @Column(name = "author_id", nullable = false, updatable = false)
    private long authorId;

    @Column(name = "author_name", nullable = false, updatable = false)
    private String authorName;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected PageVersion() {
    }

    public PageVersion(long cityId, int number, BrandPage page, long authorId, String authorName,
                       OffsetDateTime now) {
        this.cityId = cityId;
        this.number = number;
        this.content = page.toJson().toString();
        this.authorId = authorId;
        this.authorName = authorName;
        this.createdAt = now;
    }

    public long cityId() {
        return cityId;
    }

    public int number() {
        return number;
    }

    public BrandPage page() {
        return BrandPage.parse(content);
    }

    public long authorId() {
        return authorId;
    }

    public String authorName() {
        return authorName;
    }

    public OffsetDateTime createdAt() {
        return createdAt;
    }
}
