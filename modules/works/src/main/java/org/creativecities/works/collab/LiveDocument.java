package org.creativecities.works.collab;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.creativecities.core.live.LiveGroup;
import org.creativecities.core.live.LivePeer;

/**
 * One work's document in memory, while someone edits or reads it: its canonical text at its version, the latest
 * updates (for clients that are a little behind), and the connections editing it. Everything is guarded by
 * {@link #lock}, which orders the document's updates, joins and fan-out: every editor receives updates in version
 * order, and a joiner's state and the live updates after it have no gap and no overlap.
 */
final class LiveDocument {

    /** One connection editing the document: a number shown to the others (for its cursor) and who it is. */
    record Editor(int peer, long accountId, String name) {
    }

    final long workId;
    final ReentrantLock lock = new ReentrantLock();
    /** The connections in the document, for fan-out. */
    final LiveGroup group = new LiveGroup();
    /** The same connections with what the others see of them, in order of arrival. */
    final Map<LivePeer, Editor> editors = new LinkedHashMap<>();
    boolean loaded;
    /** Set when the document left memory; whoever holds it must look it up again. */
    boolean evicted;
    long version;
    String text;
    long snapshotVersion;
    private final ArrayDeque<CollabLog.Logged> recent = new ArrayDeque<>();
    private int nextPeer = 1;

    LiveDocument(long workId) {
        this.workId = workId;
    }

    int nextPeer() {
        return nextPeer++;
    }

    /** Remembers an update applied, keeping at most {@code keep}. */
    void remember(CollabLog.Logged update, int keep) {
        recent.addLast(update);
        while (recent.size() > keep) {
            recent.removeFirst();
        }
    }

    /** Forgets the remembered updates (the document was reloaded). */
    void forgetRecent() {
        recent.clear();
    }

    /**
     * Whether a remembered update carries this client id but came from another account: {@code @codemirror/collab}
     * takes an update with its own client id for the confirmation of its own change, so one editor's id must not
     * be used by anyone else.
     */
    boolean clientOfAnother(String clientId, long accountId) {
        for (CollabLog.Logged u : recent) {
            if (u.authorId() != accountId && u.clientId().equals(clientId)) {
                return true;
            }
        }
        return false;
    }

    /** The updates {@code since + 1 … version} if all are remembered; null otherwise. */
    List<CollabLog.Logged> recentSince(long since) {
        if (since == version) {
            return List.of();
        }
        if (recent.isEmpty() || recent.peekFirst().version() > since + 1) {
            return null;
        }
        return recent.stream().filter(u -> u.version() > since).toList();
    }
}
