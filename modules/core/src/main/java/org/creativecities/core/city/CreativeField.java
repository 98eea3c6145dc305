package org.creativecities.core.city;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * A creative field of the network (Film, Music, Architecture…). Fields are data: administrators add
 * them as the network grows, as it did with Architecture in 2025.
 */
@Entity
@Cacheable
@Table(name = "creative_field")
public class CreativeField {

    @Id
    @SequenceGenerator(name = "creative_field_seq", sequenceName = "creative_field_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "creative_field_seq")
    private Long id;

    @Column(nullable = false, unique = true)
    private String slug;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String description;

    @Column(name = "since_year", nullable = false)
    private int sinceYear;

    @Column(name = "sort_order", nullable = false)
    private int sortOrder;

    protected CreativeField() {
    }

    public CreativeField(String slug, String name, String description, int sinceYear, int sortOrder) {
        this.slug = slug;
        this.name = name;
        this.description = description;
        this.sinceYear = sinceYear;
        this.sortOrder = sortOrder;
    }

    public Long id() {
        return id;
    }

    public String slug() {
        return slug;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public int sinceYear() {
        return sinceYear;
    }

    public int sortOrder() {
        return sortOrder;
    }

    public void describe(String newName, String newDescription) {
        if (newName != null) {
            this.name = newName;
        }
        if (newDescription != null) {
            this.description = newDescription;
        }
    }
}
