package org.creativecities.works.collab;

import jakarta.json.Json;
import jakarta.json.JsonReaderFactory;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongFunction;
import org.creativecities.core.live.LiveGroup;
import org.creativecities.core.live.LivePeer;

/**
 * One work's document in memory, while someone edits or reads it: its canonical text at its version, the latest
 * updates (for clients that are a little behind), and the connections editing it. Everything is guarded by
 * {@link #lock}, which orders the document's updates, joins and fan-out: every editor receives updates in version
 * order, and a joiner's state and the live updates after it have no gap and no overlap.
 */
final class LiveDocument {

    private static final JsonReaderFactory READERS = Json.createReaderFactory(null);

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

    /**
     * Reads the document from its snapshot and the updates after it, or from the work's own text when it has no log
     * yet, keeping the latest {@code keep} updates.
     */
    void load(CollabLog log, LongFunction<Optional<String>> initialText, int keep) {
        forgetRecent();
        Optional<CollabLog.Stored> stored = log.load(workId);
        if (stored.isEmpty()) {
            text = initialText.apply(workId).orElseThrow(() -> new CollabException(CollabException.NOT_FOUND,
                    "There is no text work " + workId + "."));
            version = 0;
            snapshotVersion = 0;
        } else {
            CollabLog.Stored s = stored.get();
            String replayed = s.snapshotText();
            long at = s.snapshotVersion();
            for (CollabLog.Logged u : s.tail()) {
                if (u.version() != at + 1) {
                    throw new IllegalStateException("The log of work " + workId + " has a gap after " + at);
                }
                try (var reader = READERS.createReader(new StringReader(u.changes()))) {
                    replayed = ChangeSetJson.fromJson(reader.readValue()).apply(replayed);
                }
                at = u.version();
                remember(u, keep);
            }
            if (at != s.version()) {
                throw new IllegalStateException("The log of work " + workId + " ends at " + at + ", not "
                        + s.version());
            }
            text = replayed;
            version = at;
            snapshotVersion = s.snapshotVersion();
        }
        loaded = true;
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
