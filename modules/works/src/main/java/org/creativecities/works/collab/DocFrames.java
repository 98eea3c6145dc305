package org.creativecities.works.collab;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.util.Collection;
import java.util.List;

/**
 * The server's co-editing frames (docs/protocol.md, "Co-editing"). Updates are written from their stored JSON as it
 * is (the changes exactly as the client sent them), never re-encoded per recipient.
 */
final class DocFrames {

    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(null);
    /** Looked up once: {@code Json.createValue} looks the provider up on every call. */
    private static final JsonProvider PROVIDER = JsonProvider.provider();

    private DocFrames() {
    }

    /** A person, as in the rooms' frames. */
    static JsonObject user(long id, String name) {
        return JSON.createObjectBuilder().add("id", id).add("name", name).build();
    }

    static JsonObject editor(LiveDocument.Editor e) {
        return JSON.createObjectBuilder().add("peer", e.peer()).add("user", user(e.accountId(), e.name())).build();
    }

    /** One update in a frame: {"clientID":…,"author":…,"changes":[…]}. */
    static String update(CollabLog.Logged u) {
        return "{\"clientID\":" + PROVIDER.createValue(u.clientId()) + ",\"author\":" + u.authorId() + ",\"changes\":"
                + u.changes() + "}";
    }

    private static String updates(List<CollabLog.Logged> updates) {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < updates.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(update(updates.get(i)));
        }
        return out.append(']').toString();
    }

    /** Appends the id field, if any, and closes the object. */
    private static String close(StringBuilder frame, String frameId) {
        if (frameId != null) {
            frame.append(",\"id\":").append(PROVIDER.createValue(frameId));
        }
        return frame.append('}').toString();
    }

    /**
     * Updates {@code from + 1 …}: {@code from} is the version the first one applies to. For everyone in the document
     * (without id), or as the answer to a pull (with its id).
     */
    static String updates(long workId, long from, List<CollabLog.Logged> updates, String frameId) {
        StringBuilder f = new StringBuilder("{\"type\":\"doc.updates\",\"work\":").append(workId).append(",\"from\":")
                .append(from).append(",\"updates\":").append(updates(updates));
        return close(f, frameId);
    }

    /** The joiner's state: the whole text at {@code version}, or (resuming) the updates after {@code since}. */
    static String joined(long workId, long version, String text, Long since, List<CollabLog.Logged> missed,
                         Collection<LiveDocument.Editor> online, int you, boolean canEdit, CollabSettings limits,
                         String frameId) {
        JsonArrayBuilder people = JSON.createArrayBuilder();
        online.forEach(e -> people.add(editor(e)));
        JsonObjectBuilder head = JSON.createObjectBuilder().add("type", "doc.joined").add("work", workId)
                .add("version", version).add("you", you).add("canEdit", canEdit).add("online", people)
                .add("limits", JSON.createObjectBuilder().add("maxUpdateChars", limits.maxUpdateChars())
                        .add("maxDocumentChars", limits.maxDocumentChars()));
        if (text != null) {
            head.add("text", text);
        }
        String start = head.build().toString();
        StringBuilder f = new StringBuilder(start.length() + 64).append(start, 0, start.length() - 1);
        if (text == null) {
            f.append(",\"from\":").append(since).append(",\"updates\":").append(updates(missed));
        }
        return close(f, frameId);
    }

    /** The push was not based on the current version: the updates the client is missing, for it to rebase. */
    static String rejected(long workId, long version, long from, List<CollabLog.Logged> missing, String frameId) {
        StringBuilder f = new StringBuilder("{\"type\":\"doc.rejected\",\"work\":").append(workId)
                .append(",\"reason\":\"stale\",\"version\":").append(version).append(",\"from\":").append(from)
                .append(",\"updates\":").append(updates(missing));
        return close(f, frameId);
    }

    /** The push was stored: the document is now at {@code version}. */
    static String ack(long workId, long version, int count, String frameId) {
        return close(new StringBuilder("{\"type\":\"doc.ack\",\"work\":").append(workId).append(",\"version\":")
                .append(version).append(",\"count\":").append(count), frameId);
    }

    static String left(long workId, String frameId) {
        return close(new StringBuilder("{\"type\":\"doc.left\",\"work\":").append(workId), frameId);
    }

    /** A connection joined or left the document. */
    static String presence(long workId, String event, LiveDocument.Editor e) {
        return JSON.createObjectBuilder().add("type", "doc.presence").add("work", workId).add("event", event)
                .add("peer", e.peer()).add("user", user(e.accountId(), e.name())).build().toString();
    }

    /** An editor's selection, relayed to the others as it came (positions in the text at {@code version}). */
    static String cursor(long workId, long version, LiveDocument.Editor e, JsonArray ranges) {
        return JSON.createObjectBuilder().add("type", "doc.cursor").add("work", workId).add("version", version)
                .add("peer", e.peer()).add("user", user(e.accountId(), e.name())).add("ranges", ranges).build()
                .toString();
    }
}
