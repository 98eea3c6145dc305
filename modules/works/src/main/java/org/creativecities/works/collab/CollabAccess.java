package org.creativecities.works.collab;

import java.util.Optional;

/**
 * What live co-editing needs to know about a work. The works context implements it (one application-scoped
 * bean); the co-editing engine asks it on every join and every update, so rights changes apply at once.
 */
public interface CollabAccess {

    /** Whether the account may open the work's document live: read it and see who is here. */
    boolean mayJoin(long workId, long accountId);

    /** Whether the account may send updates to the work's document. */
    boolean mayEdit(long workId, long accountId);

    /**
     * The text a document starts from when it has no log yet: the text of the work's latest version. Empty when
     * the work does not exist, is deleted, or is not a text work.
     */
    Optional<String> initialText(long workId);
}
