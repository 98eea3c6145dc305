package org.creativecities.search.index;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;
import org.creativecities.search.SearchSource;

/**
 * What the index records in its commits about itself, and what is stale by it: for each kind, the version of the
 * source it was built from ({@code version.<kind>}), and whether it was closed cleanly ({@code clean}). A kind is
 * stale when its source's version differs from the recorded one or none is recorded; every kind is stale when the
 * index was not closed cleanly (changes applied since the last commit may be lost). While the server runs, the
 * index is recorded as not clean; a clean shutdown records the versions of that moment.
 */
final class IndexBookkeeping {

    private static final Logger LOG = Logger.getLogger(IndexBookkeeping.class.getName());

    static final String CLEAN = "clean";
    static final String VERSION_PREFIX = "version.";

    private final Map<String, String> versions = new HashMap<>();
    private volatile boolean dirty;

    /**
     * Reads the bookkeeping of a newly opened index, drops the documents of kinds that no source provides any
     * more, and records the index as in use (not clean).
     *
     * @return the kinds to rebuild, in the sources' order
     */
    synchronized List<String> open(SearchIndex index, Map<String, SearchSource> sources) {
        Map<String, String> data = index.committedData();
        boolean clean = "true".equals(data.get(CLEAN));
        if (!clean && !index.isFresh()) {
            LOG.fine("Search index was not closed cleanly: every kind is rebuilt");
        }
        versions.clear();
        Set<String> indexed = new TreeSet<>();
        data.forEach((k, v) -> {
            if (k.startsWith(VERSION_PREFIX)) {
                indexed.add(k.substring(VERSION_PREFIX.length()));
                versions.put(k.substring(VERSION_PREFIX.length()), v);
            }
        });
        for (String gone : indexed) {
            if (!sources.containsKey(gone)) {
                index.deleteKind(gone);
                versions.remove(gone);
            }
        }
        List<String> stale = new ArrayList<>();
        sources.forEach((kind, source) -> {
            String recorded = versions.get(kind);
            if (!clean || recorded == null || !recorded.equals(versionOf(source))) {
                stale.add(kind);
                versions.remove(kind);
            }
        });
        commit(index, false);
        return stale;
    }

    private static String versionOf(SearchSource source) {
        try {
            return source.version();
        } catch (RuntimeException e) {
            LOG.warning(() -> "Search: the version of the " + source.kind() + " source cannot be read (" + e
                    + "): it is rebuilt");
            return null;
        }
    }

    /** Records that a kind was built from its source at {@code version}, and commits. */
    synchronized void built(SearchIndex index, String kind, String version) {
        versions.put(kind, version);
        commit(index, false);
    }

    /** Notes that documents were written since the last commit. */
    void dirty() {
        dirty = true;
    }

    /** Commits what was written since the last commit, if anything was. */
    synchronized void commitIfDirty(SearchIndex index, boolean clean) {
        if (dirty) {
            commit(index, clean);
        }
    }

    /** The last commit of a clean shutdown: the sources' versions now, and clean. */
    synchronized void closeCleanly(SearchIndex index, Map<String, String> current) {
        versions.clear();
        versions.putAll(current);
        commit(index, true);
    }

    private void commit(SearchIndex index, boolean clean) {
        dirty = false;
        Map<String, String> data = new HashMap<>();
        versions.forEach((kind, version) -> data.put(VERSION_PREFIX + kind, version));
        data.put(CLEAN, Boolean.toString(clean));
        index.commit(data);
    }
}
