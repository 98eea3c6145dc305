package org.creativecities.search;

/**
 * A CDI event: a document was created, changed or removed, or (with no id) every document of its kind may read
 * differently. Fired by {@link SearchChanges} in the changing transaction; this node's index reads the document again
 * through {@link SearchSource#document} once the transaction committed (or rebuilds the kind). Sources announce
 * changes through {@link SearchChanges}, never by firing this themselves: that would skip the shared change log that
 * the other nodes follow.
 *
 * @param kind the kind of document
 * @param id   its id, or {@code null} for the whole kind
 */
public record SearchDocumentChanged(String kind, String id) {

    /** Every document of the kind: it is rebuilt. */
    public static SearchDocumentChanged wholeKind(String kind) {
        return new SearchDocumentChanged(kind, null);
    }

    /** Whether this names the whole kind rather than one document. */
    public boolean isWholeKind() {
        return id == null;
    }
}
