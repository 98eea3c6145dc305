package org.creativecities.projects.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.util.List;

/** A group of near-synonyms an administrator added to the shipped list, its terms kept as "a|b|c". */
@Entity
@Table(name = "project_synonym_group")
public class SynonymGroup {

    @Id
    @SequenceGenerator(name = "project_synonym_seq", sequenceName = "project_synonym_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "project_synonym_seq")
    private Long id;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private String terms;

    protected SynonymGroup() {
    }

    public SynonymGroup(int position, List<String> terms) {
        this.position = position;
        this.terms = String.join("|", terms);
    }

    public int position() {
        return position;
    }

    public List<String> terms() {
        return List.of(terms.split("\\|"));
    }
}
