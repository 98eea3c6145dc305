package org.creativecities.search;

/**
 * A CDI event that a source fires (after its transaction commits, or from an {@code AFTER_SUCCESS} observer) when
 * a document was created, changed or removed; the index reads it again through {@link SearchSource#document}.
 */
public record SearchDocumentChanged(String kind, String id) {
}
