package org.creativecities.search.index;

import java.util.ArrayList;
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

    /** Whether a kind changed since the last commit. */
    boolean hasUncommitted() {
        return !uncommitted.isEmpty();
    }

    /** The kinds changed since the last commit. */
    Set<String> uncommitted() {
        return Set.copyOf(uncommitted);
    }

    /** The kinds changed since the last commit, which are no longer counted as such. */
    List<String> takeUncommitted() {
        List<String> kinds = List.copyOf(uncommitted);
        kinds.forEach(uncommitted::remove);
        return kinds;
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

    private static boolean belongs(SearchDocument d, String kind, String id) {
        if (kind.equals(d.kind()) && id.equals(d.id())) {
            return true;
        }
        LOG.warning(() -> "Search: the " + kind + " source answered " + d.kind() + ":" + d.id() + " for " + id);
        return false;
    }
}
