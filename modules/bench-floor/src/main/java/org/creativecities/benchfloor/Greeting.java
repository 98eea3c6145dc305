package org.creativecities.benchfloor;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** The one entity: a text stored at start. */
@Entity
public class Greeting {

    @Id
    private String id;

    private String text;

    protected Greeting() {
    }

    Greeting(String id, String text) {
        this.id = id;
        this.text = text;
    }

    /** The stored text. */
    public String text() {
        return text;
    }
}
