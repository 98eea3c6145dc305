package org.creativecities.core.city;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One entry of a city's designation history: a creative field and the year it was designated. */
@Entity
@Table(name = "designation")
public class Designation {

    @Id
    @SequenceGenerator(name = "designation_seq", sequenceName = "designation_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "designation_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "city_id")
    private City city;

    @ManyToOne(optional = false)
    @JoinColumn(name = "field_id")
    private CreativeField field;

    @Column(name = "designated_year", nullable = false)
    private int year;

    protected Designation() {
    }

    Designation(City city, CreativeField field, int year) {
        this.city = city;
        this.field = field;
        this.year = year;
    }

    public CreativeField field() {
        return field;
    }

    public int year() {
        return year;
    }

    boolean sameAs(CreativeField otherField, int otherYear) {
        return field.slug().equals(otherField.slug()) && year == otherYear;
    }
}
