package org.creativecities.works.collab;

/**
 * The central authority over text works' documents: the one place of truth for their current text. The co-editing
 * engine implements it; the works context uses it to read the text it versions, and to replace the text (a save
 * through the REST API, a restore) as one update that live editors receive like any other.
 */
public interface CollabDocuments {

    /** The document's current text and version; a document without a log starts from {@link CollabAccess#initialText}. */
    DocumentState current(long workId);

    /** Replaces the whole text as one update by the given account, and broadcasts it to the live editors. */
    DocumentState replace(long workId, long accountId, String text);

    /** A document's text at a version: the number of updates applied to it. */
    record DocumentState(long version, String text) {
    }
}
