package org.creativecities.search.index;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A row of the search change log ({@code search_change}), as the {@link ChangeFollower} reads it. Rows are written by
 * {@link ChangeLog#record} with a plain insert, so that the database hands out the id as the row is inserted.
 */
@Entity
@Table(name = "search_change")
public class LoggedChange {

    @Id
    private long id;

    @Column(nullable = false)
    private String kind;

    @Column(name = "doc_id")
    private String docId;

    @Column(nullable = false)
    private String node;

    @Column(name = "recorded_at", nullable = false)
    private OffsetDateTime recordedAt;

    protected LoggedChange() {
    }

    ChangeLog.Row row() {
        return new ChangeLog.Row(id, kind, docId, node);
    }
}
