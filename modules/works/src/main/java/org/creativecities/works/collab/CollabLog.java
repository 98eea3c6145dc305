package org.creativecities.works.collab;

import java.util.List;
import java.util.Optional;

/**
 * The durable side of co-editing: each document's ordered log of updates, its version, and its latest snapshot.
 * Numbers are assigned in the transaction that stores the updates, from the document's row, so two writers can never
 * store the same version (and {@code UNIQUE (work_id, version)} backs it).
 */
public interface CollabLog {

    /** One stored update: {@code version} is the version it produced (the first update of a document is 1). */
    record Logged(long version, String clientId, long authorId, String changes) {
    }

    /** A document as stored: its version, its latest snapshot, and the updates after that snapshot, in order. */
    record Stored(long version, long snapshotVersion, String snapshotText, List<Logged> tail) {
    }

    /** An update to store: the client's id for it and its changes in JSON. */
    record Pending(String clientId, String changes) {
    }

    /** The stored version is not the one the caller expected: another writer got there first. Nothing was stored. */
    final class Conflict extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Conflict(String message) {
            super(message, null, false, false);
        }
    }

    /** The document of a work, if it has a log. */
    Optional<Stored> load(long workId);

    /**
     * Appends updates in one transaction, numbered {@code from + 1 … from + updates.size()}.
     *
     * @param from        the version the first update applies to; 0 creates the document
     * @param initialText the text at version 0 (stored as the first snapshot when the document is created)
     * @param snapshot    the text after the last update, to store as a snapshot; null for none
     * @throws Conflict when the stored version is not {@code from}
     */
    void append(long workId, long from, String initialText, long authorId, List<Pending> updates, String snapshot);

    /** The updates {@code after + 1 … upTo}, in order. */
    List<Logged> between(long workId, long after, long upTo);
}
