package org.creativecities.works.collab;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The documents in memory: one {@link LiveDocument} per work while it has editors, loaded on first use and used only
 * under its lock. A document left without editors leaves memory when the action on it ends.
 */
final class OpenDocuments {

    private final ConcurrentMap<Long, LiveDocument> documents = new ConcurrentHashMap<>();
    private final Consumer<LiveDocument> loader;

    /** Documents that {@code loader} reads when they are first used. */
    OpenDocuments(Consumer<LiveDocument> loader) {
        this.loader = loader;
    }

    /**
     * Runs {@code action} on the work's document under its lock, loading it first if needed; a document left without
     * editors leaves memory afterwards.
     */
    <T> T with(long workId, Function<LiveDocument, T> action) {
        while (true) {
            LiveDocument d = documents.computeIfAbsent(workId, LiveDocument::new);
            d.lock.lock();
            try {
                if (d.evicted) {
                    continue;
                }
                if (!d.loaded) {
                    loader.accept(d);
                }
                return action.apply(d);
            } finally {
                if (!d.evicted && d.editors.isEmpty()) {
                    d.evicted = true;
                    documents.remove(workId, d);
                }
                d.lock.unlock();
            }
        }
    }

    /** Runs {@code action} on the document if it is in memory (it then has editors). */
    void ifInMemory(long workId, Consumer<LiveDocument> action) {
        LiveDocument d = documents.get(workId);
        if (d == null) {
            return;
        }
        d.lock.lock();
        try {
            if (!d.evicted) {
                action.accept(d);
            }
        } finally {
            if (!d.evicted && d.editors.isEmpty()) {
                d.evicted = true;
                documents.remove(workId, d);
            }
            d.lock.unlock();
        }
    }
}
