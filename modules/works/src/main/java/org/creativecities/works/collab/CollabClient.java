package org.creativecities.works.collab;

import java.util.ArrayList;
import java.util.List;

/**
 * The client's side of the central-authority model, a port of {@code @codemirror/collab} 6.1 ({@code collab.ts}:
 * {@code receiveUpdates}, {@code sendableUpdates}, {@code getSyncedVersion}) without effects, for Java clients of
 * the co-editing frames (the integration tests, the benchmark). It holds a text, the version it is synced to and the
 * local changes not yet confirmed; confirmed updates from the server are applied and the unconfirmed ones rebased
 * over the others' updates exactly as the browser's editor does, so that both kinds of client converge on the
 * server's text. Thread-safe.
 */
public final class CollabClient {

    /** An update as the server sends it: whose client made it, and its changes. */
    public record Update(String clientId, ChangeSet changes) {
    }

    private final String clientId;
    private long version;
    private String text;
    private List<ChangeSet> unconfirmed = new ArrayList<>();

    /** A client with this id, synced to the document at {@code version} with this text. */
    public CollabClient(String clientId, long version, String text) {
        this.clientId = clientId;
        this.version = version;
        this.text = text;
    }

    public String clientId() {
        return clientId;
    }

    /** The version of the last update received from the server. */
    public synchronized long version() {
        return version;
    }

    /** The text as the client sees it: the server's at {@link #version()}, with the unconfirmed changes applied. */
    public synchronized String text() {
        return text;
    }

    /** A local edit of the current text. */
    public synchronized void edit(ChangeSet changes) {
        text = changes.apply(text);
        unconfirmed.add(changes);
    }

    /** The local changes not yet confirmed, in order: what to push, based on {@link #version()}. */
    public synchronized List<ChangeSet> sendable() {
        return List.copyOf(unconfirmed);
    }

    /**
     * Updates from the server that follow {@code from} (the version the first applies to). Updates the client has
     * already received are skipped, so the same update may arrive twice (broadcast and in a rejection).
     *
     * @return false when they do not follow on from the client's version (a gap: pull or join again)
     */
    public synchronized boolean receive(long from, List<Update> updates) {
        if (from > version) {
            return false;
        }
        int skip = (int) Math.min(updates.size(), version - from);
        receive(updates.subList(skip, updates.size()));
        return true;
    }

    private void receive(List<Update> updates) {
        if (updates.isEmpty()) {
            return;
        }
        version += updates.size();
        ChangeSet changes = null;
        int own = 0;
        for (Update update : updates) {
            ChangeSet ours = own < unconfirmed.size() ? unconfirmed.get(own) : null;
            if (ours != null && clientId.equals(update.clientId())) {
                if (changes != null) {
                    changes = changes.map(ours, true);
                }
                own++;
            } else {
                changes = changes == null ? update.changes() : changes.compose(update.changes());
            }
        }
        List<ChangeSet> rest = new ArrayList<>(unconfirmed.subList(own, unconfirmed.size()));
        if (!rest.isEmpty() && changes != null) {
            List<ChangeSet> mapped = new ArrayList<>(rest.size());
            for (ChangeSet u : rest) {
                mapped.add(u.map(changes, false));
                changes = changes.map(u, true);
            }
            rest = mapped;
        }
        unconfirmed = rest;
        if (changes != null) {
            text = changes.apply(text);
        }
    }
}
