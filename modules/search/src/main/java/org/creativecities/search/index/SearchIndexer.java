package org.creativecities.search.index;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.creativecities.core.platform.Bootstrap;
import org.creativecities.search.SearchDocumentChanged;
import org.creativecities.search.SearchSource;

/**
 * Keeps the index derived from the sources, on one background thread, so that start-up never waits for it. Once the
 * application is deployed it opens the index and rebuilds each kind whose source version differs from the one the
 * index recorded (all of them when the index is missing or unreadable). Then it applies {@link SearchDocumentChanged}
 * events (this node's, once their transactions committed, and other nodes', from the {@link ChangeFollower}): each
 * document named is read again from its source, in batches, and made searchable by a near-real-time refresh: the
 * first change after a quiet second waits {@value #COALESCE_MILLIS} ms for others, and then at most one refresh
 * happens every {@code ccc.search.refresh-interval} however fast changes come (each refresh writes a Lucene segment);
 * commits follow every {@code ccc.search.commit-interval}, recording the versions of the kinds that
 * changed (see {@link IndexBookkeeping}). All writes happen on that one thread, so a change that commits during a
 * rebuild is applied after it, never overwritten by it. Too many waiting changes (more than {@value #MAX_PENDING})
 * turn into a rebuild of their kind. What a build or an update writes is {@link IndexWrites}'s.
 */
@ApplicationScoped
public class SearchIndexer {

    private static final Logger LOG = Logger.getLogger(SearchIndexer.class.getName());

    static final int MAX_PENDING = 200_000;
    private static final int BATCH = 2_000;
    static final long COALESCE_MILLIS = 50;
    /**
     * How long a stop waits for the worker. A worker still reading a source then is left behind: during Payara's
     * shutdown the database may already be gone, and EclipseLink retries each read for many seconds. The index is
     * then closed uncleanly, so the kinds changed since the last commit are rebuilt at the next start.
     */
    private static final Duration STOP_WAIT = Duration.ofSeconds(2);

    /** Where the index stands. */
    public enum State { STARTING, BUILDING, READY, FAILED }

    @Inject
    private Instance<SearchSource> sources;

    @Inject
    private SearchSettings settings;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    private ManagedThreadFactory managedThreads;

    private final PendingChanges changes = new PendingChanges(MAX_PENDING);
    private final Set<String> rebuilds = ConcurrentHashMap.newKeySet();
    private final IndexBookkeeping bookkeeping = new IndexBookkeeping();
    private final IndexWrites writes = new IndexWrites(bookkeeping, this::refresh);

    private volatile SearchIndex index;
    private volatile State state = State.STARTING;
    private volatile boolean stopping;
    private volatile Thread worker;
    /**
     * While the worker builds or applies what it took from {@link #rebuilds} and {@link #changes}: taken, but not
     * yet counted as uncommitted, so not durable.
     */
    private volatile boolean working;
    private final AtomicLong refreshes = new AtomicLong();

    void start(@Observes @Priority(2000) Bootstrap.Deployed deployed) {
        Thread t = managedThreads.newThread(this::run);
        t.setName("ccc-search-indexer");
        t.setDaemon(true);
        worker = t;
        t.start();
    }

    /**
     * Queues a document to be read again (or its whole kind to be rebuilt) once the transaction that changed it
     * committed; never blocks the thread that changed it. The {@link ChangeFollower} hands other nodes' changes here
     * too.
     */
    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) SearchDocumentChanged change) {
        if (change.isWholeKind()) {
            rebuild(change.kind());
        } else if (changes.offer(change)) {
            wake();
        } else {
            rebuild(change.kind());
        }
    }

    /** Asks for a full rebuild of one kind, in the background. */
    public void rebuild(String kind) {
        rebuilds.add(kind);
        wake();
    }

    private void wake() {
        Thread t = worker;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    /** Where the index stands. */
    public State state() {
        return state;
    }

    /** The index, once it is open. */
    public Optional<SearchIndex> index() {
        return Optional.ofNullable(index);
    }

    /** Changes waiting to be applied. */
    public int pending() {
        return changes.size();
    }

    /** The kinds built from their source since this start, with the number of documents of each last build. */
    public Map<String, Integer> built() {
        return writes.built();
    }

    /** Kinds whose last build or update failed, with why. */
    public Map<String, String> failures() {
        return writes.failures();
    }

    /** The sources by kind (the first one for a kind, if several claim it). */
    public Map<String, SearchSource> sources() {
        Map<String, SearchSource> byKind = new LinkedHashMap<>();
        for (SearchSource s : sources) {
            byKind.putIfAbsent(s.kind(), s);
        }
        return byKind;
    }

    private void run() {
        long t0 = System.nanoTime();
        try {
            index = SearchIndex.open(settings.folder(), new SearchAnalyzer());
            Map<String, SearchSource> byKind = sources();
            List<String> stale = bookkeeping.open(index, byKind);
            if (!stale.isEmpty()) {
                state = State.BUILDING;
                Map<String, Integer> counts = new LinkedHashMap<>();
                for (String kind : stale) {
                    counts.put(kind, writes.buildAtStart(index, kind, byKind.get(kind)));
                }
                LOG.info(() -> String.format("Search index built in %d ms (%s): %s",
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), index.folder(), counts));
            }
            state = State.READY;
            loop();
        } catch (RuntimeException | Error e) {
            state = State.FAILED;
            LOG.log(Level.SEVERE, "The search index failed: " + e.getMessage(), e);
        }
    }

    private void loop() {
        long nextCommit = System.nanoTime() + settings.commitInterval().toNanos();
        long nextRefresh = System.nanoTime();
        while (!stopping) {
            if (changes.isEmpty() && rebuilds.isEmpty()) {
                LockSupport.parkNanos(this, Math.max(1, nextCommit - System.nanoTime()));
            } else {
                // A change wakes the worker; it then gathers what follows, so that one refresh covers them all.
                sleepUntil(Math.max(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(COALESCE_MILLIS), nextRefresh));
                if (stopping) {
                    return;
                }
                work();
                nextRefresh = System.nanoTime() + settings.refreshInterval().toNanos();
            }
            if (stopping) {
                return;
            }
            if (System.nanoTime() - nextCommit >= 0) {
                commit();
                nextCommit = System.nanoTime() + settings.commitInterval().toNanos();
            }
        }
    }

    /** Parks until {@code deadline} (a {@link System#nanoTime} value), whatever wakes it earlier, or until a stop. */
    private void sleepUntil(long deadline) {
        long left;
        while (!stopping && (left = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(this, left);
        }
    }

    private void work() {
        working = true;
        try {
            Map<String, SearchSource> byKind = sources();
            for (String kind : List.copyOf(rebuilds)) {
                rebuilds.remove(kind);
                SearchSource source = byKind.get(kind);
                if (source != null) {
                    writes.build(index, kind, source);
                }
            }
            boolean applied = false;
            while (!changes.isEmpty()) {
                changes.take(BATCH).forEach((kind, ids) -> writes.apply(index, kind, byKind.get(kind), ids));
                applied = true;
            }
            if (applied) {
                refresh();
            }
        } finally {
            working = false;
        }
    }

    private void refresh() {
        index.refresh();
        refreshes.incrementAndGet();
    }

    /** Near-real-time refreshes (changes made searchable) since the start. */
    public long refreshes() {
        return refreshes.get();
    }

    /**
     * Makes the applied changes durable: reads the versions of the kinds that changed, applies what is waiting, and
     * commits with those versions (never newer than what the index holds).
     */
    private void commit() {
        List<String> kinds = writes.takeUncommitted();
        if (kinds.isEmpty()) {
            return;
        }
        try {
            Map<String, SearchSource> byKind = sources();
            Map<String, String> versions = new HashMap<>();
            for (String kind : kinds) {
                SearchSource source = byKind.get(kind);
                versions.put(kind, source == null ? null : IndexBookkeeping.versionOf(source));
            }
            work();
            bookkeeping.commit(index, versions);
            writes.committed();
        } catch (RuntimeException | Error e) {
            writes.commitFailed();
            throw e;
        }
    }

    /** Whether everything received so far is applied and committed. */
    public boolean durable() {
        return !working && changes.size() == 0 && !writes.hasUncommitted() && rebuilds.isEmpty();
    }

    @PreDestroy
    void stop() {
        stopping = true;
        Thread t = worker;
        if (t == null) {
            return;
        }
        LockSupport.unpark(t);
        try {
            t.join(STOP_WAIT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        SearchIndex open = index;
        if (t.isAlive()) {
            LOG.info(() -> "Search: the indexer was still reading its sources at the stop; what changed since the last "
                    + "commit is rebuilt at the next start");
            return;
        }
        if (open == null) {
            return;
        }
        Set<String> unsettled = new HashSet<>();
        if (state == State.READY) {
            unsettled.addAll(writes.uncommitted());
            unsettled.addAll(rebuilds);
            unsettled.addAll(changes.take(Integer.MAX_VALUE).keySet());
        }
        writes.close(open, unsettled);
    }
}
