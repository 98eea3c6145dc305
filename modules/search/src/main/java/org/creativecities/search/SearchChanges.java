package org.creativecities.search;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import org.creativecities.search.index.ChangeLog;

/**
 * How a source announces a change of its documents: call it <em>inside the transaction that makes the change</em>
 * (an observer without a transaction phase). It writes the change to the shared change log in that transaction (on a
 * database that several nodes may share, see {@link ChangeLog}), so that every other node's index follows; and it
 * fires a {@link SearchDocumentChanged}, which this node's index applies once the transaction committed (at once
 * when there is none). A change rolled back is neither logged nor applied.
 */
@ApplicationScoped
public class SearchChanges {

    @Inject
    private ChangeLog log;

    @Inject
    private Event<SearchDocumentChanged> changed;

    /** The document of that kind and id was created, changed or removed. */
    public void changed(String kind, String id) {
        if (log.enabled()) {
            log.record(kind, id);
        }
        changed.fire(new SearchDocumentChanged(kind, id));
    }

    /** Every document of that kind may read differently: the kind is rebuilt (on every node). */
    public void rebuild(String kind) {
        if (log.enabled()) {
            log.record(kind, null);
        }
        changed.fire(SearchDocumentChanged.wholeKind(kind));
    }
}
