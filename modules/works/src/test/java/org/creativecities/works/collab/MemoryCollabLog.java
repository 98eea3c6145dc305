package org.creativecities.works.collab;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link CollabLog} in memory with the same rules as the database's (for the engine's unit tests). */
final class MemoryCollabLog implements CollabLog {

    private final Map<Long, Long> versions = new HashMap<>();
    private final Map<Long, Long> snapshotVersions = new HashMap<>();
    private final Map<Long, String> snapshots = new HashMap<>();
    private final Map<Long, List<Logged>> logs = new HashMap<>();
    /** Set to make the next append fail as if another writer got there first. */
    boolean conflictNext;

    @Override
    public synchronized Optional<Stored> load(long workId) {
        if (!versions.containsKey(workId)) {
            return Optional.empty();
        }
        long sv = snapshotVersions.get(workId);
        return Optional.of(new Stored(versions.get(workId), sv, snapshots.get(workId),
                between(workId, sv, versions.get(workId))));
    }

    @Override
    public synchronized void append(long workId, long from, String initialText, long authorId, List<Pending> updates,
                                    String snapshot) {
        if (conflictNext || versions.getOrDefault(workId, 0L) != from || from == 0 && versions.containsKey(workId)) {
            conflictNext = false;
            throw new Conflict("not at " + from);
        }
        if (from == 0) {
            snapshotVersions.put(workId, 0L);
            snapshots.put(workId, initialText);
        }
        List<Logged> log = logs.computeIfAbsent(workId, k -> new ArrayList<>());
        long v = from;
        for (Pending p : updates) {
            log.add(new Logged(++v, p.clientId(), authorId, p.changes()));
        }
        versions.put(workId, v);
        if (snapshot != null) {
            snapshotVersions.put(workId, v);
            snapshots.put(workId, snapshot);
        }
    }

    @Override
    public synchronized List<Logged> between(long workId, long after, long upTo) {
        return logs.getOrDefault(workId, List.of()).stream().filter(u -> u.version() > after && u.version() <= upTo)
                .toList();
    }

    /** Adds an update behind the authority's back, as another server would. */
    synchronized void appendElsewhere(long workId, String clientId, String changes) {
        long v = versions.get(workId) + 1;
        logs.get(workId).add(new Logged(v, clientId, 99, changes));
        versions.put(workId, v);
    }

    synchronized long snapshotVersion(long workId) {
        return snapshotVersions.getOrDefault(workId, -1L);
    }
}
