package org.creativecities.works.app;

/**
 * A work was created or changed (content, metadata, authors, publication, deletion). Fired inside the transaction
 * that made the change; observers that must see only committed changes (the search index) observe it
 * {@code AFTER_SUCCESS}.
 */
public record WorkChanged(long workId) {
}
