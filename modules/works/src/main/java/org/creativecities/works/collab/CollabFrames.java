package org.creativecities.works.collab;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.creativecities.core.identity.Caller;
import org.creativecities.core.live.LiveExtension;
import org.creativecities.core.live.LivePeer;
import org.creativecities.core.live.LiveRefusal;

/**
 * Co-editing on the live endpoint: the {@code doc.*} frames (docs/protocol.md, "Co-editing"). Reads each frame's
 * fields ({@link DocFrameReader}), checks the caller's rights on every frame ({@link CollabAccess}: opening the
 * document to join, pull and send a cursor; editing it to push), and hands the request to the
 * {@link CollabAuthority}. Refusals become {@code error} frames naming the work.
 */
@ApplicationScoped
public class CollabFrames implements LiveExtension {

    /** Most updates in one push. */
    static final int MAX_UPDATES = 100;
    /** Most selection ranges in one cursor frame. */
    static final int MAX_RANGES = 100;
    /** Longest client id of an update. */
    static final int MAX_CLIENT_ID = 64;

    @Inject
    private CollabAuthority authority;

    public CollabFrames() {
        // for CDI
    }

    /** Frames on this authority (unit tests). */
    CollabFrames(CollabAuthority authority) {
        this.authority = authority;
    }

    @Override
    public String typePrefix() {
        return "doc.";
    }

    @Override
    public int framesPerMinute() {
        return authority.settings().framesPerMinute();
    }

    @Override
    public int accountFramesPerMinute() {
        return authority.settings().accountFramesPerMinute();
    }

    @Override
    public void frame(LivePeer peer, JsonObject frame) {
        Long work = null;
        try {
            work = DocFrameReader.requiredLong(frame, "work");
            handle(peer, frame, work);
        } catch (CollabException e) {
            throw new LiveRefusal(e.code(), e.getMessage(), work == null ? null : "work", work);
        }
    }

    private void handle(LivePeer peer, JsonObject f, long work) {
        String type = f.getString("type");
        String id = DocFrameReader.optionalString(f, "id");
        Caller.Identity who = peer.who().orElseThrow(() -> new CollabException(CollabException.UNAUTHORIZED,
                "Sign in to edit works."));
        switch (type) {
            case "doc.join" -> {
                Long since = DocFrameReader.optionalVersion(f, "since");
                mayJoin(work, who);
                authority.join(work, peer, who, since, authority.access().mayEdit(work, who.id()), id);
            }
            case "doc.leave" -> authority.leave(work, peer, id);
            case "doc.push" -> {
                long version = DocFrameReader.requiredVersion(f, "version");
                List<CollabAuthority.Incoming> updates = updates(f);
                joined(work, peer);
                if (!authority.access().mayEdit(work, who.id())) {
                    throw new CollabException(CollabException.FORBIDDEN, "You may read this work but not edit it.");
                }
                authority.push(work, peer, who.id(), version, updates, id);
            }
            case "doc.pull" -> {
                long since = DocFrameReader.requiredVersion(f, "since");
                joined(work, peer);
                mayJoin(work, who);
                authority.pull(work, peer, since, id);
            }
            case "doc.cursor" -> {
                long version = DocFrameReader.requiredVersion(f, "version");
                JsonArray ranges = ranges(f);
                joined(work, peer);
                mayJoin(work, who);
                authority.cursor(work, peer, version, ranges);
            }
            default -> throw new CollabException(CollabException.BAD_FRAME, "Unknown frame type '" + type + "'.");
        }
    }

    private void mayJoin(long work, Caller.Identity who) {
        if (!authority.access().mayJoin(work, who.id())) {
            throw new CollabException(CollabException.NOT_FOUND, "There is no text work " + work
                    + " that you may open.");
        }
    }

    private void joined(long work, LivePeer peer) {
        if (!authority.hasJoined(work, peer)) {
            throw new CollabException(CollabException.NOT_JOINED, "Join work " + work + "'s document first.");
        }
    }

    @Override
    public void disconnected(LivePeer peer) {
        authority.disconnected(peer);
    }

    /** The updates of a push: 1 to {@link #MAX_UPDATES} of {@code {"clientID":…,"changes":[…]}}. */
    private static List<CollabAuthority.Incoming> updates(JsonObject f) {
        JsonValue v = f.get("updates");
        if (v == null || v.getValueType() != JsonValue.ValueType.ARRAY || v.asJsonArray().isEmpty()
                || v.asJsonArray().size() > MAX_UPDATES) {
            throw new CollabException(CollabException.BAD_FRAME, "'updates' is an array of 1 to " + MAX_UPDATES
                    + " updates.");
        }
        List<CollabAuthority.Incoming> result = new ArrayList<>();
        for (JsonValue u : v.asJsonArray()) {
            if (u.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new CollabException(CollabException.BAD_FRAME, "Each update is {\"clientID\":…,\"changes\":[…]}.");
            }
            JsonObject update = u.asJsonObject();
            String clientId = DocFrameReader.optionalString(update, "clientID");
            if (clientId == null || clientId.isEmpty() || clientId.length() > MAX_CLIENT_ID) {
                throw new CollabException(CollabException.BAD_FRAME, "An update's 'clientID' has 1 to " + MAX_CLIENT_ID
                        + " characters.");
            }
            if (clientId.equals(CollabAuthority.SERVER_CLIENT_ID)) {
                throw new CollabException(CollabException.BAD_FRAME, "The 'clientID' \"" + clientId
                        + "\" is the server's own (its saves and restores); choose another.");
            }
            JsonValue changes = update.get("changes");
            ChangeSet set;
            try {
                set = ChangeSetJson.fromJson(changes);
            } catch (ChangeSetJson.InvalidChanges e) {
                throw new CollabException(CollabException.BAD_CHANGES, e.getMessage());
            }
            result.add(new CollabAuthority.Incoming(clientId, set, changes.toString()));
        }
        return result;
    }

    /** A selection: 1 to {@link #MAX_RANGES} of {@code {"anchor":n,"head":n}}, positions from 0 to the size limit. */
    private JsonArray ranges(JsonObject f) {
        JsonValue v = f.get("ranges");
        if (v == null || v.getValueType() != JsonValue.ValueType.ARRAY || v.asJsonArray().isEmpty()
                || v.asJsonArray().size() > MAX_RANGES) {
            throw new CollabException(CollabException.BAD_FRAME, "'ranges' is an array of 1 to " + MAX_RANGES
                    + " {anchor, head}.");
        }
        int max = authority.settings().maxDocumentChars();
        for (JsonValue r : v.asJsonArray()) {
            if (r.getValueType() != JsonValue.ValueType.OBJECT || r.asJsonObject().size() != 2) {
                throw new CollabException(CollabException.BAD_FRAME, "A range is {\"anchor\":n,\"head\":n}.");
            }
            for (String end : new String[] {"anchor", "head"}) {
                long pos = DocFrameReader.requiredLong(r.asJsonObject(), end);
                if (pos < 0 || pos > max) {
                    throw new CollabException(CollabException.BAD_FRAME, "A position is from 0 to " + max + ".");
                }
            }
        }
        return v.asJsonArray();
    }
}
