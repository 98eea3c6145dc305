package org.creativecities.works.collab;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.live.LivePeer;

/**
 * The central authority over text works' documents, as {@code @codemirror/collab} expects one: it accepts a client's
 * updates only when they were made against the document's current version, stores them (numbered in the transaction
 * that stores them, {@link CollabLog}), applies them to its canonical text, and sends them to every editor of the
 * document, the sender included, in version order. A push against an older version is answered with the updates the
 * client is missing, so that it rebases and pushes again.
 *
 * <p>A document is in memory ({@link LiveDocument}) while it has editors, and loaded from its latest snapshot and the
 * updates after it when needed; every {@link CollabSettings#snapshotEvery()} updates a snapshot is stored with them.
 * Rights are the works context's ({@link CollabAccess}) and are checked by the frame adapter on every frame.
 */
@ApplicationScoped
public class CollabAuthority implements CollabDocuments {

    /** The client id of updates that the server makes itself (a save or restore through the REST API). */
    static final String SERVER_CLIENT_ID = "server";

    private final OpenDocuments documents = new OpenDocuments(this::load);
    /** The documents each connection has joined. */
    private final ConcurrentMap<LivePeer, Set<Long>> joinedBy = new ConcurrentHashMap<>();

    @Inject
    private CollabLog log;

    @Inject
    private CollabSettings settings;

    @Inject
    private CollabAccess access;

    public CollabAuthority() {
        // for CDI
    }

    /** An authority on these parts (unit tests). */
    CollabAuthority(CollabLog log, CollabSettings settings, CollabAccess access) {
        this.log = log;
        this.settings = settings;
        this.access = access;
    }

    /** An incoming update, its changes read and checked for form: its client's id, changes and their JSON. */
    record Incoming(String clientId, ChangeSet changes, String json) {
    }

    /** The works context's answers on who may do what. */
    CollabAccess access() {
        return access;
    }

    CollabSettings settings() {
        return settings;
    }

    // ---- CollabDocuments ----

    @Override
    public DocumentState current(long workId) {
        return documents.with(workId, d -> new DocumentState(d.version, d.text));
    }

    @Override
    public DocumentState replace(long workId, long accountId, String text) {
        if (text.length() > settings.maxDocumentChars()) {
            throw new CollabException(CollabException.TOO_LARGE, "A document has at most "
                    + settings.maxDocumentChars() + " characters.");
        }
        return documents.with(workId, d -> {
            if (!text.equals(d.text)) {
                ChangeSet changes = ChangeSet.between(d.text, text);
                store(d, accountId, List.of(new CollabLog.Pending(SERVER_CLIENT_ID,
                        ChangeSetJson.toJson(changes).toString())), text);
            }
            return new DocumentState(d.version, d.text);
        });
    }

    // ---- the frames' use cases ----

    /** Lets a connection in (or sends its state again), announces it to the others and sends it the document. */
    void join(long workId, LivePeer peer, Caller.Identity who, Long since, boolean canEdit, String frameId) {
        documents.with(workId, d -> {
            List<CollabLog.Logged> missed = since == null || since > d.version ? null : since(d, since);
            LiveDocument.Editor e = d.editors.get(peer);
            if (e == null) {
                e = new LiveDocument.Editor(d.nextPeer(), who.id(), who.displayName());
                d.group.broadcast(DocFrames.presence(workId, "joined", e));
                d.editors.put(peer, e);
                d.group.add(peer);
                joinedBy.computeIfAbsent(peer, p -> ConcurrentHashMap.newKeySet()).add(workId);
            }
            peer.send(DocFrames.joined(workId, d.version, missed == null ? d.text : null, since, missed,
                    d.editors.values(), e.peer(), canEdit, settings, frameId));
            if (!peer.isOpen()) {
                removeEditor(d, peer);
            }
            return null;
        });
    }

    /** Takes a connection out of the document. */
    void leave(long workId, LivePeer peer, String frameId) {
        documents.ifInMemory(workId, d -> removeEditor(d, peer));
        peer.send(DocFrames.left(workId, frameId));
    }

    /** Forgets a connection that is gone, in every document it had joined. */
    void disconnected(LivePeer peer) {
        Set<Long> works = joinedBy.remove(peer);
        if (works != null) {
            for (Long workId : works) {
                documents.ifInMemory(workId, d -> removeEditor(d, peer));
            }
        }
    }

    /** Whether the connection has joined the document. */
    boolean hasJoined(long workId, LivePeer peer) {
        Set<Long> works = joinedBy.get(peer);
        return works != null && works.contains(workId);
    }

    /**
     * Updates made against version {@code base}: stored, applied and sent to everyone if {@code base} is the current
     * version; otherwise the sender gets what it is missing ({@code doc.rejected}).
     */
    void push(long workId, LivePeer peer, long accountId, long base, List<Incoming> updates, String frameId) {
        documents.with(workId, d -> {
            requireJoined(d, peer);
            if (base != d.version) {
                peer.send(rejection(d, base, frameId));
                return null;
            }
            String text = d.text;
            long inserted = 0;
            for (int i = 0; i < updates.size(); i++) {
                if (d.clientOfAnother(updates.get(i).clientId(), accountId)) {
                    throw new CollabException(CollabException.BAD_FRAME, "The 'clientID' of update " + (i + 1)
                            + " is another editor's; each editor uses its own.");
                }
                ChangeSet changes = updates.get(i).changes();
                if (changes.length() != text.length()) {
                    throw new CollabException(CollabException.BAD_CHANGES, "Update " + (i + 1) + " applies to a text of "
                            + changes.length() + " characters; the document at version " + (base + i) + " has "
                            + text.length() + ".");
                }
                if (changes.splitsCharacterOf(text)) {
                    throw new CollabException(CollabException.BAD_CHANGES, "Update " + (i + 1)
                            + " splits a character (a surrogate pair) in two.");
                }
                inserted += changes.insertedLength();
                if (inserted > settings.maxUpdateChars()) {
                    throw new CollabException(CollabException.TOO_LARGE, "A push inserts at most "
                            + settings.maxUpdateChars() + " characters; send it in parts.");
                }
                if (changes.newLength() > settings.maxDocumentChars()) {
                    throw new CollabException(CollabException.TOO_LARGE, "A document has at most "
                            + settings.maxDocumentChars() + " characters.");
                }
                text = changes.apply(text);
            }
            List<CollabLog.Pending> pending = updates.stream()
                    .map(u -> new CollabLog.Pending(u.clientId(), u.json())).toList();
            try {
                store(d, accountId, pending, text);
            } catch (CollabLog.Conflict conflict) {
                load(d);
                peer.send(rejection(d, base, frameId));
                return null;
            }
            peer.send(DocFrames.ack(workId, d.version, updates.size(), frameId));
            return null;
        });
    }

    /** The updates after {@code since}, for the asking connection only. */
    void pull(long workId, LivePeer peer, long since, String frameId) {
        documents.with(workId, d -> {
            requireJoined(d, peer);
            requireReached(d, since);
            List<CollabLog.Logged> missing = since(d, since);
            if (missing == null) {
                throw new CollabException(CollabException.TOO_FAR_BEHIND, "Version " + since
                        + " is too far from the document's (" + d.version + "): join again.");
            }
            peer.send(DocFrames.updates(workId, since, missing, frameId));
            return null;
        });
    }

    /** Relays an editor's selection to the others. */
    void cursor(long workId, LivePeer peer, long version, JsonArray ranges) {
        documents.with(workId, d -> {
            LiveDocument.Editor e = requireJoined(d, peer);
            requireReached(d, version);
            d.group.broadcastExcept(peer, DocFrames.cursor(workId, version, e, ranges));
            return null;
        });
    }

    // ---- inside a document's lock ----

    private String rejection(LiveDocument d, long base, String frameId) {
        requireReached(d, base);
        List<CollabLog.Logged> missing = since(d, base);
        if (missing == null) {
            throw new CollabException(CollabException.TOO_FAR_BEHIND, "Version " + base
                    + " is too far from the document's (" + d.version + "): join again.");
        }
        return DocFrames.rejected(d.workId, d.version, base, missing, frameId);
    }

    /** Stores updates, then applies them in memory and sends them to every editor. */
    private void store(LiveDocument d, long accountId, List<CollabLog.Pending> pending, String newText) {
        long from = d.version;
        long to = from + pending.size();
        int every = settings.snapshotEvery();
        String snapshot = to / every > from / every ? newText : null;
        log.append(d.workId, from, d.text, accountId, pending, snapshot);
        List<CollabLog.Logged> stored = new ArrayList<>(pending.size());
        long version = from;
        for (CollabLog.Pending p : pending) {
            CollabLog.Logged logged = new CollabLog.Logged(++version, p.clientId(), accountId, p.changes());
            stored.add(logged);
            d.remember(logged, keep());
        }
        d.version = to;
        d.text = newText;
        if (snapshot != null) {
            d.snapshotVersion = to;
        }
        d.group.broadcast(DocFrames.updates(d.workId, from, stored, null));
    }

    /** The updates after {@code since} (at most the resume limit), from memory or the log; null when too many. */
    private List<CollabLog.Logged> since(LiveDocument d, long since) {
        if (since < 0 || d.version - since > settings.resumeMax()) {
            return null;
        }
        List<CollabLog.Logged> recent = d.recentSince(since);
        return recent != null ? recent : log.between(d.workId, since, d.version);
    }

    /** Refuses a version the document has not reached: no client can have seen it. */
    private static void requireReached(LiveDocument d, long version) {
        if (version > d.version) {
            throw new CollabException(CollabException.BAD_FRAME, "Version " + version + " is ahead of the document ("
                    + d.version + ").");
        }
    }

    private LiveDocument.Editor requireJoined(LiveDocument d, LivePeer peer) {
        LiveDocument.Editor e = d.editors.get(peer);
        if (e == null) {
            throw new CollabException(CollabException.NOT_JOINED, "Join work " + d.workId + "'s document first.");
        }
        return e;
    }

    private void removeEditor(LiveDocument d, LivePeer peer) {
        LiveDocument.Editor e = d.editors.remove(peer);
        d.group.remove(peer);
        Set<Long> works = joinedBy.get(peer);
        if (works != null) {
            works.remove(d.workId);
        }
        if (e != null) {
            d.group.broadcast(DocFrames.presence(d.workId, "left", e));
        }
    }

    private int keep() {
        return Math.max(settings.resumeMax(), settings.snapshotEvery());
    }

    /** Reads the document from its snapshot and the updates after it, or from the work's text if it has no log. */
    private void load(LiveDocument d) {
        d.load(log, workId -> access().initialText(workId), keep());
    }
}
