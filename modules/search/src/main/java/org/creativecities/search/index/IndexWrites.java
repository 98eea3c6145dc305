package org.creativecities.search.index;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.creativecities.core.platform.Bootstrap;
import org.creativecities.search.SearchDocument;
import org.creativecities.search.SearchSource;

/**
 * What the {@link SearchIndexer}'s thread writes into the index from the sources: a kind built whole, or the changed
 * documents of a kind read again. It keeps what those writes leave to know: each kind's generation (the documents
 * of a build carry it, so that a build deletes what it did not write), why a kind's last build or update failed,
 * how many documents each build wrote, and which kinds changed since the last commit. Only the indexer's thread
 * writes; the status is read from any thread.
 */
final class IndexWrites {

    private static final Logger LOG = Logger.getLogger(IndexWrites.class.getName());

    private final IndexBookkeeping bookkeeping;
    /** Makes what was written searchable (the indexer counts its refreshes). */
    private final Runnable refresh;
    private final Map<String, String> generations = new ConcurrentHashMap<>();
    private final Map<String, String> failures = new ConcurrentHashMap<>();
    private final Map<String, Integer> built = new ConcurrentHashMap<>();
    private final Set<String> uncommitted = ConcurrentHashMap.newKeySet();
    /** Kinds taken by the commit being written: uncommitted until it is. */
    private final Set<String> committing = ConcurrentHashMap.newKeySet();

    IndexWrites(IndexBookkeeping bookkeeping, Runnable refresh) {
        this.bookkeeping = bookkeeping;
        this.refresh = refresh;
    }

    /** The kinds built since this start, with the number of documents of each one's last build. */
    Map<String, Integer> built() {
        return Map.copyOf(built);
    }

    /** Kinds whose last build or update failed, with why. */
    Map<String, String> failures() {
        return Map.copyOf(failures);
    }

    /** Whether a kind changed since the last written commit. */
    boolean hasUncommitted() {
        return !uncommitted.isEmpty() || !committing.isEmpty();
    }

    /** The kinds changed since the last written commit. */
    Set<String> uncommitted() {
        Set<String> kinds = new HashSet<>(uncommitted);
        kinds.addAll(committing);
        return Set.copyOf(kinds);
    }

    /**
     * The kinds changed since the last commit, for the commit about to be written; they count as uncommitted until
     * it is ({@link #committed}), so that nobody takes the index for durable while its commit is still being written.
     * A kind changed again meanwhile is uncommitted for the next commit too.
     */
    List<String> takeUncommitted() {
        List<String> kinds = List.copyOf(uncommitted);
        committing.addAll(kinds);
        kinds.forEach(uncommitted::remove);
        return kinds;
    }

    /** The commit that took the kinds ({@link #takeUncommitted}) is written. */
    void committed() {
        committing.clear();
    }

    /** The commit that took the kinds failed: they are uncommitted still, for the next one. */
    void commitFailed() {
        uncommitted.addAll(committing);
        committing.clear();
    }

    /**
     * A kind's build at start, tried again after 0.5, 1 and 2 s if it fails (a database that is briefly away): the
     * index is READY only after it, and a kind that failed would stay out of search until the next start. (The
     * container's class loader once refused a Lucene class, "zip file closed", during the first start's build: that
     * was the build starting before the deployment had ended, which is why it starts on {@link Bootstrap.Deployed}.)
     *
     * @return how many documents it wrote (-1 when it failed)
     */
    int buildAtStart(SearchIndex index, String kind, SearchSource source) {
        int count = build(index, kind, source);
        for (long pause = 500; count < 0 && pause <= 2000; pause *= 2) {
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return count;
            }
            count = build(index, kind, source);
        }
        return count;
    }

    /** Rebuilds one kind; returns how many documents it wrote (-1 when it failed). */
    int build(SearchIndex index, String kind, SearchSource source) {
        long t0 = System.nanoTime();
        String gen = Long.toString(System.currentTimeMillis(), 36) + "-" + Long.toString(t0, 36);
        try {
            String version = source.version();
            AtomicInteger count = new AtomicInteger();
            source.documents(d -> {
                if (d != null && kind.equals(d.kind()) && d.id() != null) {
                    index.put(d, gen);
                    count.incrementAndGet();
                }
            });
            index.deleteKindExcept(kind, gen);
            generations.put(kind, gen);
            failures.remove(kind);
            refresh.run();
            bookkeeping.built(index, kind, version);
            LOG.fine(() -> String.format("Search index: %d %s documents built in %d ms", count.get(), kind,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)));
            built.put(kind, count.get());
            return count.get();
        } catch (RuntimeException e) {
            failures.put(kind, "build: " + e.getMessage());
            LOG.log(Level.WARNING, "Search: building the " + kind + " documents failed", e);
            return -1;
        }
    }

    /** Reads the documents named again from their source (or deletes them, when it has none) and writes them. */
    void apply(SearchIndex index, String kind, SearchSource source, Set<String> ids) {
        if (source == null) {
            ids.forEach(id -> index.delete(kind, id));
            return;
        }
        String gen = generations.getOrDefault(kind, "live");
        uncommitted.add(kind);
        try {
            source.documents(new ArrayList<>(ids), (id, doc) -> {
                Optional<SearchDocument> valid = doc.filter(d -> belongs(d, kind, id));
                if (valid.isPresent()) {
                    index.put(valid.get(), gen);
                } else {
                    index.delete(kind, id);
                }
            });
        } catch (RuntimeException e) {
            failures.put(kind, "update: " + e.getMessage());
            LOG.log(Level.WARNING, "Search: reading " + ids.size() + " changed " + kind + " documents failed", e);
        }
    }

    /**
     * Closes the index at a stop, first committing the kinds whose changes are not all committed as stale, so that
     * the next start rebuilds them; if that fails, they are rebuilt all the same (the commit that would mark them
     * current is missing).
     */
    void close(SearchIndex index, Set<String> unsettled) {
        try {
            if (!unsettled.isEmpty()) {
                index.refresh();
                bookkeeping.commitAsStale(index, unsettled);
                LOG.info(() -> "Search: " + unsettled + " changed since the last commit; rebuilt at the next start");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Search: the last changes were not committed; their kinds are rebuilt at the next "
                    + "start", e);
        } finally {
            try {
                index.close();
            } catch (java.io.IOException e) {
                LOG.log(Level.WARNING, "Search: closing the index failed", e);
            }
        }
    }

    private static boolean belongs(SearchDocument d, String kind, String id) {
        if (kind.equals(d.kind()) && id.equals(d.id())) {
            return true;
        }
        LOG.warning(() -> "Search: the " + kind + " source answered " + d.kind() + ":" + d.id() + " for " + id);
        return false;
    }
}
