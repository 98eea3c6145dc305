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
 * source that the committed documents reflect ({@code version.<kind>}). A kind is stale when its source's version
 * differs from the recorded one, or none is recorded. A build records the version read before it began; a commit of
 * changes records the versions read before the last changes were drained, so that the index is never recorded as
 * newer than it is: a change made after the last commit (lost in a crash) makes its kind stale at the next start.
 */
final class IndexBookkeeping {

    private static final Logger LOG = Logger.getLogger(IndexBookkeeping.class.getName());

    static final String VERSION_PREFIX = "version.";

    private final Map<String, String> versions = new HashMap<>();

    /**
     * Reads the bookkeeping of a newly opened index and drops the documents of kinds that no source provides any
     * more.
     *
     * @return the kinds to rebuild, in the sources' order
     */
    synchronized List<String> open(SearchIndex index, Map<String, SearchSource> sources) {
        versions.clear();
        Set<String> indexed = new TreeSet<>();
        index.committedData().forEach((k, v) -> {
            if (k.startsWith(VERSION_PREFIX)) {
                indexed.add(k.substring(VERSION_PREFIX.length()));
                versions.put(k.substring(VERSION_PREFIX.length()), v);
            }
        });
        boolean dropped = false;
        for (String gone : indexed) {
            if (!sources.containsKey(gone)) {
                index.deleteKind(gone);
                versions.remove(gone);
                dropped = true;
            }
        }
        List<String> stale = new ArrayList<>();
        sources.forEach((kind, source) -> {
            String recorded = versions.get(kind);
            if (recorded == null || !recorded.equals(versionOf(source))) {
                stale.add(kind);
                versions.remove(kind);
            }
        });
        if (dropped) {
            commit(index);
        }
        return stale;
    }

    /** The source's version, or null (stale) when it cannot be read. */
    static String versionOf(SearchSource source) {
        try {
            return source.version();
        } catch (RuntimeException e) {
            LOG.warning(() -> "Search: the version of the " + source.kind() + " source cannot be read (" + e + ")");
            return null;
        }
    }

    /** Records that a kind was built from its source at {@code version}, and commits. */
    synchronized void built(SearchIndex index, String kind, String version) {
        versions.put(kind, version);
        commit(index);
    }

    /**
     * Commits what was written, with the versions of the kinds that changed (read before their last changes were
     * applied); a kind whose version cannot be read is recorded as unknown, hence stale at the next start.
     */
    synchronized void commit(SearchIndex index, Map<String, String> changed) {
        changed.forEach((kind, version) -> {
            if (version == null) {
                versions.remove(kind);
            } else {
                versions.put(kind, version);
            }
        });
        commit(index);
    }

    /**
     * Commits what was written, recording the given kinds as unknown (stale at the next start) without reading their
     * sources: what a graceful stop does, when the database may already be going away underneath.
     */
    synchronized void commitAsStale(SearchIndex index, Set<String> kinds) {
        kinds.forEach(versions::remove);
        commit(index);
    }

    private void commit(SearchIndex index) {
        Map<String, String> data = new HashMap<>();
        versions.forEach((kind, version) -> data.put(VERSION_PREFIX + kind, version));
        index.commit(data);
    }
}
